// Runs first in every npm script. Astro 7, vitest 5 and node:sqlite need Node >= 22.12;
// the project ships Node 24 as a devDependency, which npm puts first on PATH. When it is
// missing (an install with --ignore-scripts, or a shell call outside npm) say so plainly
// instead of letting a tool fail deep inside with a syntax or import error.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Knowhow needs Node.js 22.12 or newer; this is Node ${process.versions.node}.\n` +
      'Run it through npm (npm run dev, npm start, npm test), which uses the Node 24 that\n' +
      '`npm install` puts in node_modules/.bin. If that is missing, run `npm install` again\n' +
      'without --ignore-scripts, or install Node 24 on this machine.',
  );
  process.exit(1);
}
