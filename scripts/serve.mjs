// Starts the built site (dist/server/entry.mjs) on HOST:PORT, default http://localhost:4321.
// Run through npm (`npm start` builds first; `npm run serve` serves the last build).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const outDir = process.env.KNOWHOW_OUT_DIR ?? 'dist';
const entry = new URL(`../${outDir}/server/entry.mjs`, import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error(`No build found at ${outDir}/. Run \`npm start\` (builds, then serves) or \`npm run build\` first.`);
  process.exit(1);
}
process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';
await import(entry.href);
console.log(`Knowhow is serving on http://${process.env.HOST}:${process.env.PORT}/`);
