import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectOutput, type Fixture, render } from './render.ts';

const made: string[] = [];

function fixture(): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'knowhow-plugin-fixture-'));
  made.push(dir);
  writeFileSync(join(dir, 'input.md'), '# Title\n');
  return { name: 'a-case', dir, inputPath: join(dir, 'input.md'), input: '# Title\n', options: {} };
}

describe('plugin fixture helper', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('renders with the syntax of the real pipeline: GFM and directives', async () => {
    // Without a plugin that handles it, a directive comes out as a bare <div>: it was parsed.
    expect(await render('~~old~~\n\n:::note\nText\n:::')).toBe('<p><del>old</del></p>\n<div><p>Text</p></div>');
  });

  it('writes a missing output.html, then compares against it', () => {
    vi.stubEnv('CI', '');
    const created = fixture();
    expectOutput(created, '<h1>Title</h1>');
    expect(readFileSync(join(created.dir, 'output.html'), 'utf8')).toBe('<h1>Title</h1>\n');
    expect(() => expectOutput(created, '<h1>Other</h1>')).toThrow();
  });

  it('fails instead of writing output.html on CI', () => {
    vi.stubEnv('CI', 'true');
    const created = fixture();
    expect(() => expectOutput(created, '<h1>Title</h1>')).toThrow(/output\.html is missing/);
    expect(existsSync(join(created.dir, 'output.html'))).toBe(false);
  });
});
