/** Lists the files of the content folder once, for every step that needs them. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SKIPPED = new Set(['node_modules', 'dist']);

/** Every file below `contentDir`, as sorted POSIX paths relative to it; hidden files and folders are skipped. */
export function listFiles(contentDir: string): string[] {
  const files: string[] = [];
  const walk = (relDir: string) => {
    for (const entry of readdirSync(join(contentDir, relDir), { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
      const relPath = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(relPath);
      else if (entry.isFile()) files.push(relPath);
    }
  };
  walk('');
  return files.sort();
}
