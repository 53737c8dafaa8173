/**
 * Guards for pages rendered on request (account and admin pages): someone who is not signed in
 * is sent to sign in and back; someone signed in without the permission gets a 403 page; a
 * one-time password has to be changed first.
 */
import type { AstroGlobal } from 'astro';
import { type Access, accessError } from './guards.ts';
import type { SessionUser } from './session.ts';
import { signInAddress } from '../return-address.ts';

export type PageAccess =
  | { kind: 'allowed'; user: SessionUser }
  | { kind: 'redirect'; location: string }
  | { kind: 'refused'; message: string };

/** Whether the page may be shown to the person asking; sets the 403 status when not. */
export function pageAccess(astro: AstroGlobal, access: Access, { allowPendingPasswordChange = false } = {}): PageAccess {
  const { app, user } = astro.locals;
  const error = accessError(access, { user, accessMode: app.env.access }, { allowPendingPasswordChange });
  if (!error && user) return { kind: 'allowed', user };
  if (!error || error.code === 'UNAUTHORIZED') return { kind: 'redirect', location: signInAddress(astro.url.pathname + astro.url.search) };
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') return { kind: 'redirect', location: '/account/?required=password' };
  astro.response.status = 403;
  return { kind: 'refused', message: error.message };
}

/** Form fields as strings ('' for a missing one), and every value of a repeated field. */
export async function readForm(request: Request): Promise<{ get(name: string): string; all(name: string): string[] }> {
  const form = await request.formData();
  return {
    get: (name) => String(form.get(name) ?? ''),
    all: (name) => form.getAll(name).map(String),
  };
}

/** A redirect that also carries better-auth's cookies (the new or ended session). */
export function redirectWithCookies(location: string, from: Response): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  for (const cookie of from.headers.getSetCookie()) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}
