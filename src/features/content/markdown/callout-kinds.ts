/** The kinds of callout authors write (`:::note`, `:::say`), with the English title each gets when it has none of its own. */
export const CALLOUT_KINDS = {
  note: 'Note',
  tip: 'Tip',
  warning: 'Warning',
  say: 'Say to the customer',
} as const;
export type CalloutKind = keyof typeof CALLOUT_KINDS;

export function isCalloutKind(name: string): name is CalloutKind {
  return Object.hasOwn(CALLOUT_KINDS, name);
}
