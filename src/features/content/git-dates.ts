/**
 * The date of the last commit that touched each file, from one `git log` over the content
 * folder (one process for the whole site, not one per page). Outside a Git checkout, or where
 * git is missing, the map is empty and pages fall back to their front matter.
 */
import { execFileSync } from 'node:child_process';

const COMMIT_MARKER = '\u0000commit ';

export function lastCommitDates(contentDir: string): Map<string, string> {
  const dates = new Map<string, string>();
  let log: string;
  try {
    // --relative gives paths relative to the content folder when it is a subfolder of the checkout.
    log = git(contentDir, ['log', '--format=%x00commit %cI', '--name-only', '--no-renames', '--relative', '--', '.']);
  } catch {
    return dates;
  }
  let current = '';
  for (const line of log.split('\n')) {
    if (line.startsWith(COMMIT_MARKER)) {
      current = line.slice(COMMIT_MARKER.length, COMMIT_MARKER.length + 10);
    } else if (line && current && !dates.has(line)) {
      // The log runs newest first, so the first date seen for a file is its last change.
      dates.set(line, current);
    }
  }
  return dates;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
}
