/**
 * The sidebar in the browser: searches GET /api/search when the person presses Enter (the page's own
 * origin, so the session cookie goes with it where the browser sends it), lists compact results,
 * copies and opens them, all by keyboard too. On a private handbook without a session it signs in
 * in a window of its own (first-party, where single sign-on works and passwords are typed into
 * the handbook's own address bar), then notices the session and reloads; where the browser keeps
 * the handbook's cookies from frames of other sites it asks for them with the Storage Access API
 * and shows the search in place.
 */
import { clientT } from '../../../kit/i18n/client.ts';
import type { Translate } from '../../../kit/i18n/translate.ts';
import { anchorWords, resultLink, SIDEBAR_RESULTS } from '../embed.ts';

interface Result {
  title: string;
  url: string;
  anchor: string;
  snippet: string;
  summary: string;
  type: string;
  status: string;
  lang: string;
}

const root = document.querySelector<HTMLElement>('[data-embed]');
if (root) {
  const t = clientT(root);
  if (root.dataset.state === 'sign-in') setUpSignIn(root, t);
  else setUpSearch(root, t);
}

/** Signed in after all (the Storage Access API gave the frame the session): the search, without a reload, which would come without the cookie. */
function showSearch(root: HTMLElement, t: Translate): void {
  root.querySelector('[data-embed-sign-in-panel]')?.remove();
  root.querySelector<HTMLElement>('[data-embed-search-panel]')?.removeAttribute('hidden');
  root.dataset.state = 'search';
  setUpSearch(root, t);
}

function setUpSearch(root: HTMLElement, t: Translate): void {
  const form = root.querySelector<HTMLFormElement>('[data-embed-form]') as HTMLFormElement;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]') as HTMLInputElement;
  const status = root.querySelector<HTMLElement>('[data-embed-status]') as HTMLElement;
  const list = root.querySelector<HTMLOListElement>('[data-embed-results]') as HTMLOListElement;
  const searchLang = root.dataset.searchLang ?? '';
  let running: AbortController | undefined;
  let shown = '';

  const search = async (query: string) => {
    running?.abort();
    if (query === shown) return;
    shown = query;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const controller = new AbortController();
    running = controller;
    status.textContent = t('sidebar.searching');
    root.setAttribute('aria-busy', 'true');
    try {
      const params = new URLSearchParams({ q: query, limit: String(SIDEBAR_RESULTS) });
      if (searchLang) params.set('lang', searchLang);
      const response = await fetch(`/api/search?${params}`, { signal: controller.signal, credentials: 'same-origin' });
      if (response.status === 401) return location.reload();
      if (response.status === 429) {
        shown = '';
        status.textContent = t('search.tooMany', { seconds: response.headers.get('retry-after') ?? '60' });
        return;
      }
      const answer = (await response.json()) as { results?: Result[]; error?: { message: string } };
      if (!response.ok || !answer.results) throw new Error(answer.error?.message ?? response.statusText);
      render(answer.results, query);
    } catch (error) {
      if (controller.signal.aborted) return;
      shown = '';
      list.replaceChildren();
      status.textContent = t('sidebar.failed', { message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (running === controller) root.removeAttribute('aria-busy');
    }
  };

  const render = (results: Result[], query: string) => {
    status.textContent = results.length === 0 ? t('search.noMatch', { query }) : t('sidebar.count', { count: results.length, query });
    list.replaceChildren(...results.map((result, index) => resultItem(result, index, t)));
  };

  // On Enter, not as the person types: every search counts against the address's rate limit, and a
  // question that finds nothing is a search gap, which half-typed words must not fill.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    shown = '';
    void search(input.value.trim());
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      const first = list.querySelector<HTMLAnchorElement>('.embed-result-title');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  list.addEventListener('keydown', (event) => onResultKey(event, list, input, status, t));
  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-copy]');
    if (button) void copyLink(button, status, t);
  });

  const initial = input.value.trim();
  if (initial) void search(initial);
  else input.focus();
}

