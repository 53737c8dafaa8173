/**
 * Reading a hand-written YAML map field by field, each with its line, so that every problem can
 * say where it is. A key the reader does not know is reported, with the closest known key when
 * it looks misspelt, rather than silently dropped.
 */
import { isMap, isScalar, type LineCounter, type ParsedNode, type YAMLMap } from 'yaml';
import type { Problem, ProblemCode } from '../content/index.ts';
import { closest, quoteList } from '../content/index.ts';

export interface Field {
  node: ParsedNode | null;
  line: number;
}

/** Where the problems of one file are collected. */
export class YamlReport {
  readonly problems: Problem[] = [];
  readonly file: string;
  readonly #lineCounter: LineCounter;

  constructor(file: string, lineCounter: LineCounter) {
    this.file = file;
    this.#lineCounter = lineCounter;
  }

  lineOf(node: { range?: [number, number, number] | null | undefined } | null | undefined, fallback = 1): number {
    const offset = node?.range?.[0];
    return offset === undefined ? fallback : this.#lineCounter.linePos(offset).line;
  }

  error(line: number, field: string | undefined, message: string, hint: string, code: ProblemCode = 'INVALID_QUIZ'): void {
    this.problems.push({ severity: 'error', code, file: this.file, line, ...(field ? { field } : {}), message, hint });
  }

  get hasErrors(): boolean {
    return this.problems.some((problem) => problem.severity === 'error');
  }

  /** The fields of `map` that are in `known`; the others are reported as misspelt or unknown. */
  fields(map: YAMLMap<unknown, unknown>, known: readonly string[], what: string): Map<string, Field> {
    const fields = new Map<string, Field>();
    for (const pair of map.items) {
      const keyNode = pair.key as ParsedNode | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const line = this.lineOf(keyNode);
      if (known.includes(key)) {
        fields.set(key, { node: (pair.value as ParsedNode | null) ?? null, line });
        continue;
      }
      const suggestion = closest(key, known);
      if (suggestion) {
        this.error(line, key, `is not ${what}; did you mean \`${suggestion}\`?`, `rename it to ${suggestion}:`, 'MISSPELT_FIELD');
      } else {
        this.problems.push({
          severity: 'warning',
          code: 'UNKNOWN_FIELD',
          file: this.file,
          line,
          field: key,
          message: `is not ${what} and is ignored`,
          hint: `the fields here are ${quoteList(known, 'and')}`,
        });
      }
    }
    return fields;
  }
}

/** A field left out, or written with nothing after the colon. */
export function isEmpty(field: Field | undefined): field is undefined | (Field & { node: null }) {
  return !field || field.node === null || (isScalar(field.node) && (field.node.value === null || field.node.value === undefined));
}

export function isMapNode(node: ParsedNode | null | undefined): node is YAMLMap.Parsed {
  return isMap(node);
}

/** A scalar's value as its author wrote it: `True` stays `True`, `30` stays `30`; undefined for lists, maps and empty values. */
export function textOf(node: ParsedNode | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const text = typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
  return text.trim() || undefined;
}

/** How a value reads in a message: text in quotes, anything else as written. */
export function shown(node: ParsedNode | null | undefined): string {
  if (isScalar(node)) return typeof node.value === 'string' ? `"${node.value}"` : (node.source ?? String(node.value));
  if (isMap(node)) return 'a list of fields';
  return node ? 'a list' : 'nothing';
}

/** A true or false field; undefined when it is left out or wrong (and then reported). */
export function readBoolean(report: YamlReport, name: string, field: Field | undefined, example = `${name}: true`): boolean | undefined {
  if (isEmpty(field)) return undefined;
  const value = isScalar(field.node) ? field.node.value : undefined;
  if (typeof value === 'boolean') return value;
  report.error(field.line, name, `${shown(field.node)} is not true or false`, `write true or false, e.g. ${example}`);
  return undefined;
}

/** An optional text field; undefined when it is left out or not text (and then reported). */
export function readOptionalText(report: YamlReport, field: Field | undefined, name: string, example: string): string | undefined {
  if (isEmpty(field)) return undefined;
  const text = textOf(field.node);
  if (text) return text;
  report.error(field.line, name, `${shown(field.node)} is not text`, `write it as text, e.g. ${example}`);
  return undefined;
}
