/**
 * How a module's progress reads on the pages: the status in words, and the due date against
 * today. Shared by the server-rendered pages and the lesson pages' browser script.
 */
import type { ModuleStatus } from './progress.ts';

export const STATUS_LABELS: Record<ModuleStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  passed: 'Complete',
  failed: 'Quiz not passed yet',
  overdue: 'Overdue',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** "Due today", "Due in 3 days (4 Dec 2026)", "Overdue by 2 days (1 Dec 2026)". */
export function dueText(dueOn: string, today: string, format: (isoDate: string) => string): string {
  const days = Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  if (days === 0) return `Due today (${format(dueOn)})`;
  if (days > 0) return `Due in ${days} ${days === 1 ? 'day' : 'days'} (${format(dueOn)})`;
  return `Overdue by ${-days} ${days === -1 ? 'day' : 'days'} (was due ${format(dueOn)})`;
}
