/** CSV downloads of the reports: asked for with `?format=csv` or `Accept: text/csv`. */
import { stringify } from 'csv-stringify/sync';

/** `?format=csv` or `Accept: text/csv` asks for CSV. */
export function wantsCsv(request: Request, format: string | undefined): boolean {
  return format === 'csv' || (format === undefined && /\btext\/csv\b/.test(request.headers.get('accept') ?? ''));
}

export function csvResponse(filename: string, header: string[], rows: unknown[][]): Response {
  return new Response(stringify([header, ...rows]), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}

/**
 * Text that readers wrote (a comment, a search question), made safe for a spreadsheet: a cell
 * that starts with =, +, -, @ or a tab would be read as a formula.
 */
export function textCell(value: string | null | undefined): string {
  if (!value) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
