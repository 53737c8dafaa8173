/**
 * A search box with its results as you type: a combobox and its listbox (WAI-ARIA), with the
 * arrow keys moving through the results, Enter opening one, a live region announcing the count,
 * filters by type, section, tag and language, and a box to search every language at once, each
 * result then marked with its language. Used in the search dialog on every page and
 * inline on the home page (dialog.ts).
 */
import { clientT, pageLanguage } from '../../../kit/i18n/client.ts';
import { typeLabel } from '../../../kit/i18n/format.ts';
import { languageName } from '../../languages/browser.ts';
import { AllLanguagesSearch } from './all-languages.ts';
import type { Filters } from './pagefind.ts';
import { pagefindLanguages } from './pagefind.ts';
import { type SearchAnswer, SearchEngine, type SearchResult } from './engine.ts';
import { SearchSession } from './report.ts';

// The interface's words, in the page's language (the search itself keeps to the content's).
const t = clientT('[data-search-panel]');

const RESULTS = 10;
/** Fired on the panel each time it lists an answer's pages. */
export const RESULTS_EVENT = 'knowhow:results';
/** Fired on the panel once the listed pages have their summaries, snippets and sections. */
export const DETAILS_EVENT = 'knowhow:details';
const FILTERS = ['type', 'section', 'tag'] as const;

export class SearchWidget {
  private engine: Promise<SearchEngine> | undefined;
  private allLanguages: Promise<AllLanguagesSearch> | undefined;
  /** The languages the site has an index for (filled with the filters). */
  private languages: string[] = [];
  private language: string;
  private results: SearchResult[] = [];
  /** The shown answer's complete results, while they are on their way. */
  private details: Promise<SearchResult[]> | undefined;
  private active = -1;
  /** Answers arrive out of order when typing fast: only the latest question's answer is shown. */
  private asked = 0;
  private readonly listbox: HTMLElement;
  private readonly status: HTMLElement;
  private readonly filterBar: HTMLElement;
  private readonly allLanguagesBox: HTMLInputElement | null;

  private readonly input: HTMLInputElement;
  private readonly panel: HTMLElement;
  /** How this search ends, for the count of questions the handbook does not answer (report.ts). */
  readonly session: SearchSession;

  constructor(input: HTMLInputElement, panel: HTMLElement) {
    this.input = input;
    this.panel = panel;
    this.listbox = panel.querySelector('[role="listbox"]') as HTMLElement;
    this.status = panel.querySelector('[role="status"]') as HTMLElement;
    this.filterBar = panel.querySelector('[data-search-filters]') as HTMLElement;
    this.allLanguagesBox = this.filterBar.querySelector('input[data-search-all-languages]');
    this.language = document.documentElement.lang || 'en';
    this.session = new SearchSession(this.language);
    // The full results page counts the question itself.
    input.form?.addEventListener('submit', () => this.session.handOver());
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', this.listbox.id);
    input.addEventListener('focus', () => this.load());
    input.addEventListener('input', () => void this.update());
    input.addEventListener('keydown', (event) => this.onKey(event));
    for (const select of this.filterBar.querySelectorAll('select')) select.addEventListener('change', () => this.onFilterChange(select));
    this.allLanguagesBox?.addEventListener('change', () => this.onAllLanguagesChange());
  }

  /** Starts loading the index (on focus, before the first key), and the filters with it. */
  load(): Promise<SearchEngine> {
    if (!this.engine) {
      this.engine = SearchEngine.load(this.language);
      // The filters wait until the browser is idle: the first question comes first. A failure
      // is told when someone asks (update).
      this.engine.then(
        (engine) =>
          whenIdle(() => {
            void this.fillFilters(engine);
            // Not once someone has asked: their question has warmed it up.
            if (this.asked === 0) void engine.warmUp().catch(() => undefined);
          }),
        () => undefined,
      );
    }
    return this.engine;
  }

  /** Whether the reader asked to search every language. */
  private searchesAll(): boolean {
    return this.allLanguagesBox?.checked === true && this.languages.length > 1;
  }

