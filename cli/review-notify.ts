/**
 * npm run review:notify -- --webhook <url> [--format slack|teams] [--site-url <url>] [--owner o]
 *                          [--section s] [--today YYYY-MM-DD] [--dry-run]
 *
 * Posts one message per owner to a chat webhook: their pages overdue or due soon, linked. For a
 * scheduled job (cron, CI). --dry-run prints the messages instead of posting them.
 */
import { parseArgs } from 'node:util';
import { DIGEST_FORMATS, type DigestFormat, digestMessage, digestsByOwner } from '../src/features/reviews/index.ts';
import { checkDate, contentReview, fail } from './lib/review-content.ts';

const USAGE =
  'Usage: npm run review:notify -- --webhook <url> [--format slack|teams] [--site-url <url>] [--owner <owner>] [--section <section>] [--today YYYY-MM-DD] [--dry-run]';

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      webhook: { type: 'string' },
      format: { type: 'string', default: 'slack' },
      'site-url': { type: 'string' },
      owner: { type: 'string' },
      section: { type: 'string' },
      today: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  fail(`${(error as Error).message}\n\n${USAGE}`);
}
const { values } = parsed;
const dryRun = values['dry-run'];
const webhook = values.webhook ?? process.env.KNOWHOW_REVIEW_WEBHOOK;
if (!webhook && !dryRun) fail(`Say where to post: --webhook <url> (or KNOWHOW_REVIEW_WEBHOOK), or --dry-run to print.\n\n${USAGE}`);
if (webhook && !URL.canParse(webhook)) fail(`--webhook ${webhook} is not an address: write the webhook's full URL, https://...`);
const format = values.format as DigestFormat;
if (!DIGEST_FORMATS.includes(format)) fail(`--format ${values.format}: write ${DIGEST_FORMATS.join(' or ')}.`);
const { items, today, publicUrl } = contentReview({
  owner: values.owner,
  section: values.section,
  today: checkDate(values.today, '--today'),
  status: ['overdue', 'due-soon'],
});
// Links in a chat message must be absolute: the handbook's public address (site.url in
// knowhow.yaml, else BETTER_AUTH_URL), unless --site-url says otherwise.
const siteUrl = values['site-url'] ?? publicUrl;
if (!siteUrl || !URL.canParse(siteUrl)) {
  fail(
    'Say where the handbook is, so the messages can link its pages: site.url in knowhow.yaml, or --site-url https://handbook.example.com (or BETTER_AUTH_URL).',
  );
}
const digests = digestsByOwner(items);
if (digests.length === 0) {
  console.log(`Nothing is overdue or due soon on ${today}: no messages.`);
  process.exit(0);
}

let failures = 0;
for (const digest of digests) {
  const message = digestMessage(digest, siteUrl, format);
  if (dryRun || !webhook) {
    console.log(JSON.stringify(message, null, 2));
    continue;
  }
  const response = await fetch(webhook, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(15_000),
  }).catch((error: Error) => error);
  if (response instanceof Error || !response.ok) {
    failures++;
    const reason = response instanceof Error ? response.message : `${response.status} ${await response.text().catch(() => '')}`.trim();
    console.error(`${digest.owner}: not posted (${reason}).`);
  } else {
    console.log(`${digest.owner}: posted ${digest.items.length} ${digest.items.length === 1 ? 'page' : 'pages'}.`);
  }
}
if (failures > 0) {
  console.error(`${failures} of ${digests.length} messages were not posted; run again to retry.`);
  process.exit(1);
}
