/**
 * A portable "column contains this text, ignoring case" condition: LIKE with the pattern's own
 * wildcards escaped (an email's underscore is a character, not a wildcard). SQLite has no
 * default LIKE escape character, hence the explicit ESCAPE.
 */
import { type Expression, type SqlBool, sql } from 'kysely';

export function contains(column: Expression<string | null>, text: string): Expression<SqlBool> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return sql<SqlBool>`lower(${column}) like ${pattern} escape '\\'`;
}
