/**
 * Recomputes each trust line's review state with today's date: the page may have been built
 * before its review fell due. (A module script rather than an inline one, which the site's
 * Content-Security-Policy would block.)
 */
const today = new Date().toISOString().slice(0, 10);
for (const line of document.querySelectorAll<HTMLElement>('[data-review-due]')) {
  const due = line.dataset.reviewDue;
  const warning = line.nextElementSibling;
  if (!due || !(warning instanceof HTMLElement) || !warning.hasAttribute('data-review-warning')) continue;
  const overdue = due < today;
  if (overdue) line.dataset.reviewState = 'overdue';
  warning.hidden = !overdue;
}
