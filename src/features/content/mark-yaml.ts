/**
 * Records something at the top of a hand-written YAML file (a quiz translation's
 * `translatedFrom:`): sets one top-level field and changes nothing else, byte for byte. The
 * document is read with the yaml package only to find where the field is; the text is edited in
 * place, because writing the document back out would refold long lines and drop the author's
 * spacing. A new field goes on its own line after the fields that come before `before` (a
 * translation's `questions:`), so a comment above `questions:` stays with it; else at the end.
 */
import { isMap, isScalar, parse, parseDocument, type Scalar } from 'yaml';

export class YamlMarkError extends Error {}

export function setYamlField(source: string, field: string, value: string, before?: string): string {
  const document = parseDocument(source);
  if (document.errors.length > 0) throw new YamlMarkError(`it is not valid YAML (${document.errors[0]?.message.split('\n')[0]})`);
  const root = document.contents;
  if (!isMap(root) || root.flow) throw new YamlMarkError('it is not a list of `field: value` lines');
  const text = asYaml(value);
  const keyOf = (name: string) => root.items.find((pair) => isScalar(pair.key) && pair.key.value === name);
  const existing = keyOf(field);
  if (existing) {
    const node = existing.value as Scalar.Parsed | null;
    if (node !== null && !isScalar(node)) throw new YamlMarkError(`its ${field}: is not a single value`);
    const [start, end] = node?.range ?? [0, 0];
    // Nothing after the colon: write the value right after it, keeping any comment that follows.
    if (node === null || start === end) {
      const colon = source.indexOf(':', (existing.key as Scalar.Parsed).range[1]);
      return `${source.slice(0, colon + 1)} ${text}${source.slice(colon + 1)}`;
    }
    return source.slice(0, start) + text + source.slice(end);
  }
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const next = before === undefined ? undefined : keyOf(before);
  if (next) {
    const previous = root.items[root.items.indexOf(next) - 1];
    const previousEnd = (previous?.value as Scalar.Parsed | null)?.range[1] ?? (previous?.key as Scalar.Parsed | undefined)?.range[1];
    const at =
      previousEnd === undefined
        ? source.lastIndexOf('\n', (next.key as Scalar.Parsed).range[0] - 1) + 1
        : source.indexOf('\n', previousEnd) + 1;
    return `${source.slice(0, at)}${field}: ${text}${eol}${source.slice(at)}`;
  }
  const ending = source === '' || source.endsWith('\n') ? '' : eol;
  return `${source}${ending}${field}: ${text}${eol}`;
}

/** The value as YAML reads it back as the same text: quoted when it would read as a number (a hash of digits). */
function asYaml(value: string): string {
  return parse(value) === value ? value : `'${value.replaceAll("'", "''")}'`;
}
