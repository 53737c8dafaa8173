/**
 * The text of a built page, as search indexes it: the article content (no navigation, no
 * heading links), split into sections at its h2 and h3 headings so a result can point at the
 * section that matched. Read from the built HTML, the same text the in-page search indexes.
 */
export interface PageSection {
  /** The heading's id ('' for the text before the first heading). */
  anchor: string;
  heading: string;
  text: string;
}

const CONTENT_START = '<div class="content">';
const CONTENT_END = '<span data-content-end';
const SECTION_START = /(?=<h[23]\b[^>]*\bid=")/;
const HEADING = /^<h[23]\b[^>]*\bid="([^"]*)"[^>]*>([\s\S]*?)<\/h[23]>/;

export function pageSections(html: string): PageSection[] {
  const start = html.indexOf(CONTENT_START);
  if (start === -1) return [];
  const end = html.indexOf(CONTENT_END, start);
  const body = html
    .slice(start + CONTENT_START.length, end === -1 ? undefined : end)
    .replace(/<a class="heading-link"[\s\S]*?<\/a>/g, '')
    .replace(/<span class="sr-only">[\s\S]*?<\/span>/g, '');
  const sections: PageSection[] = [];
  for (const part of body.split(SECTION_START)) {
    const heading = HEADING.exec(part);
    const text = htmlToText(heading ? part.slice(heading[0].length) : part);
    const section = { anchor: heading?.[1] ?? '', heading: heading ? htmlToText(heading[2] ?? '') : '', text };
    if (section.heading || section.text) sections.push(section);
  }
  return sections;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#')
        return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
