/**
 * "Was this page helpful?" without leaving the page: Yes or No is sent at once
 * (POST /api/feedback), then a comment box opens, whose text goes to the same answer. Without
 * JavaScript the same forms post to /feedback/ instead.
 */
import { clientT } from '../../../kit/i18n/client.ts';

const widget = document.querySelector<HTMLElement>('[data-page-feedback]');
const t = clientT(widget);
const voteForm = widget?.querySelector<HTMLFormElement>('[data-feedback-vote]');
const commentForm = widget?.querySelector<HTMLFormElement>('[data-feedback-comment]');
const statusLine = widget?.querySelector<HTMLElement>('[data-feedback-status]');

interface Answer {
  page: string;
  helpful: boolean;
  comment?: string;
  id?: string;
}

async function send(answer: Answer): Promise<{ id: string } | string> {
  const response = await fetch('/api/feedback', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(answer),
  }).catch(() => undefined);
  if (response?.ok) return (await response.json()) as { id: string };
  if (response?.status === 429) return t('feedback.tooMany');
  return t('feedback.notSaved');
}

if (widget && voteForm && commentForm && statusLine) {
  const page = (voteForm.elements.namedItem('page') as HTMLInputElement).value;
  const field = (name: string) => commentForm.elements.namedItem(name) as HTMLInputElement;
  const textarea = commentForm.querySelector('textarea') as HTMLTextAreaElement;
  voteForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = event.submitter instanceof HTMLButtonElement ? event.submitter : undefined;
    const helpful = button?.value === 'yes';
    for (const each of voteForm.querySelectorAll('button')) each.disabled = true;
    const result = await send({ page, helpful });
    if (typeof result === 'string') {
      for (const each of voteForm.querySelectorAll('button')) each.disabled = false;
      statusLine.textContent = result;
      return;
    }
    field('helpful').value = helpful ? 'yes' : 'no';
    field('id').value = result.id;
    voteForm.hidden = true;
    commentForm.hidden = false;
    statusLine.textContent = t('feedback.thanksVote');
    textarea.focus();
  });
  commentForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const comment = textarea.value.trim();
    if (!comment) {
      statusLine.textContent = t('feedback.writeFirst');
      textarea.focus();
      return;
    }
    const submit = commentForm.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (submit) submit.disabled = true;
    const result = await send({ page, helpful: field('helpful').value === 'yes', comment, id: field('id').value });
    if (submit) submit.disabled = false;
    if (typeof result === 'string') {
      statusLine.textContent = result;
      return;
    }
    commentForm.hidden = true;
    statusLine.textContent = t('feedback.thanksComment');
  });
}
