/**
 * Fills in "Your pages to review" on the home page from GET /api/reviews?owner=me: at most five
 * pages, the most urgent first, for owners of pages and managers. Anyone else asks nothing and
 * sees nothing.
 */
import { clientT, pageLanguage } from '../../../kit/i18n/client.ts';
import { formatDate } from '../../../kit/i18n/format.ts';
import type { ReviewItem } from '../items.ts';
import { whoAmI } from '../../accounts/browser/who-am-i.ts';

const SHOWN = 5;

async function fillIn(panel: HTMLElement): Promise<void> {
  const me = await whoAmI();
  if (!me || (me.user.ownerHandles.length === 0 && !me.can.viewReports)) return;
  const response = await fetch('/api/reviews?owner=me&status=overdue,due-soon', {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  }).catch(() => undefined);
  if (!response?.ok) return;
  const { items } = (await response.json()) as { items: ReviewItem[] };
  if (items.length === 0) return;
  const overdue = items.filter((item) => item.status === 'overdue').length;
  const summary = panel.querySelector<HTMLElement>('[data-reviews-due-summary]');
  const list = panel.querySelector<HTMLElement>('[data-reviews-due-list]');
  if (!summary || !list) return;
  const t = clientT(panel);
  summary.textContent = `${t('reviewsDue.summary', { count: items.length })}${overdue > 0 ? t('reviewsDue.overdue', { count: overdue }) : ''}.`;
  list.replaceChildren(
    ...items.slice(0, SHOWN).map((item) => {
      const entry = document.createElement('li');
      const anchor = document.createElement('a');
      anchor.href = item.url;
      anchor.textContent = item.title;
      const when =
        item.status === 'overdue'
          ? t('reviewsDue.overdueBy', { count: item.daysOverdue })
          : t('reviewsDue.due', { date: item.due ? formatDate(item.due, pageLanguage()) : '' });
      entry.append(anchor, ` (${when})`);
      return entry;
    }),
  );
  panel.hidden = false;
}

for (const panel of document.querySelectorAll<HTMLElement>('[data-reviews-due]')) void fillIn(panel);
