/**
 * Acknowledgement on the static pages that ask for it. Asks GET /api/me/acknowledgements once;
 * for a person who is not signed in nothing is asked and nothing shows. Someone who owes the page gets
 * "I have read and understood this", which posts to /api/acknowledgements without a reload;
 * someone asked again because the page changed gets a link to what changed; someone who
 * acknowledged the current version sees when. On a translation (data-translation) the
 * acknowledgement counts for the original's version; a stale translation
 * (data-stale-translation) links to the original instead of offering the button.
 */
import { clientT, pageLanguage } from '../../../kit/i18n/client.ts';
import { around } from '../../../kit/i18n/translate.ts';
import { formatDate } from '../../../kit/i18n/format.ts';
import { whoAmI } from '../../accounts/browser/who-am-i.ts';

const t = clientT('[data-acknowledge]');

interface Due {
  page: string;
  version: string;
  previous: { version: string; acknowledgedAt: string } | null;
}
interface Signed {
  page: string;
  version: string;
  acknowledgedAt: string;
  current: boolean;
}

const day = (iso: string) => formatDate(iso.slice(0, 10), pageLanguage());

function changesLink(page: string, version: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = `/acknowledgements/changes/?${new URLSearchParams({ page, from: version })}`;
  anchor.textContent = t('ack.seeChanges');
  return anchor;
}

function originalLink(page: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = page;
  anchor.textContent = t('ack.originalLink');
  return anchor;
}

function signedText(version: string, at: string): string {
  return t('ack.signed', { version, date: day(at) });
}

/** Lowers the header's count of pages to acknowledge after one is done. */
function lowerHeaderCount(): void {
  for (const count of document.querySelectorAll<HTMLElement>('[data-acknowledgements-due]')) {
    const left = Number(count.dataset.acknowledgementsDue) - 1;
    if (left <= 0) count.remove();
    else {
      count.dataset.acknowledgementsDue = String(left);
      count.textContent = t('menu.toAcknowledge', { count: left });
    }
  }
}

function show(box: HTMLElement, due: Due | undefined, signed: Signed | undefined): void {
  const intro = box.querySelector<HTMLElement>('[data-acknowledge-intro]');
  const button = box.querySelector<HTMLButtonElement>('[data-acknowledge-button]');
  const status = box.querySelector<HTMLElement>('[data-acknowledge-status]');
  if (!intro || !button || !status) return;
  if (!due) {
    if (!signed) return;
    intro.textContent = signedText(signed.version, signed.acknowledgedAt);
    box.hidden = false;
    return;
  }
  if (box.dataset.staleTranslation !== undefined) {
    const [before, after] = around(t('ack.staleTranslation'), 'original');
    intro.replaceChildren(before, originalLink(due.page), after);
    box.hidden = false;
    return;
  }
  if (due.previous) {
    const text = t(box.dataset.noun === 'policy' ? 'ack.changedPolicy' : 'ack.changedPage', {
      previous: due.previous.version,
      date: day(due.previous.acknowledgedAt),
      version: due.version,
    });
    const [before, after] = around(text, 'changes');
    intro.replaceChildren(before, changesLink(due.page, due.previous.version), after);
  } else {
    intro.textContent = t(box.dataset.translation ? 'ack.introTranslation' : 'ack.intro', { version: due.version });
  }
  button.hidden = false;
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    const response = await fetch('/api/acknowledgements', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ page: box.dataset.translation ?? due.page, version: due.version }),
    }).catch(() => undefined);
    button.removeAttribute('aria-disabled');
    if (!response?.ok) {
      const error = (await response?.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
      status.textContent =
        response?.status === 401
          ? t('ack.sessionEnded')
          : response?.status === 409
            ? `${error?.error?.message ?? t('ack.changedWhileReading')}`
            : t('ack.notSaved');
      return;
    }
    const record = (await response.json()) as { version: string; acknowledgedAt: string };
    button.hidden = true;
    intro.textContent = '';
    status.textContent = t('ack.thanks', { signed: signedText(record.version, record.acknowledgedAt) });
    status.tabIndex = -1;
    status.focus();
    if (response.status === 201) lowerHeaderCount();
  });
  box.hidden = false;
}

const boxes = document.querySelectorAll<HTMLElement>('[data-acknowledge]');
if (boxes.length > 0) {
  void whoAmI()
    .then((me) =>
      me ? fetch('/api/me/acknowledgements', { credentials: 'same-origin', headers: { Accept: 'application/json' } }) : undefined,
    )
    .then((response) => (response?.ok ? (response.json() as Promise<{ due: Due[]; acknowledged: Signed[] }>) : undefined))
    .catch(() => undefined)
    .then((mine) => {
      if (!mine) return;
      for (const box of boxes) {
        const page = box.dataset.page;
        const due = mine.due.find((entry) => entry.page === page);
        const signed = mine.acknowledged.find((entry) => entry.page === page && entry.current);
        show(box, due, signed);
      }
    });
}
