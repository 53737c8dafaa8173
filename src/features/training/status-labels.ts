/**
 * How a module's due date reads against today, in the language of the page. Shared by the
 * server-rendered pages and the lesson pages' browser script; a status in words is the
 * catalogues' `status.<status>`.
 */
import type { Translate } from '../../kit/i18n/translate.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "Due today", "Due in 3 days (4 Dec 2026)", "Overdue by 2 days (1 Dec 2026)", in the language of `t`. */
export function dueText(dueOn: string, today: string, format: (isoDate: string) => string, t: Translate): string {
  const days = Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  const date = format(dueOn);
  if (days === 0) return t('due.today', { date });
  if (days > 0) return t('due.in', { count: days, date });
  return t('due.overdue', { count: -days, date });
}
