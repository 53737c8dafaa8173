/**
 * Review intervals as authors write them: a whole number and a unit, e.g. `90d`, `2w`, `6m`, `1y`.
 * Months and years are calendar months and years, so `6m` from 31 August is the last day of February.
 */
import type { Translate } from '../../kit/i18n/translate.ts';

export type DurationUnit = 'd' | 'w' | 'm' | 'y';
export interface Duration {
  amount: number;
  unit: DurationUnit;
}

const DURATION_PATTERN = /^(\d{1,4})\s*(d|w|m|y)$/;

export const DURATION_HINT = 'write a number and a unit: d (days), w (weeks), m (months) or y (years), e.g. 90d, 6m or 1y';

export function parseDuration(text: string): Duration | undefined {
  const match = DURATION_PATTERN.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (amount === 0) return undefined;
  return { amount, unit: match[2] as DurationUnit };
}

/** "90 days", "6 Monate": in the language of `t` (i18n), with its plural forms. */
export function formatDuration({ amount, unit }: Duration, t: Translate): string {
  return t(`duration.${unit}`, { count: amount });
}

/** Adds a duration to an ISO date (YYYY-MM-DD) and returns an ISO date. */
export function addDuration(isoDate: string, { amount, unit }: Duration): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  if (unit === 'd' || unit === 'w') {
    const date = new Date(Date.UTC(year, month - 1, day + amount * (unit === 'w' ? 7 : 1)));
    return date.toISOString().slice(0, 10);
  }
  const months = unit === 'y' ? amount * 12 : amount;
  const firstOfTarget = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(day, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}