/** One result: its title opens it in a new tab; its badges, where it opens, its snippet; copy and open. */
function resultItem(result: Result, index: number, t: Translate): HTMLLIElement {
  const link = resultLink(location.origin, result.url, result.anchor);
  const id = `embed-result-${index}`;
  const item = element('li', { class: 'embed-result' });
  const title = element('a', {
    class: 'embed-result-title',
    href: link,
    target: '_blank',
    rel: 'noopener',
    id: `${id}-title`,
    'aria-describedby': `${id}-about`,
    lang: result.lang,
  });
  title.textContent = result.title;
  const about = element('p', { class: 'embed-result-about', id: `${id}-about` });
  const type = element('span', { class: `badge badge-${result.type}` });
  type.textContent = typeLabel(result.type, t);
  const overdue = result.status === 'overdue';
  const review = element('span', { class: `status-badge review-${overdue ? 'overdue' : 'current'}` });
  review.textContent = t(overdue ? 'reviewState.overdue' : 'reviewState.current');
  about.append(type, ' ', review);
  if (result.anchor) {
    const where = element('span', { class: 'embed-result-section' });
    where.textContent = t('sidebar.inSection', { heading: anchorWords(result.anchor) });
    about.append(' ', where);
  }
  item.append(title, about);
  const text = result.snippet || result.summary;
  if (text) {
    const snippet = element('p', { class: 'embed-result-snippet', lang: result.lang });
    snippet.textContent = text;
    item.append(snippet);
  }
  const actions = element('p', { class: 'embed-result-actions' });
  // The visible word first, then, for screen readers, which result: the name says what it shows (WCAG 2.5.3).
  const copy = element('button', { type: 'button', class: 'button secondary', 'data-copy': link, 'data-title': result.title });
  copy.append(t('sidebar.copy'), hidden(`: ${result.title}`));
  const open = element('a', { class: 'button secondary', href: link, target: '_blank', rel: 'noopener' });
  open.append(t('sidebar.open'), hidden(`: ${result.title} (${t('sidebar.newTab')})`));
  actions.append(copy, ' ', open);
  item.append(actions);
  return item;
}

/** ↑ ↓ between the results' titles (↑ from the first back to the box), C copies the focused result's link. */
function onResultKey(event: KeyboardEvent, list: HTMLOListElement, input: HTMLInputElement, status: HTMLElement, t: Translate) {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const item = (event.target as Element).closest('.embed-result');
  if (!item) return;
  const titles = [...list.querySelectorAll<HTMLAnchorElement>('.embed-result-title')];
  const at = titles.indexOf(item.querySelector('.embed-result-title') as HTMLAnchorElement);
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) input.focus();
    else titles[Math.min(next, titles.length - 1)]?.focus();
  } else if (event.key === 'c' || event.key === 'C') {
    event.preventDefault();
    void copyLink(item.querySelector('[data-copy]') as HTMLButtonElement, status, t);
  }
}

async function copyLink(button: HTMLButtonElement, status: HTMLElement, t: Translate): Promise<void> {
  const link = button.dataset.copy ?? '';
  const copied = (await writeClipboard(link)) || copyBySelection(link);
  status.textContent = copied ? t('sidebar.copied') : t('sidebar.copyFailed', { url: link });
  if (copied) button.replaceChildren(t('sidebar.copied'), hidden(`: ${button.dataset.title ?? ''}`));
}

/** The Clipboard API; in a frame it needs the frame's `allow="clipboard-write"`, which not every helpdesk gives. */
async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The older way, which frames without clipboard-write still allow during a click or key press. */
function copyBySelection(text: string): boolean {
  const field = element('textarea', { readonly: '', class: 'sr-only', 'aria-hidden': 'true', tabindex: '-1' });
  field.value = text;
  const focused = document.activeElement as HTMLElement | null;
  document.body.append(field);
  field.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  field.remove();
  focused?.focus();
  return copied;
}

