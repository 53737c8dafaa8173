import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES, messagesFor, t } from '../../../src/kit/i18n/index.ts';
import { LOCALES } from '../../../src/kit/i18n/languages.ts';
import { en, type PluralMessage } from '../../../src/kit/i18n/messages/en.ts';
import { formatDate } from '../../../src/kit/i18n/format.ts';

const parameters = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const texts = (message: string | PluralMessage) => (typeof message === 'string' ? [message] : Object.values(message));
const englishParameters = (key: string) => [...new Set(texts(en[key as keyof typeof en]).flatMap(parameters))].sort();

describe.each(LANGUAGES.filter((lang) => lang !== 'en'))('the %s catalogue', (lang) => {
  const catalogue = CATALOGUES[lang] as Record<string, string | PluralMessage>;

  it('has exactly the keys of the English one', () => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
  });

  it('has no empty messages, and a plural wherever English has one', () => {
    for (const [key, message] of Object.entries(catalogue)) {
      expect(typeof message, key).toBe(typeof en[key as keyof typeof en]);
      for (const text of texts(message)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('uses the same parameters as English', () => {
    for (const [key, message] of Object.entries(catalogue)) {
      const found = [...new Set(texts(message).flatMap(parameters))].sort();
      expect(found, key).toEqual(englishParameters(key));
    }
  });

  it("gives every plural the language's own categories", () => {
    const categories = new Intl.PluralRules(LOCALES[lang]).resolvedOptions().pluralCategories;
    for (const [key, message] of Object.entries(catalogue)) {
      if (typeof message === 'string') continue;
      expect(Object.keys(message).sort(), key).toEqual([...categories].sort());
    }
  });
});

describe('messages', () => {
  it('picks the plural form of the language', () => {
    expect(t('en', 'duration.m', { count: 1 })).toBe('1 month');
    expect(t('en', 'duration.m', { count: 6 })).toBe('6 months');
    expect(t('pl', 'duration.m', { count: 1 })).toBe('1 miesiąc');
    expect(t('pl', 'duration.m', { count: 3 })).toBe('3 miesiące');
    expect(t('pl', 'duration.m', { count: 6 })).toBe('6 miesięcy');
    expect(t('pl', 'duration.m', { count: 22 })).toBe('22 miesiące');
    expect(t('sv', 'searchUi.pages', { count: 2 })).toBe('2 sidor');
  });

  it('fills in parameters and formats numbers for the language', () => {
    expect(t('de', 'menu.toAcknowledge', { count: 12000 })).toBe('Zu bestätigen: 12.000');
    expect(t('en', 'menu.toAcknowledge', { count: 12000 })).toBe('To acknowledge: 12,000');
    expect(t('en', 'reviewsDue.overdueBy', { count: 2142 })).toBe('overdue by 2142 days');
  });

  it('falls back to English for a language it does not speak, and reads a region tag by its language', () => {
    expect(messagesFor('xx')).toBe(en);
    expect(t('de-AT', 'trust.owner')).toBe(CATALOGUES.de['trust.owner']);
    expect(t(undefined, 'trust.owner')).toBe('Owner');
  });

  it('formats dates for the language', () => {
    expect(formatDate('2026-06-14')).toBe('14 Jun 2026');
    expect(formatDate('2026-06-14', 'en')).toBe('14 Jun 2026');
    expect(formatDate('2026-06-14', 'de')).toBe('14. Juni 2026');
    expect(formatDate('2026-06-14', 'sv')).toBe('14 juni 2026');
    expect(formatDate('2026-06-14', 'fi')).toBe('14.6.2026');
    expect(formatDate('2026-06-14', 'pl')).toBe('14 cze 2026');
  });
});

describe('errors as pages show them', () => {
  it('has words for every error code, and keeps the API’s own message in English', async () => {
    const { ERROR_STATUS } = await import('../../../src/kit/server/errors.ts');
    const { errorKey, pageErrorMessage } = await import('../../../src/kit/i18n/errors.ts');
    const { translate } = await import('../../../src/kit/i18n/index.ts');
    for (const code of Object.keys(ERROR_STATUS) as (keyof typeof ERROR_STATUS)[]) expect(en[errorKey(code)], code).toBeTruthy();
    const error = { code: 'ATTEMPT_LIMIT_REACHED', message: 'You have used all 3 attempts.' };
    expect(pageErrorMessage(error, 'en', translate('en'))).toBe('You have used all 3 attempts.');
    expect(pageErrorMessage(error, 'sv', translate('sv'))).toBe(CATALOGUES.sv['error.ATTEMPT_LIMIT_REACHED']);
  });
});
