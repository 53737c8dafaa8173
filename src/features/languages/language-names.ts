/** Languages as readers see them: each named in a given language, "Deutsch" in German. */
export function languageName(lang: string, inLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(lang);
    return name ? name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1) : lang;
  } catch {
    return lang;
  }
}

interface StaleNotice {
  /** {language}: the original's language, named in this one; {date}: when the original changed. */
  changedOn: string;
  changed: string;
  readOriginal: string;
}

/**
 * What a stale translation tells its reader, in the translation's own language: the reader
 * chose it, so they may not read the original's.
 */
const STALE_NOTICES: Record<string, StaleNotice> = {
  en: {
    changedOn: 'This translation may be out of date: the original ({language}) changed on {date}.',
    changed: 'This translation may be out of date: the original ({language}) has changed since it was made.',
    readOriginal: 'Read the original',
  },
  de: {
    changedOn: 'Diese Übersetzung ist möglicherweise nicht mehr aktuell: Das Original ({language}) wurde am {date} geändert.',
    changed: 'Diese Übersetzung ist möglicherweise nicht mehr aktuell: Das Original ({language}) wurde seitdem geändert.',
    readOriginal: 'Original lesen',
  },
  pl: {
    changedOn: 'To tłumaczenie może być nieaktualne: oryginał ({language}) zmieniono {date}.',
    changed: 'To tłumaczenie może być nieaktualne: oryginał ({language}) zmienił się od czasu jego przygotowania.',
    readOriginal: 'Przeczytaj oryginał',
  },
  fi: {
    changedOn: 'Tämä käännös voi olla vanhentunut: alkuperäistä tekstiä ({language}) on muutettu {date}.',
    changed: 'Tämä käännös voi olla vanhentunut: alkuperäistä tekstiä ({language}) on muutettu käännöksen jälkeen.',
    readOriginal: 'Lue alkuperäinen',
  },
  sv: {
    changedOn: 'Den här översättningen kan vara inaktuell: originalet ({language}) ändrades {date}.',
    changed: 'Den här översättningen kan vara inaktuell: originalet ({language}) har ändrats sedan den gjordes.',
    readOriginal: 'Läs originalet',
  },
};

/** The stale-translation notice for a page in `lang`, about an original in `originalLang`. */
export function staleNotice(lang: string, originalLang: string, changedOn: string | undefined): { text: string; link: string } {
  const messages = STALE_NOTICES[lang] ?? (STALE_NOTICES.en as StaleNotice);
  const language = languageName(originalLang, lang);
  if (!changedOn) return { text: messages.changed.replace('{language}', language), link: messages.readOriginal };
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${changedOn}T00:00:00Z`));
  return { text: messages.changedOn.replace('{language}', language).replace('{date}', date), link: messages.readOriginal };
}
