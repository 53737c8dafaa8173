/**
 * A page read in another language than the one the reader chose says so, in the chosen
 * language: "this page is also in German" with a link when a translation exists, else "this page
 * has not been translated into German yet; you are reading the original (English)". The words
 * come from /language-notices/<lang>.json, fetched only for a reader whose choice differs from
 * the page, so no page carries five languages' words.
 */
import { interfaceLanguage, type Language } from '../../../kit/i18n/languages.ts';
import type { Catalogue } from '../../../kit/i18n/messages/en.ts';
import { around, translator } from '../../../kit/i18n/translate.ts';
import { chosenLanguage, LANGUAGE_CHOSEN_EVENT, rememberLanguage } from './chosen-language.ts';

const notice = document.querySelector<HTMLElement>('[data-language-notice]');
const switcher = document.querySelector('.language-switcher');

// Following a link in the language switcher is choosing that language.
switcher?.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[hreflang]');
  if (link) rememberLanguage(link.hreflang);
});

function languageNameIn(lang: string, inLanguage: Language): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

async function show(element: HTMLElement, chosen: Language): Promise<void> {
  const pageLang = document.documentElement.lang;
  if (interfaceLanguage(pageLang) === chosen) {
    element.hidden = true;
    return;
  }
  const response = await fetch(`/language-notices/${chosen}.json`).catch(() => undefined);
  if (!response?.ok) return;
  const t = translator(chosen, (await response.json()) as Partial<Catalogue>);
  const translation = switcher?.querySelector<HTMLAnchorElement>(`a[hreflang="${chosen}"]`);
  element.lang = chosen;
  if (translation) {
    const link = document.createElement('a');
    link.href = translation.href;
    link.hreflang = chosen;
    link.textContent = t('languageNotice.read');
    element.replaceChildren(`${t('languageNotice.available')} `, link);
  } else {
    const [before, after] = around(t('languageNotice.notTranslated'), 'language');
    element.replaceChildren(before, languageNameIn(pageLang, chosen), after);
  }
  element.hidden = false;
}

if (notice) {
  const chosen = chosenLanguage();
  if (chosen) void show(notice, chosen);
  document.addEventListener(LANGUAGE_CHOSEN_EVENT, (event) => void show(notice, (event as CustomEvent<Language>).detail));
}
