/**
 * Where to send someone back to after signing in: the `next` of /sign-in/?next=..., the
 * callback of single sign-on, the sign-in link in the header. One rule for the server and the
 * browser, so no caller can be laxer than another.
 *
 * `next` is read the way a browser reads a Location header (WHATWG URL parsing against the
 * site's own origin), not the way it looks: browsers drop tabs and newlines, take backslashes
 * for slashes and resolve dot segments, so "/\t/evil.example", "/\evil" and "/.//evil" all
 * lead to another host although they start with one slash. Only a path whose parsed URL is on
 * the site's origin is kept, and it is answered as the parser serialised it; anything else goes
 * home. The addresses Knowhow itself makes (signInAddress) are percent-encoded, so a `next` with
 * a space, a control character or a letter beyond ASCII is not one of them: it goes home too,
 * rather than being mended, and can never break the Location header.
 */

/** The home page: where a refused or missing return address leads. */
export const HOME = '/';

/** Visible ASCII only: no space, tab, line break, NUL, DEL or "。". */
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/**
 * `next` as a path of this site (pathname, query and fragment, as a browser would resolve it
 * against `origin`), or HOME when it is missing, not a path, or would lead elsewhere.
 */
export function safeReturnPath(next: string | null | undefined, origin: string): string {
  // A path, not a relative reference or an absolute URL: "policies/x" goes home too.
  if (!next?.startsWith('/') || !PRINTABLE_ASCII.test(next)) return HOME;
  let base: URL;
  let parsed: URL;
  try {
    base = new URL(origin);
    parsed = new URL(next, base);
  } catch {
    return HOME;
  }
  if (parsed.origin !== base.origin) return HOME;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // Dot segments can leave an empty first segment ("/.//evil" is "//evil"), which a browser
  // reads as another host; a second parse of the result must land on the same origin.
  if (path.startsWith('//') || new URL(path, base).origin !== base.origin) return HOME;
  return path;
}

/** The sign-in page's address that comes back to `target` (a path with its query) afterwards. */
export function signInAddress(target: string): string {
  return target === HOME ? '/sign-in/' : `/sign-in/?next=${encodeURIComponent(target)}`;
}
