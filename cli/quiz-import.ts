/**
 * npm run quiz:import -- <bank.gift> [--module <folder under training/>]
 * Prints a Moodle GIFT question bank as a Knowhow quiz file (quizzes/README.md) on stdout, to
 * save into the quizzes folder: `npm run --silent quiz:import -- bank.gift > quizzes/bank.yaml`.
 * Questions a Knowhow quiz cannot ask are listed on stderr.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'gift-pegjs';
import { giftToQuiz } from '../src/features/training/index.ts';

const USAGE = 'Usage: npm run quiz:import -- <bank.gift> [--module <folder under training/>]';

let file: string | undefined;
let module: string | undefined;
try {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { module: { type: 'string' } } });
  if (positionals.length !== 1) throw new Error('name one GIFT file');
  file = positionals[0] as string;
  module = values.module ?? basename(file).replace(/\.(gift|txt)$/i, '');
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

let source: string;
try {
  source = readFileSync(file, 'utf8');
} catch {
  console.error(`Cannot read ${file}.\n${USAGE}`);
  process.exit(2);
}

let questions: ReturnType<typeof parse>;
try {
  questions = parse(source);
} catch (error) {
  const { location, message } = error as { location?: { start: { line: number; column: number } }; message: string };
  const where = location ? `${file}:${location.start.line}:${location.start.column}` : file;
  console.error(
    `${where} is not valid GIFT: ${message}\n    in GIFT, write the characters ~ = # { } : as \\~ \\= \\# \\{ \\} \\: inside text`,
  );
  process.exit(1);
}

const result = giftToQuiz(questions, module);
process.stdout.write(result.yaml);
for (const skipped of result.skipped) console.error(`skipped "${skipped.name}": ${skipped.reason}`);
console.error(
  `${result.imported} question${result.imported === 1 ? '' : 's'} for module ${module}; add a source: to each (the page and heading that hold the answer), then npm run check:content`,
);
