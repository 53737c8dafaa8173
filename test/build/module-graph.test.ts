/**
 * The module graph decides what the render cache's key covers: a module it misses serves stale
 * pages, so each kind of import is checked here on a small tree of its own.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { moduleGraph } from '../../src/build/module-graph.ts';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'knowhow-graph-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('moduleGraph', () => {
  it('follows every import that loads code, and records the packages imported with their versions', () => {
    const dir = tree({
      'src/entry.ts': [
        "import type { Shape } from './types.ts';",
        "import { type Kind, helper } from './helper';",
        "export { other } from './sub/other.ts';",
        "import '@scope/tool/register';",
        "import { readFileSync } from 'node:fs';",
        "import path from 'path';",
        "const later = () => import('./later.ts');",
        '',
      ].join('\n'),
      'src/helper.ts': "import { x } from './sub';\nimport words from './words.json' with { type: 'json' };\nexport type Kind = 1;\n",
      'src/sub/index.ts': "import plain from 'plain/deep/file.js';\nexport const x = plain;\n",
      'src/sub/other.ts': "import { entry } from '../entry.ts';\nexport const other = entry;\n",
      'src/later.ts': 'export const later = 1;\n',
      'src/words.json': '["import \'./not-code.ts\'"]\n',
      'src/types.ts': "import './only-for-types.ts';\n",
      'node_modules/plain/package.json': '{ "name": "plain", "version": "1.2.3" }\n',
    });

    const graph = moduleGraph([join(dir, 'src/entry.ts')]);
    expect(graph.files.map((file) => file.slice(dir.length + 1))).toEqual([
      'src/entry.ts',
      'src/helper.ts',
      'src/later.ts',
      'src/sub/index.ts',
      'src/sub/other.ts',
      'src/words.json',
    ]);
    expect([...graph.packages]).toEqual([
      ['@scope/tool', 'not installed'],
      ['plain', '1.2.3'],
    ]);
  });

  it('names the file whose import is missing', () => {
    const dir = tree({ 'entry.ts': "import './gone.ts';\n" });
    expect(() => moduleGraph([join(dir, 'entry.ts')])).toThrow(`${join(dir, 'entry.ts')} imports ./gone.ts, which does not exist`);
  });
});
