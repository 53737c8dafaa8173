/**
 * Wires the search into every page: `/` and Ctrl/Cmd+K open the search dialog (or, on the home
 * page, go to its own search box), typing in the header's box or clicking it opens the dialog
 * with what is in the box, and the home page's box shows results as you type in place.
 *
 * Focus alone never opens the dialog: someone tabbing through the header, forwards or back to
 * the skip link, passes the box like any other field.
 *
 * The search itself (Pagefind's code, its index's entry files, the site's word list and result
 * cards: about 200 KB compressed on a large handbook, cached by the browser after the first
 * page) loads with the page: an agent's first question mid-call should not wait for it.
 */
import { SearchWidget } from './widget.ts';

const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
const dialogInput = dialog?.querySelector<HTMLInputElement>('input[type="search"]');
const dialogPanel = dialog?.querySelector<HTMLElement>('[data-search-panel]');
const homeInput = document.querySelector<HTMLInputElement>('#home-search');
const homePanel = document.querySelector<HTMLElement>('[data-search-panel="home-search"]');
const headerInput = document.querySelector<HTMLInputElement>('#site-search');

const dialogWidget = dialog && dialogInput && dialogPanel ? new SearchWidget(dialogInput, dialogPanel) : undefined;
const homeWidget = homeInput && homePanel ? new SearchWidget(homeInput, homePanel) : undefined;
let returnFocusTo: HTMLElement | null = null;

/**
 * @param text what the dialog's box starts with (by default what it last held)
 * @param typing the text is being typed: the caret goes after it, so the next key adds to it
 * rather than replacing it
 */
function openSearch(text?: string, { typing = false } = {}): void {
  if (homeInput && homeWidget) {
    homeInput.focus();
    homeInput.select();
    return;
  }
  if (!dialog || !dialogInput || !dialogWidget) return;
  if (!dialog.open) {
    returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
  }
  if (text !== undefined && text !== dialogInput.value) {
    dialogInput.value = text;
    void dialogWidget.update();
  }
  dialogInput.focus();
  if (typing) dialogInput.setSelectionRange(dialogInput.value.length, dialogInput.value.length);
  else dialogInput.select();
  void dialogWidget.load();
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

document.addEventListener('keydown', (event) => {
  const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
  if (!commandK && !slash) return;
  event.preventDefault();
  openSearch();
});

// Esc closes the dialog (its cancel event, or the box's key handler below); focus goes back
// where it was. The header's box shows the question last asked, so that typing in it again
// carries on from there, and Enter in it gives that question's full results page.
dialog?.addEventListener('close', () => {
  if (headerInput && dialogInput) headerInput.value = dialogInput.value;
  // Closing the dialog ends the search: its last question is reported (report.ts).
  dialogWidget?.session.end();
  returnFocusTo?.focus({ preventScroll: true });
});
// Chromium's own Esc in a search box with text empties the box and leaves the dialog open; the
// dialog says Esc closes it, and the question stays for next time.
dialogInput?.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || !dialog?.open) return;
  event.preventDefault();
  dialog.close();
});
// A click on the backdrop, outside the box, closes it too.
dialog?.addEventListener('click', (event) => {
  if (event.target === dialog) dialog.close();
});

// A key that changes the box's text (a letter, a paste) carries on in the dialog. While an input
// method composes a character, wait for the character.
headerInput?.addEventListener('input', (event) => {
  if (!(event as InputEvent).isComposing) openSearch(headerInput.value, { typing: true });
});
headerInput?.addEventListener('compositionend', () => openSearch(headerInput.value, { typing: true }));
headerInput?.addEventListener('click', () => openSearch(headerInput.value));

// The page hints the search's files to the browser (features/search/components/SearchPreload.astro); setting the
// search up from them at once, rather than once the page is idle, answers an agent who opens a
// page and asks straight away.
void (homeWidget ?? dialogWidget)?.load().catch(() => undefined);