/** Words for screen readers only. */
function hidden(text: string): HTMLSpanElement {
  const span = element('span', { class: 'sr-only' });
  span.textContent = text;
  return span;
}

function typeLabel(type: string, t: Translate): string {
  const key = `type.${type}`;
  const label = t(key as Parameters<Translate>[0]);
  return label === key ? type : label;
}

/**
 * No session reached the sidebar. The sign-in window opens first (a click's user activation is
 * spent on it); then the sidebar watches GET /api/me, which the browser sends the cookie with
 * wherever it lets this frame have it, and reloads once someone is signed in. Where it does not,
 * "I have signed in" asks for the cookie with the Storage Access API (a second click, which
 * Chromium and Firefox grant after the person has used the handbook as a site of its own) and
 * reloads, or says what keeps the sign-in out.
 */
function setUpSignIn(root: HTMLElement, t: Translate): void {
  const button = root.querySelector<HTMLButtonElement>('[data-embed-sign-in]') as HTMLButtonElement;
  const continueButton = root.querySelector<HTMLButtonElement>('[data-embed-continue]') as HTMLButtonElement;
  const status = root.querySelector<HTMLElement>('[data-embed-sign-in-status]') as HTMLElement;
  const framed = window.top !== window;
  if (framed) root.querySelector<HTMLElement>('[data-embed-framed]')?.removeAttribute('hidden');
  const signInUrl = new URL(root.dataset.signIn ?? '/sign-in/', location.origin).href;
  let watching: number | undefined;

  const signedIn = async (): Promise<boolean> => {
    try {
      const response = await fetch('/api/me', { credentials: 'same-origin', cache: 'no-store' });
      const me = (await response.json()) as { user: unknown };
      return response.ok && me.user !== null;
    } catch {
      return false;
    }
  };

  // Granted before (browsers remember it per helpdesk): ask again, which needs no click now, and
  // search. The request that loaded the frame never carries the cookie, only those made after.
  if (framed && 'requestStorageAccess' in document) {
    void navigator.permissions
      ?.query({ name: 'storage-access' as PermissionName })
      .then(async (permission) => {
        if (permission.state !== 'granted') return;
        if (!(await document.hasStorageAccess())) await document.requestStorageAccess();
        if (await signedIn()) showSearch(root, t);
      })
      .catch(() => undefined);
  }

  button.addEventListener('click', () => {
    const popup = window.open(signInUrl, 'knowhow-sign-in', 'popup,width=480,height=640');
    continueButton.hidden = false;
    if (!popup) {
      status.replaceChildren(...linkIn(t('sidebar.popupBlocked', { link: '{link}' }), signInUrl, t('sidebar.signIn')));
    } else {
      status.textContent = t('sidebar.waiting');
    }
    window.clearInterval(watching);
    const started = Date.now();
    watching = window.setInterval(async () => {
      if (Date.now() - started > 10 * 60_000) return window.clearInterval(watching);
      if (await signedIn()) {
        window.clearInterval(watching);
        location.reload();
      }
    }, 1000);
  });

  continueButton.addEventListener('click', async () => {
    if (framed && 'requestStorageAccess' in document) {
      try {
        if (!(await document.hasStorageAccess())) await document.requestStorageAccess();
      } catch {
        // Refused or not possible here: said below when the session is still not seen.
      }
    }
    if (await signedIn()) {
      window.clearInterval(watching);
      showSearch(root, t);
    } else status.textContent = t('sidebar.stillSignedOut');
  });
}

/** A message with a {link} placeholder as text and a link opening in a new tab. */
function linkIn(message: string, href: string, text: string): Node[] {
  const [before = '', after = ''] = message.split('{link}');
  const link = element('a', { href, target: '_blank', rel: 'noopener' });
  link.textContent = text;
  return [document.createTextNode(before), link, document.createTextNode(after)];
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  return made;
}
