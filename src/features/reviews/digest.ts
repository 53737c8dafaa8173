/**
 * The review digest a chat channel gets: one message per owner with the pages they answer for
 * that are overdue or due soon, each linked. Two shapes: Slack's `{ text }` with mrkdwn links,
 * which Google Chat, Mattermost and Rocket.Chat accept as it is; and, for Microsoft Teams, whose
 * Workflows webhooks take Adaptive Cards only, a message with one card.
 */
import { formatDate } from '../../kit/i18n/format.ts';
import type { ReviewItem } from './items.ts';

export type DigestFormat = 'slack' | 'teams';
export const DIGEST_FORMATS: readonly DigestFormat[] = ['slack', 'teams'];

export interface Digest {
  owner: string;
  items: ReviewItem[];
}

/** The overdue and due-soon pages, grouped by owner (pages without one under "No owner"), owners by name. */
export function digestsByOwner(items: readonly ReviewItem[]): Digest[] {
  const byOwner = new Map<string, ReviewItem[]>();
  for (const item of items) {
    if (item.status !== 'overdue' && item.status !== 'due-soon') continue;
    const owner = item.owner ?? 'No owner';
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), item]);
  }
  return [...byOwner.entries()].map(([owner, ownerItems]) => ({ owner, items: ownerItems })).sort((a, b) => a.owner.localeCompare(b.owner));
}

function when(item: ReviewItem): string {
  if (item.status === 'overdue')
    return `overdue by ${item.daysOverdue} ${item.daysOverdue === 1 ? 'day' : 'days'} (due ${formatDate(item.due ?? '')})`;
  return `due ${formatDate(item.due ?? '')}`;
}

function headline({ owner, items }: Digest): string {
  const overdue = items.filter((item) => item.status === 'overdue').length;
  const pages = `${items.length} ${items.length === 1 ? 'page' : 'pages'}`;
  return `Reviews for ${owner}: ${pages}${overdue > 0 ? `, ${overdue} overdue` : ''}`;
}

/** Slack mrkdwn escapes only these three. */
const slackEscape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function digestMessage(digest: Digest, siteUrl: string, format: DigestFormat): unknown {
  const link = (item: ReviewItem) => new URL(item.url, siteUrl).href;
  if (format === 'slack') {
    const lines = digest.items.map((item) => `• <${link(item)}|${slackEscape(item.title)}> (${slackEscape(item.file)}): ${when(item)}`);
    return { text: [`*${slackEscape(headline(digest))}*`, ...lines, 'Record a review in Git: npm run review -- --mark <file>'].join('\n') };
  }
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: headline(digest), weight: 'Bolder', size: 'Medium', wrap: true },
            ...digest.items.map((item) => ({
              type: 'TextBlock',
              text: `[${item.title}](${link(item)}) (${item.file}): ${when(item)}`,
              wrap: true,
            })),
          ],
        },
      },
    ],
  };
}