  /** The search to ask: this language's, or every language's (loaded the first time it is asked for). */
  private searcher(): Promise<SearchEngine | AllLanguagesSearch> {
    if (!this.searchesAll()) return this.load();
    // The reader's own language first at equal relevance: the interface's, which they may have chosen.
    this.allLanguages ??= AllLanguagesSearch.load(this.languages, pageLanguage());
    this.allLanguages.catch(() => {
      this.allLanguages = undefined;
    });
    return this.allLanguages;
  }

  /** Runs the current question again, e.g. after the dialog opens with text from the header box. */
  async update(): Promise<void> {
    const question = this.input.value.trim();
    const asked = ++this.asked;
    if (!question) {
      this.show({ results: [], total: 0 }, '');
      return;
    }
    let answer: SearchAnswer;
    try {
      answer = await (await this.searcher()).search(question, this.selectedFilters(), RESULTS);
    } catch {
      if (asked === this.asked) this.say(t('searchUi.unavailable'));
      return;
    }
    if (asked !== this.asked) return;
    this.show(answer, question);
    if (answer.details) {
      this.details = answer.details;
      const details = await answer.details.catch(() => undefined);
      if (asked !== this.asked || !details) return;
      this.details = undefined;
      this.results = details;
      this.listbox.replaceChildren(...details.map((result, index) => this.option(result, index)));
      this.select(this.active, { scroll: false });
    }
    this.panel.dispatchEvent(new CustomEvent(DETAILS_EVENT, { detail: { question } }));
  }

