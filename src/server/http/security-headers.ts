/**
 * Headers on every response of the site's server. The Content-Security-Policy allows only the
 * site's own scripts, styles and connections (the pages have no inline script or style), plus
 * WebAssembly for the in-page search. Only the site itself may frame its pages, except the
 * helpdesk sidebar (/embed/, `framable`), which the origins in KNOWHOW_FRAME_ANCESTORS may
 * frame too; X-Frame-Options says the same to browsers that know no frame-ancestors.
 */
import type { Env } from '../../kit/server/env.ts';

export function securityHeaders(env: Env, { framable = false }: { framable?: boolean } = {}): Record<string, string> {
  const https = env.baseUrl?.startsWith('https://') ?? false;
  return {
    'Content-Security-Policy': contentSecurityPolicy(env, { framable }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(frameAncestorsOf(env, framable).length === 0 ? { 'X-Frame-Options': 'SAMEORIGIN' } : {}),
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
}

/** The other sites that may frame a page: those of KNOWHOW_FRAME_ANCESTORS for the sidebar (`framable`), none for any other. */
function frameAncestorsOf(env: Env, framable: boolean): string[] {
  return framable ? env.frameAncestors.filter((origin) => origin !== "'self'") : [];
}

/**
 * The policy; a page whose form the server answers with a redirect elsewhere names that place
 * in `formTargets` (the consent page for an assistant: its redirect address), as browsers hold
 * the redirects of a form post to form-action too.
 */
export function contentSecurityPolicy(
  env: Env,
  { formTargets: extraTargets = [], framable = false }: { formTargets?: string[]; framable?: boolean } = {},
): string {
  const https = env.baseUrl?.startsWith('https://') ?? false;
  // A sign-in through single sign-on is a form post that the server redirects to the provider.
  const formTargets = ["'self'", ...(env.oidc ? [new URL(env.oidc.issuer).origin] : []), ...extraTargets];
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formTargets.join(' ')}`,
    `frame-ancestors ${["'self'", ...frameAncestorsOf(env, framable)].join(' ')}`,
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}
