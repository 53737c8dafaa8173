/** Pages to acknowledge, for tests without a build: a page record and its text, from its source. */
import { acknowledgeText, acknowledgeVersion, textHash } from '../../src/lib/content/acknowledge.ts';
import { parseFrontMatter } from '../../src/lib/content/frontmatter.ts';
import type { PageRecord } from '../../src/lib/content/types.ts';
import type { PolicyText } from '../../src/lib/acknowledgements/policy-texts.ts';
import { type AcknowledgementCatalog, catalogOf } from '../../src/lib/server/acknowledgements/catalog.ts';
import { pageRecord } from './page-record.ts';

export interface PolicySource {
  file: string;
  source: string;
}

/** The catalog a build of these sources would give the server. */
export function policyCatalog(sources: PolicySource[]): AcknowledgementCatalog {
  const pages: PageRecord[] = [];
  const texts: PolicyText[] = [];
  for (const { file, source } of sources) {
    const { data } = parseFrontMatter(file, source);
    const text = acknowledgeText(source);
    const version = acknowledgeVersion(data.version, text);
    const page = pageRecord(file, {
      title: data.title ?? file,
      audience: data.audience ?? [],
      acknowledge: data.acknowledge ?? false,
      ...(data.acknowledge ? { acknowledgeVersion: version } : {}),
    });
    pages.push(page);
    if (data.acknowledge) texts.push({ url: page.url, file, version, textHash: textHash(text), text });
  }
  return catalogOf(pages, texts);
}
