/**
 * Every API error has one shape: { "error": { "code", "message", "fields"? } }, with the HTTP
 * status that belongs to its code. Codes are UPPER_SNAKE and listed here, once.
 */
export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN_ORIGIN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SEARCH_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorOptions {
  /** Per-field messages, for INVALID_INPUT. */
  fields?: Record<string, string>;
  headers?: HeadersInit;
}

export function errorResponse(code: ErrorCode, message: string, { fields, headers }: ErrorOptions = {}): Response {
  return Response.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status: ERROR_STATUS[code], headers: headers ?? {} });
}
