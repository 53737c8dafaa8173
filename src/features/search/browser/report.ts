/**
 * Tells the server how a search ended, so that questions the handbook does not answer can be
 * counted (POST /api/search/events, no identity). Only the last question of a search counts:
 * typing "r", "re", "ref" is one search for "ref", reported when it ends, by the dialog
 * closing, a result opening or the page being left. Fire and forget: the request outlives the
 * page (keepalive) and nothing waits for it.
 */
import { normaliseQuestion } from '../question.ts';

export interface SearchOutcome {
  query: string;
  results: number;
  opened: boolean;
  lang?: string;
}

export function sendSearchReport(outcome: SearchOutcome): void {
  try {
    void fetch('/api/search/events', {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(outcome),
    }).catch(() => undefined);
  } catch {
    // A report is never worth an error on the page.
  }
}

/** One search in a box: what was last asked, whether a result was opened, and reporting it once. */
export class SearchSession {
  private question: string | undefined;
  private results = 0;
  private opened = false;
  private lang: string;

  constructor(lang: string) {
    this.lang = lang;
    // Leaving the page (or its tab going away) ends the search.
    addEventListener('pagehide', () => this.end());
  }

  /** The box shows `total` results for `question` (empty: nothing asked). */
  asked(question: string, total: number, lang = this.lang): void {
    if (normaliseQuestion(question) !== normaliseQuestion(this.question ?? '')) this.opened = false;
    this.question = question || undefined;
    this.results = total;
    this.lang = lang;
  }

  /** A result was opened, here or in another tab. */
  openedResult(): void {
    this.opened = true;
  }

  /** The full results page takes the question over (and counts it there): nothing to report. */
  handOver(): void {
    this.question = undefined;
  }

  /** Reports the search, once, and starts afresh. */
  end(): void {
    const question = this.question;
    this.question = undefined;
    if (!question || !normaliseQuestion(question)) return;
    sendSearchReport({ query: question, results: this.results, opened: this.opened, lang: this.lang });
    this.opened = false;
  }
}
