/**
 * A problem found in the content folder, written for a policy owner who is not a developer:
 * where it is (file, line, field), what is wrong, and what to write instead.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** A stable name for the kind of problem, e.g. BROKEN_LINK. */
  code: ProblemCode;
  /** Path relative to the content folder; a quiz file's, relative to its parent (quizzes/basics.yaml). */
  file: string;
  line?: number;
  field?: string;
  /** What is wrong, in plain words. */
  message: string;
  /** What to write instead. */
  hint?: string;
}

export type ProblemCode =
  | 'INVALID_YAML'
  | 'INVALID_MDX'
  | 'INVALID_FIELD'
  | 'UNKNOWN_FIELD'
  | 'MISSPELT_FIELD'
  | 'DUPLICATE_URL'
  | 'BROKEN_LINK'
  | 'MISSING_ANCHOR'
  | 'MISSING_IMAGE'
  | 'NO_OWNER'
  | 'NO_TITLE'
  | 'DRAFT_LINKED'
  | 'INVALID_SETTINGS'
  | 'INVALID_OWNERS_FILE'
  | 'INVALID_QUIZ'
  | 'DUPLICATE_QUIZ'
  | 'BROKEN_SOURCE'
  | 'TRANSLATION_WITHOUT_ORIGINAL'
  | 'TRANSLATION_IN_ORIGINAL_LANGUAGE'
  | 'TRANSLATION_UNVERSIONED'
  | 'TRANSLATION_INCOMPLETE';

export function countBySeverity(problems: readonly Problem[]): Record<Severity, number> {
  let error = 0;
  for (const problem of problems) if (problem.severity === 'error') error++;
  return { error, warning: problems.length - error };
}

/** Sorted by file, then line, so a report reads top to bottom like the content folder. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code));
}

export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? ` ${problem.field}:` : '';
  const hint = problem.hint ? `\n    ${problem.hint}` : '';
  return `${where} ${problem.severity}${field} ${problem.message}${hint}`;
}

export interface ReportOptions {
  strict?: boolean;
  /** Show at most this many problems of each kind, then a count of the rest (for build logs). */
  limitPerCode?: number;
}

/** The whole report: every problem (or the first of each kind), then one line of totals. */
export function formatReport(problems: readonly Problem[], { strict = false, limitPerCode }: ReportOptions = {}): string {
  const { error, warning } = countBySeverity(problems);
  const seen = new Map<ProblemCode, number>();
  const hidden = new Map<ProblemCode, number>();
  const lines: string[] = [];
  for (const problem of sortProblems(problems)) {
    const count = (seen.get(problem.code) ?? 0) + 1;
    seen.set(problem.code, count);
    // Errors are always listed: each one stops the build.
    if (limitPerCode === undefined || count <= limitPerCode || problem.severity === 'error') lines.push(formatProblem(problem));
    else hidden.set(problem.code, (hidden.get(problem.code) ?? 0) + 1);
  }
  for (const [code, count] of hidden) {
    lines.push(`... and ${count} more ${code} warnings; \`npm run check:content\` lists them all`);
  }
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const failing = error + (strict ? warning : 0);
  const verdict = failing > 0 ? 'fix the problems above' : 'ok';
  lines.push(`${plural(error, 'error')}, ${plural(warning, 'warning')}${strict ? ' (strict: warnings count as errors)' : ''}: ${verdict}`);
  return lines.join('\n');
}
