/**
 * The pages people must acknowledge, as the server knows them: the manifest's pages with
 * `acknowledge: true`, each with its current version and text (dist/server/knowhow-policy-texts.json,
 * written by the build; in the dev server, read from the content folder). Made once per manifest.
 */
import { type PolicyText, policyTexts } from '../../handbook/index.ts';
import type { PageRecord } from '../../content/index.ts';
import type { ServedContent } from '../../handbook/server.ts';

export interface PolicyPage {
  url: string;
  file: string;
  title: string;
  /** Job roles that must acknowledge it; everyone when empty. */
  audience: string[];
  version: string;
  textHash: string;
  text: string;
}

/** A translation of a page to acknowledge: reading it counts for the original's version, while it is current. */
export interface PolicyTranslation {
  url: string;
  title: string;
  lang: string;
  /** Made from an earlier version of the original: it may not say what the original says now. */
  stale: boolean;
  policy: PolicyPage;
}

export interface AcknowledgementCatalog {
  pages: PolicyPage[];
  page(url: string): PolicyPage | undefined;
  /** The translation at `url` of a page to acknowledge. */
  translation(url: string): PolicyTranslation | undefined;
  /** The current translation into `lang` of the page to acknowledge at `url`, to read it in a person's language. */
  currentTranslation(url: string, lang: string): PolicyTranslation | undefined;
  /** Whether `url` is a page of the handbook at all (one that asks for no acknowledgement, perhaps). */
  isPage(url: string): boolean;
}

type ManifestOrSite = Pick<ServedContent, 'pages' | 'policyTexts' | 'contentDir'>;

const catalogs = new WeakMap<object, AcknowledgementCatalog>();

export function acknowledgementCatalog(manifest: ManifestOrSite, texts?: readonly PolicyText[]): AcknowledgementCatalog {
  let catalog = catalogs.get(manifest);
  if (!catalog) {
    catalog = catalogOf(manifest.pages, texts ?? textsOf(manifest));
    catalogs.set(manifest, catalog);
  }
  return catalog;
}

export function catalogOf(pages: readonly PageRecord[], texts: readonly PolicyText[]): AcknowledgementCatalog {
  const byUrl = new Map(pages.filter((page) => !page.draft).map((page) => [page.url, page]));
  const policies: PolicyPage[] = texts.flatMap((text) => {
    const page = byUrl.get(text.url);
    if (!page?.acknowledge) return [];
    return [
      {
        url: page.url,
        file: page.file,
        title: page.title,
        audience: page.audience,
        version: text.version,
        textHash: text.textHash,
        text: text.text,
      },
    ];
  });
  const policyByUrl = new Map(policies.map((page) => [page.url, page]));
  const translationByUrl = new Map<string, PolicyTranslation>();
  for (const page of byUrl.values()) {
    const policy = page.translationOf ? policyByUrl.get(page.translationOf) : undefined;
    if (policy)
      translationByUrl.set(page.url, { url: page.url, title: page.title, lang: page.lang, stale: page.translationStale === true, policy });
  }
  const translations = [...translationByUrl.values()];
  return {
    pages: policies,
    page: (url) => policyByUrl.get(normalizeUrl(url)),
    translation: (url) => translationByUrl.get(normalizeUrl(url)),
    currentTranslation: (url, lang) =>
      translations.find((translation) => translation.policy.url === normalizeUrl(url) && translation.lang === lang && !translation.stale),
    isPage: (url) => byUrl.has(normalizeUrl(url)),
  };
}

/** "policies/identity-verification" and "/policies/identity-verification" are "/policies/identity-verification/". */
export function normalizeUrl(url: string): string {
  const trimmed = url.trim().split(/[?#]/)[0] ?? '';
  return `/${trimmed.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** A built server read the build's texts; the dev server's site model knows its content folder. */
function textsOf(manifest: ManifestOrSite): readonly PolicyText[] {
  if (manifest.policyTexts) return manifest.policyTexts;
  return manifest.contentDir ? policyTexts(manifest.contentDir, manifest.pages) : [];
}
