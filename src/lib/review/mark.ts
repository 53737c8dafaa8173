/**
 * Records a review in a page's own file: sets `reviewed:` in its front matter and changes
 * nothing else, byte for byte, so the owner commits the review like any other change. A file
 * without front matter gets one with just that field.
 */

const DELIMITER = /^---[ \t]*$/;
const REVIEWED_LINE = /^reviewed:([ \t]*)(.*?)([ \t]+#.*)?$/;

export function markReviewed(source: string, date: string): string {
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = source.slice(bom.length);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  if (lines.length < 2 || !DELIMITER.test(lines[0] ?? '')) return `${bom}---${eol}reviewed: ${date}${eol}---${eol}${text}`;
  const end = lines.findIndex((line, index) => index > 0 && DELIMITER.test(line));
  if (end === -1) return `${bom}---${eol}reviewed: ${date}${eol}---${eol}${text}`;
  const at = lines.findIndex((line, index) => index > 0 && index < end && REVIEWED_LINE.test(line));
  if (at === -1) {
    lines.splice(end, 0, `reviewed: ${date}`);
  } else {
    // Keep the author's spacing and any comment after the date.
    lines[at] = (lines[at] as string).replace(
      REVIEWED_LINE,
      (_line, space: string, _value, comment = '') => `reviewed:${space || ' '}${date}${comment}`,
    );
  }
  return bom + lines.join(eol);
}
