/**
 * Every CSV file Knowhow writes (the reports' downloads, the command line's output) is made
 * here, so that none of them can carry a formula into a spreadsheet. A name, a team, a comment
 * or a search question is whatever someone typed: `=HYPERLINK("http://evil","x")` or
 * `+cmd|' /C calc'!A0` would run when the file is opened in Excel, LibreOffice or Google Sheets.
 * As OWASP recommends, a text cell that starts with =, +, -, @, a tab or a carriage return gets a
 * leading apostrophe, which spreadsheets read as "this is text" (and most then hide).
 *
 * Only text is changed: numbers Knowhow computes (a score, days overdue, a question's
 * discrimination of -0.25) are written as numbers and stay numbers in the spreadsheet. Text
 * that merely looks like a number, such as "-5" typed as a team, is text and gets the
 * apostrophe.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/** `value` as a spreadsheet will show it and never run it. */
export function neutralisedText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A CSV file of `header` and `rows`, every text cell neutralised; null and undefined are empty cells. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify([header, ...rows] as unknown[][], { cast: { string: neutralisedText } });
}
