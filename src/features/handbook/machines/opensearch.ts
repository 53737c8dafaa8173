/**
 * /opensearch.xml: the OpenSearch 1.1 description that lets a browser add the handbook as a
 * search engine (every page's head links to it). Searches open the search page; suggestions
 * are left out, as /api/search answers with results, not with the suggestion format.
 */
import { absoluteUrl, publicUrlOf, type Settings } from '../../content/index.ts';

export const OPENSEARCH_FILE = 'opensearch.xml';
export const OPENSEARCH_TYPE = 'application/opensearchdescription+xml';

export function openSearchXml(settings: Pick<Settings, 'site'>): string {
  const publicUrl = publicUrlOf(settings);
  const name = settings.site.name;
  // ShortName: at most 16 characters by the specification.
  const shortName = name.length <= 16 ? name : `${name.slice(0, 15).trimEnd()}…`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>${xml(shortName)}</ShortName>
  <Description>${xml(`Search ${name}`)}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>${xml(settings.site.lang)}</Language>
  <Image height="16" width="16" type="image/svg+xml">${xml(absoluteUrl(publicUrl, '/favicon.svg'))}</Image>
  <Url type="text/html" method="get" template="${xml(`${absoluteUrl(publicUrl, '/search/')}?q={searchTerms}`)}"/>
  <Url type="${OPENSEARCH_TYPE}" rel="self" template="${xml(absoluteUrl(publicUrl, `/${OPENSEARCH_FILE}`))}"/>
</OpenSearchDescription>
`;
}

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
