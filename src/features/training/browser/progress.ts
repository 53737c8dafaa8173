/**
 * Training progress on the static lesson and module pages. Asks GET /api/me/training once; for
 * a person who is not signed in nothing is asked and nothing shows. On a lesson, "Mark this lesson as done"
 * posts to /api/me/lessons/{module}/{lesson} and says what is next; on a module's page, the
 * summary and a mark on each lesson read.
 */
import type { ModuleProgress } from '../progress.ts';
import { clientT, pageLanguage } from '../../../kit/i18n/client.ts';
import { formatDate } from '../../../kit/i18n/format.ts';
import { whoAmI } from '../../accounts/browser/who-am-i.ts';

const t = clientT('[data-lesson-done], [data-module-progress]');

async function myModules(): Promise<ModuleProgress[] | undefined> {
  if (!(await whoAmI())) return undefined;
  const response = await fetch('/api/me/training', { credentials: 'same-origin', headers: { Accept: 'application/json' } }).catch(
    () => undefined,
  );
  if (!response?.ok) return undefined;
  return ((await response.json()) as { modules: ModuleProgress[] }).modules;
}

function link(href: string, text: string, className?: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.textContent = text;
  if (className) anchor.className = className;
  return anchor;
}

/**
 * A module's pages name their lessons' and quiz's addresses and titles in the page's language
 * (data-lessons, data-quiz-href), so the next step stays in the reader's language; the progress
 * (by lesson id) is the same in every language.
 */
function linksOf(container: HTMLElement, progress: ModuleProgress) {
  const lessons = container.dataset.lessons
    ? (JSON.parse(container.dataset.lessons) as Record<string, { url: string; title: string }>)
    : {};
  return {
    lesson: (lesson: { id: string; url: string; title: string }) => lessons[lesson.id] ?? lesson,
    quiz: container.dataset.quizHref ?? `/quiz/${encodeURIComponent(progress.module)}/`,
  };
}

function lessonsRead(progress: ModuleProgress): string {
  return t('progress.lessonsRead', { done: progress.lessonsDone, count: progress.lessonsTotal });
}

/** What to do next in the module, after the lesson `currentId` (if any). */
function nextStep(container: HTMLElement, progress: ModuleProgress, currentId?: string): HTMLAnchorElement | undefined {
  const links = linksOf(container, progress);
  const unread = progress.lessons.filter((lesson) => !lesson.done && lesson.id !== currentId);
  if (unread[0]) {
    const lesson = links.lesson(unread[0]);
    return link(lesson.url, t('progress.nextUnread', { title: lesson.title }));
  }
  if (progress.hasQuiz && !progress.quizPassed) return link(links.quiz, t('progress.takeQuiz'), 'button');
  return undefined;
}

function showLesson(container: HTMLElement, progress: ModuleProgress): void {
  const lesson = progress.lessons.find((candidate) => candidate.id === container.dataset.lesson);
  if (!lesson) return;
  const button = container.querySelector<HTMLButtonElement>('[data-mark-done]');
  const status = container.querySelector<HTMLElement>('[data-progress-status]');
  if (!button || !status) return;
  const render = (current: ModuleProgress, justMarked: boolean) => {
    const done = current.lessons.find((candidate) => candidate.id === lesson.id)?.done ?? false;
    button.hidden = done;
    const parts: (string | Node)[] = [];
    if (done) parts.push(`${justMarked ? t('progress.markedDone') : t('progress.alreadyRead')} `);
    parts.push(`${lessonsRead(current)}. `);
    if (current.status === 'passed' && justMarked) parts.push(`${t('progress.moduleComplete')} `);
    const next = nextStep(container, current, lesson.id);
    if (next && done) parts.push(next);
    status.replaceChildren(...parts);
  };
  render(progress, false);
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    const response = await fetch(`/api/me/lessons/${encodeURIComponent(progress.module)}/${encodeURIComponent(lesson.id)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    }).catch(() => undefined);
    button.removeAttribute('aria-disabled');
    if (!response?.ok) {
      status.textContent = response?.status === 401 ? t('progress.sessionEnded') : t('progress.notSaved');
      return;
    }
    render((await response.json()) as ModuleProgress, true);
    status.querySelector('a')?.focus();
  });
  container.hidden = false;
}

function showModule(container: HTMLElement, progress: ModuleProgress): void {
  const summary = container.querySelector<HTMLElement>('[data-progress-summary]');
  const actions = container.querySelector<HTMLElement>('[data-progress-actions]');
  if (!summary || !actions) return;
  const facts = [`${t(`status.${progress.status}`)}: ${lessonsRead(progress)}`];
  if (progress.hasQuiz)
    facts.push(
      progress.quizPassed
        ? t('progress.quizPassed')
        : progress.attemptsUsed === 0
          ? t('progress.quizNotTaken')
          : t('progress.lastScore', { score: progress.lastScore ?? 0 }),
    );
  if (progress.dueOn && progress.status !== 'passed') facts.push(t('progress.due', { date: formatDate(progress.dueOn, pageLanguage()) }));
  summary.textContent = `${facts.join(' · ')}.`;
  const next = nextStep(container, progress);
  actions.replaceChildren(...(next ? [next] : []), link('/my-training/', t('progress.myTraining')));
  // A mark on each lesson read, in the module's lesson list.
  for (const lesson of progress.lessons.filter((candidate) => candidate.done)) {
    const item = document.querySelector(`.lesson-list a[data-lesson="${CSS.escape(lesson.id)}"]`);
    if (!item || item.parentElement?.querySelector('.lesson-read')) continue;
    const mark = document.createElement('span');
    mark.className = 'lesson-read';
    const tick = document.createElement('span');
    tick.setAttribute('aria-hidden', 'true');
    tick.textContent = '✓ ';
    mark.append(tick, t('progress.readMark'));
    item.after(' ', mark);
  }
  container.hidden = false;
}

const lessons = document.querySelectorAll<HTMLElement>('[data-lesson-done]');
const modules = document.querySelectorAll<HTMLElement>('[data-module-progress]');
if (lessons.length + modules.length > 0) {
  void myModules().then((progress) => {
    if (!progress) return;
    const byModule = new Map(progress.map((entry) => [entry.module, entry]));
    for (const container of lessons) {
      const entry = byModule.get(container.dataset.module ?? '');
      if (entry) showLesson(container, entry);
    }
    for (const container of modules) {
      const entry = byModule.get(container.dataset.module ?? '');
      if (entry) showModule(container, entry);
    }
  });
}
