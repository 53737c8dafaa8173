/**
 * The full results page (/search/): the server counted a question that found nothing; for one
 * with results, say when the page is left whether one of them was opened.
 */
import { SearchSession } from './report.ts';

const list = document.querySelector<HTMLElement>('[data-search-report]');
if (list) {
  const session = new SearchSession(list.dataset.lang ?? document.documentElement.lang ?? 'en');
  session.asked(list.dataset.searchReport ?? '', Number(list.dataset.results ?? 0));
  const opened = (event: Event) => {
    if (event.target instanceof Element && event.target.closest('a')) session.openedResult();
  };
  list.addEventListener('click', opened);
  list.addEventListener('auxclick', opened);
}
