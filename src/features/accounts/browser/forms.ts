/**
 * Forms of the account and admin pages: a second click on a submit button while the first
 * request is on its way does nothing (the server also treats repeats safely), and an error
 * notice takes the focus so that keyboard and screen reader users hear it first.
 */
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-once]')) {
  form.addEventListener('submit', (event) => {
    if (form.dataset.sent) {
      event.preventDefault();
      return;
    }
    form.dataset.sent = 'true';
    for (const button of form.querySelectorAll<HTMLButtonElement>('button[type="submit"]')) button.setAttribute('aria-disabled', 'true');
  });
}
document.querySelector<HTMLElement>('[data-notice][role="alert"]')?.focus();
