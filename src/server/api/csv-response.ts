/** CSV downloads of the reports: asked for with `?format=csv` or `Accept: text/csv`. */
import { toCsv } from '../../kit/server/csv.ts';

/** `?format=csv` or `Accept: text/csv` asks for CSV. */
export function wantsCsv(request: Request, format: string | undefined): boolean {
  return format === 'csv' || (format === undefined && /\btext\/csv\b/.test(request.headers.get('accept') ?? ''));
}

/** A download of `rows` under `header`, every text cell safe to open in a spreadsheet (../csv.ts). */
export function csvResponse(filename: string, header: string[], rows: unknown[][]): Response {
  return new Response(toCsv(header, rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