  /**
   * The address of the highlighted result, or of the first one. Listed results open at the top
   * of their page; once the details are in, at the best-matching section: wait for them.
   */
  private async chosenHref(): Promise<string | undefined> {
    const results = (await this.details?.catch(() => undefined)) ?? this.results;
    return (results[this.active] ?? results[0])?.href;
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (this.results.length === 0) return;
      event.preventDefault();
      // From the last result down, or from the box up, the highlight goes back to the box.
      const next = this.active + (event.key === 'ArrowDown' ? 1 : -1);
      this.select(next < -1 ? this.results.length - 1 : next);
    } else if (event.key === 'Enter') {
      // Without a result, the server's results page (a box in a form gets there by itself).
      const question = this.input.value.trim();
      if (this.results.length === 0 && (!question || this.input.form)) return;
      event.preventDefault();
      void this.chosenHref().then((href) => {
        if (href) {
          this.session.openedResult();
          this.session.end();
        } else this.session.handOver();
        window.location.assign(href ?? `/search/?q=${encodeURIComponent(question)}${this.searchesAll() ? '&lang=all' : ''}`);
      });
    }
  }

  /** Highlights result `index` (-1: none, back in the box). */
  private select(index: number, { scroll = true } = {}): void {
    this.active = index >= this.results.length ? -1 : index;
    const options = this.listbox.querySelectorAll('[role="option"]');
    for (const [position, option] of options.entries()) option.setAttribute('aria-selected', String(position === this.active));
    const current = options[this.active];
    if (current) {
      this.input.setAttribute('aria-activedescendant', current.id);
      if (scroll) current.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  private show(answer: SearchAnswer, question: string): void {
    this.results = answer.results;
    this.details = undefined;
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    this.listbox.replaceChildren(...answer.results.map((result, index) => this.option(result, index)));
    this.input.setAttribute('aria-expanded', String(answer.results.length > 0));
    this.panel.toggleAttribute('data-has-results', answer.results.length > 0);
    this.session.asked(question, answer.total, this.language);
    if (!question) this.say('');
    else if (answer.total === 0) this.say(t('searchUi.noMatch', { query: question }));
    else
      this.say(
        answer.total > answer.results.length
          ? t('searchUi.someOf', { shown: answer.results.length, total: answer.total })
          : t('searchUi.pages', { count: answer.total }),
      );
    // For scripts that wait for an answer, such as npm run bench:search.
    this.panel.dispatchEvent(new CustomEvent(RESULTS_EVENT, { detail: { question, total: answer.total } }));
  }

  /**
   * A result is itself the link, with the role of an option: an option may not hold a link (or
   * any control), and a link keeps what readers expect of a result, such as a middle-click or
   * Ctrl+click opening it in a new tab. It stays out of the Tab order: the keys that move through
   * the results are the arrows, with the focus left in the box (aria-activedescendant).
   */
  private option(result: SearchResult, index: number): HTMLElement {
    const option = element('a', 'search-option');
    option.id = `${this.listbox.id}-${index}`;
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', 'false');
    option.setAttribute('href', result.href);
    option.tabIndex = -1;
    const meta = element('span', 'search-option-meta');
    if (this.searchesAll()) meta.append(languageBadge(result.lang));
    if (result.type) meta.append(element('span', `badge badge-${result.type}`, typeLabel(result.type, t)));
    if (result.status === 'overdue') meta.append(element('span', 'badge badge-overdue', t('searchUi.reviewOverdue')));
    if (result.section) meta.append(element('span', 'muted', result.section));
    // The page's own words in its language, for screen readers' pronunciation.
    const title = withLang(element('span', 'search-option-title', result.title), result.lang);
    option.append(title, meta);
    if (result.summary) option.append(withLang(element('span', 'search-option-summary', result.summary), result.lang));
    const snippet = withLang(element('span', 'search-option-snippet'), result.lang);
    // Built by engine.ts from escaped text and <mark> only.
    snippet.innerHTML = result.snippetHtml;
    option.append(snippet);
    // A click opens it here; a middle or Ctrl/Cmd+click in another tab, and the search goes on.
    option.addEventListener('click', () => this.session.openedResult());
    option.addEventListener('auxclick', () => this.session.openedResult());
    option.addEventListener('mousemove', () => {
      if (this.active !== index) this.select(index);
    });
    return option;
  }

  private say(message: string): void {
    this.status.textContent = message;
  }

  private selectedFilters(): Filters {
    const filters: Filters = {};
    for (const name of FILTERS) {
      const value = this.filterBar.querySelector<HTMLSelectElement>(`select[data-filter="${name}"]`)?.value;
      if (value) filters[name] = [value];
    }
    return filters;
  }

  private async fillFilters(engine: SearchEngine): Promise<void> {
    const available = await engine.filters();
    for (const name of FILTERS) {
      const select = this.filterBar.querySelector<HTMLSelectElement>(`select[data-filter="${name}"]`);
      if (!select) continue;
      const values = Object.keys(available[name] ?? {}).sort((a, b) => a.localeCompare(b));
      select.replaceChildren(
        new Option(t('searchUi.all'), ''),
        ...values.map((value) => new Option(name === 'type' ? typeLabel(value, t) : value, value)),
      );
      select.closest('label')?.toggleAttribute('hidden', values.length < 2);
    }
    const languages = await pagefindLanguages();
    const languageSelect = this.filterBar.querySelector<HTMLSelectElement>('select[data-search-language]');
    if (languageSelect && languages.length > 1) {
      const names = new Intl.DisplayNames([this.language], { type: 'language' });
      languageSelect.replaceChildren(...languages.map((code) => new Option(names.of(code) ?? code, code, false, code === this.language)));
      languageSelect.closest('label')?.removeAttribute('hidden');
    }
    this.languages = languages;
    if (languages.length > 1) this.allLanguagesBox?.closest('label')?.removeAttribute('hidden');
    this.filterBar.hidden = false;
  }

  private onAllLanguagesChange(): void {
    // One language or all of them: the language filter has no say while all are searched.
    const languageSelect = this.filterBar.querySelector<HTMLSelectElement>('select[data-search-language]');
    if (languageSelect) languageSelect.disabled = this.searchesAll();
    void this.update();
  }

  private onFilterChange(select: HTMLSelectElement): void {
    if (select.hasAttribute('data-search-language') && select.value !== this.language) {
      // Another language is another index; the filters are that index's.
      this.language = select.value;
      this.engine = undefined;
      void this.load().then(() => this.update());
      return;
    }
    void this.update();
  }
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A page's language as a badge: its code to see ("DE"), its name in itself to hear ("Deutsch"). */
function languageBadge(lang: string): HTMLElement {
  const badge = element('span', 'badge badge-lang');
  const code = element('span', '', (lang.split('-')[0] ?? lang).toUpperCase());
  code.setAttribute('aria-hidden', 'true');
  const name = languageName(lang, lang);
  code.title = name;
  badge.append(code, withLang(element('span', 'sr-only', name), lang));
  return badge;
}

function withLang(node: HTMLElement, lang: string): HTMLElement {
  if (lang && lang !== document.documentElement.lang) node.lang = lang;
  return node;
}

function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 300);
}
