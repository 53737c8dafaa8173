/** Languages as readers see them: each named in a given language, "Deutsch" in German. */
export function languageName(lang: string, inLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(lang);
    return name ? name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1) : lang;
  } catch {
    return lang;
  }
}
