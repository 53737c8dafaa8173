/**
 * better-auth answers errors as { code, message } with its own codes; Knowhow answers every
 * error in one shape (errors.ts). This turns the one into the other, keeping better-auth's
 * message where it is meant for people.
 */
import { APIError } from 'better-auth/api';
import { type ErrorCode, errorResponse } from '../../../kit/server/errors.ts';

const BY_AUTH_CODE: Record<string, { code: ErrorCode; message?: string }> = {
  INVALID_EMAIL_OR_PASSWORD: { code: 'INVALID_CREDENTIALS', message: 'The email or the password is not right.' },
  INVALID_PASSWORD: { code: 'INVALID_CREDENTIALS', message: 'The current password is not right.' },
  WEAK_PASSWORD: { code: 'WEAK_PASSWORD' },
  PASSWORD_TOO_SHORT: { code: 'WEAK_PASSWORD' },
  PASSWORD_TOO_LONG: { code: 'WEAK_PASSWORD' },
  BANNED_USER: { code: 'ACCOUNT_DEACTIVATED', message: 'This account is deactivated; ask an admin to reactivate it.' },
  USER_ALREADY_EXISTS: { code: 'CONFLICT', message: 'That email address already has an account; sign in instead.' },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: { code: 'CONFLICT', message: 'That email address already has an account; sign in instead.' },
  EMAIL_DOMAIN_NOT_ALLOWED: { code: 'SIGN_UP_CLOSED' },
};

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'INVALID_INPUT',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'INVALID_INPUT',
  429: 'RATE_LIMITED',
};

/** better-auth's response as it is when it succeeded, else its error in Knowhow's shape. */
export async function standardAuthResponse(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const body = (await response
    .clone()
    .json()
    .catch(() => ({}))) as { code?: string; message?: string };
  const known = BY_AUTH_CODE[String(body.code ?? '').toUpperCase()];
  const code = known?.code ?? BY_STATUS[response.status] ?? 'INTERNAL_ERROR';
  return errorResponse(code, known?.message ?? body.message ?? 'Signing in did not work.');
}

/**
 * A call of better-auth's server API (`auth.api.*` with asResponse) as a response in Knowhow's
 * shape. An error thrown by a hook, such as a refused password, comes as an exception rather
 * than a response: it is answered the same way.
 */
export async function authCall(call: () => Promise<Response>): Promise<Response> {
  try {
    return await standardAuthResponse(await call());
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    return standardAuthResponse(Response.json(error.body ?? { message: error.message }, { status: error.statusCode }));
  }
}
