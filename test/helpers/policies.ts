/** Pages to acknowledge, for tests without a build: a page record and its text, from its source. */
import { acknowledgeText, acknowledgeVersion, textHash } from '../../src/features/content/acknowledge.ts';
import { parseFrontMatter } from '../../src/features/content/frontmatter.ts';
import type { PageRecord } from '../../src/features/content/types.ts';
import type { PolicyText } from '../../src/features/handbook/policy-texts.ts';
import { type AcknowledgementCatalog, catalogOf } from '../../src/features/acknowledgements/server/catalog.ts';
import { translationOf, urlForFile } from '../../src/features/content/paths.ts';
import { linkTranslations } from '../../src/features/content/translations.ts';
import { pageRecord } from './page-record.ts';

export interface PolicySource {
  file: string;
  source: string;
}

/** The catalog a build of these sources would give the server; translations linked to their originals. */
export function policyCatalog(sources: PolicySource[]): AcknowledgementCatalog {
  const pages: PageRecord[] = [];
  const texts: PolicyText[] = [];
  for (const { file, source } of sources) {
    const { data } = parseFrontMatter(file, source);
    const text = acknowledgeText(source);
    const version = acknowledgeVersion(data.version, text);
    const translation = translationOf(file);
    const page = pageRecord(file, {
      title: data.title ?? file,
      audience: data.audience ?? [],
      acknowledge: data.acknowledge ?? false,
      textVersion: version,
      ...(data.acknowledge ? { acknowledgeVersion: version } : {}),
      ...(translation ? { lang: translation.lang, translationOf: urlForFile(translation.original) } : {}),
      ...(data.translatedFrom ? { translatedFrom: data.translatedFrom } : {}),
    });
    pages.push(page);
    if (data.acknowledge && !translation) texts.push({ url: page.url, file, version, textHash: textHash(text), text });
  }
  linkTranslations(pages);
  return catalogOf(pages, texts);
}
