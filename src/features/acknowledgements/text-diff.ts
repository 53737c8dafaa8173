/**
 * What changed in a page's text between the version someone acknowledged and the current one,
 * as blocks a page can show: unchanged lines (long stretches cut to a little context around
 * the changes) and changed passages, compared word by word within the lines that changed.
 */
import { diffLines, diffWordsWithSpace } from 'diff';

export interface DiffPart {
  type: 'same' | 'added' | 'removed';
  text: string;
}

export type DiffBlock = { kind: 'same'; text: string } | { kind: 'skipped'; lines: number } | { kind: 'changed'; parts: DiffPart[] };

export interface TextDiffOptions {
  /** Unchanged lines kept before and after each change. */
  context?: number;
}

export function textDiff(before: string, after: string, { context = 2 }: TextDiffOptions = {}): DiffBlock[] {
  const changes = diffLines(before, after);
  const blocks: DiffBlock[] = [];
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index] as (typeof changes)[number];
    if (!change.added && !change.removed) {
      blocks.push(...unchanged(change.value, { first: index === 0, last: index === changes.length - 1, context }));
      continue;
    }
    // A removal followed by an addition is one passage rewritten: compare it word by word.
    let removed = '';
    let added = '';
    while (index < changes.length && (changes[index]?.added || changes[index]?.removed)) {
      const part = changes[index] as (typeof changes)[number];
      if (part.added) added += part.value;
      else removed += part.value;
      index++;
    }
    index--;
    const parts: DiffPart[] = diffWordsWithSpace(removed, added).map((part) => ({
      type: part.added ? 'added' : part.removed ? 'removed' : 'same',
      text: part.value,
    }));
    blocks.push({ kind: 'changed', parts: merge(parts) });
  }
  return blocks;
}

/** Whether the diff has any change at all. */
export function hasChanges(blocks: readonly DiffBlock[]): boolean {
  return blocks.some((block) => block.kind === 'changed');
}

function unchanged(value: string, { first, last, context }: { first: boolean; last: boolean; context: number }): DiffBlock[] {
  const lines = value.replace(/\n$/, '').split('\n');
  const keepBefore = first ? 0 : context;
  const keepAfter = last ? 0 : context;
  if (lines.length <= keepBefore + keepAfter + 1) return [{ kind: 'same', text: lines.join('\n') }];
  const blocks: DiffBlock[] = [];
  if (keepBefore > 0) blocks.push({ kind: 'same', text: lines.slice(0, keepBefore).join('\n') });
  blocks.push({ kind: 'skipped', lines: lines.length - keepBefore - keepAfter });
  if (keepAfter > 0) blocks.push({ kind: 'same', text: lines.slice(-keepAfter).join('\n') });
  return blocks;
}

/** Neighbouring parts of one type as one, so a reader hears one "added" per passage. */
function merge(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    const previous = merged.at(-1);
    if (previous && previous.type === part.type) previous.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
