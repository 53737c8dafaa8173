/**
 * Every API error has one shape: { "error": { "code", "message", "fields"? } }, with the HTTP
 * status that belongs to its code. Codes are UPPER_SNAKE and listed here, once; services throw
 * ApiError and the route layer (api/route.ts) turns it into the response.
 */
export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  BAD_REQUEST: 400,
  WEAK_PASSWORD: 400,
  UNAUTHORIZED: 401,
  INVALID_API_KEY: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  FORBIDDEN_ORIGIN: 403,
  INSUFFICIENT_SCOPE: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  ACCOUNT_DEACTIVATED: 403,
  SIGN_UP_CLOSED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  LAST_ADMIN: 409,
  ATTEMPT_LIMIT_REACHED: 409,
  NO_OPEN_ATTEMPT: 409,
  VERSION_CHANGED: 409,
  TRANSLATION_STALE: 409,
  PAYLOAD_TOO_LARGE: 413,
  MISDIRECTED_REQUEST: 421,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  SEARCH_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorOptions {
  /** Per-field messages, for INVALID_INPUT. */
  fields?: Record<string, string> | undefined;
  headers?: HeadersInit;
}

export function errorResponse(code: ErrorCode, message: string, { fields, headers }: ErrorOptions = {}): Response {
  return Response.json(
    { error: { code, message, ...(fields ? { fields } : {}) } },
    { status: ERROR_STATUS[code], headers: { 'Cache-Control': 'no-store', ...Object.fromEntries(new Headers(headers ?? {})) } },
  );
}

/** An error a person can act on, thrown by services and guards and answered in the standard shape. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly options: ErrorOptions;
  constructor(code: ErrorCode, message: string, options: ErrorOptions = {}) {
    super(message);
    this.code = code;
    this.options = options;
  }

  toResponse(): Response {
    return errorResponse(this.code, this.message, this.options);
  }
}

/** Field messages from a zod error: { "email": "write an email address", "jobRoles.1": "..." }. */
export function fieldMessages(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const at = issue.path.map(String);
    // A field the request may not have is named by itself, not by the object it is in.
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) fields[[...at, key].join('.')] ??= `${key} is not a field here; leave it out`;
      continue;
    }
    fields[at.join('.') || 'body'] ??= issue.message;
  }
  return fields;
}
