import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastCommitDates } from '../../../src/features/content/git-dates.ts';

function commit(repo: string, date: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  execFileSync('git', ['add', '.'], { cwd: repo, env });
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'edit'], { cwd: repo, env });
}

describe('lastCommitDates', () => {
  it('gives each file the date of the last commit that touched it, relative to the content folder', () => {
    const repo = mkdtempSync(join(tmpdir(), 'knowhow-git-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    commit(repo, '2025-03-01T10:00:00Z', { 'handbook/a.md': 'one', 'handbook/sub/b.md': 'one', 'outside.md': 'x' });
    commit(repo, '2026-05-20T10:00:00Z', { 'handbook/a.md': 'two' });

    const dates = lastCommitDates(join(repo, 'handbook'));
    expect(Object.fromEntries(dates)).toEqual({ 'a.md': '2026-05-20', 'sub/b.md': '2025-03-01' });
  });

  it('is empty outside a Git checkout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowhow-nogit-'));
    writeFileSync(join(dir, 'a.md'), '# A');
    expect(lastCommitDates(dir).size).toBe(0);
  });
});
