/**
 * The sign-in window's last page. The sidebar that opened it notices the new session by itself
 * (the sign-in page's Cross-Origin-Opener-Policy cuts the window off from its opener, so no
 * message could reach the frame), so this window only closes, where the browser lets it.
 */
if (document.querySelector('[data-embed-signed-in]')) window.setTimeout(() => window.close(), 600);
