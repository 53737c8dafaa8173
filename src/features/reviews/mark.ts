/**
 * Records something in a page's own file, a review (`reviewed:`) or the version of the original
 * a translation was made from (`translatedFrom:`): sets one front matter field and changes
 * nothing else, byte for byte, so the owner commits it like any other change. A file without
 * front matter gets one with just that field.
 */

const DELIMITER = /^---[ \t]*$/;

export function setFrontMatterField(source: string, field: string, value: string): string {
  const fieldLine = new RegExp(`^${field}:([ \\t]*)(.*?)([ \\t]+#.*)?$`);
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = source.slice(bom.length);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const end = DELIMITER.test(lines[0] ?? '') ? lines.findIndex((line, index) => index > 0 && DELIMITER.test(line)) : -1;
  if (end === -1) return `${bom}---${eol}${field}: ${value}${eol}---${eol}${text}`;
  const at = lines.findIndex((line, index) => index > 0 && index < end && fieldLine.test(line));
  if (at === -1) {
    lines.splice(end, 0, `${field}: ${value}`);
  } else {
    // Keep the author's spacing and any comment after the value.
    lines[at] = (lines[at] as string).replace(
      fieldLine,
      (_line, space: string, _old, comment = '') => `${field}:${space || ' '}${value}${comment}`,
    );
  }
  return bom + lines.join(eol);
}

export function markReviewed(source: string, date: string): string {
  return setFrontMatterField(source, 'reviewed', date);
}
