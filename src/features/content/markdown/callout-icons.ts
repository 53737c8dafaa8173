/**
 * The callouts' icons, one per kind, as inline SVG in the title's colour (currentColor): an
 * emoji showed as an empty box where no emoji font is installed, and an image file could not
 * follow the dark colour scheme. The title says the kind in words, so the icon is decorative
 * and hidden from screen readers. Its size and colour are attributes, not a style attribute:
 * a Content-Security-Policy without 'unsafe-inline' blocks those, and the attributes keep it
 * small even before the stylesheet arrives.
 *
 * The Markdown directive (remark-callouts.ts) and the MDX component (features/content/components/mdx/Callout.astro)
 * both draw it from here, so the two look alike.
 */
import type { Element } from 'hast';
import type { CalloutKind } from './callout-kinds.ts';

/** On a 24 by 24 grid, filled with the even-odd rule: each inner outline cuts a hole. */
export const CALLOUT_ICON_PATHS: Record<CalloutKind, string> = {
  // An "i" in a circle.
  note: 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20Zm0 2a8 8 0 1 1 0 16a8 8 0 1 1 0-16Zm0 2.5a1.25 1.25 0 1 0 0 2.5a1.25 1.25 0 1 0 0-2.5ZM11 10.5h2v7h-2Z',
  // A light bulb.
  tip: 'M12 2a7 7 0 0 0-4 12.74V17h8v-2.26A7 7 0 0 0 12 2Zm0 2a5 5 0 0 1 2 9.58V15h-4v-1.42A5 5 0 0 1 12 4ZM9 18.5h6V20H9Zm1 2.5h4v1.5h-4Z',
  // An exclamation mark in a triangle.
  warning: 'M12 2.5 22.5 21H1.5Zm0 4.05L4.93 19h14.14ZM11 9.5h2v5h-2Zm1 6a1.25 1.25 0 1 0 0 2.5a1.25 1.25 0 1 0 0-2.5Z',
  // A speech bubble.
  say: 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2Zm0 2v11h16V5ZM8 9.25a1.25 1.25 0 1 0 0 2.5a1.25 1.25 0 1 0 0-2.5Zm4 0a1.25 1.25 0 1 0 0 2.5a1.25 1.25 0 1 0 0-2.5Zm4 0a1.25 1.25 0 1 0 0 2.5a1.25 1.25 0 1 0 0-2.5Z',
};

/** The icon's <svg> attributes, as HTML spells them (for Callout.astro). */
export const CALLOUT_ICON_ATTRIBUTES = {
  class: 'callout-icon',
  viewBox: '0 0 24 24',
  width: '16',
  height: '16',
  fill: 'currentColor',
  'aria-hidden': 'true',
} as const;

/** The same icon as a hast element, for the Markdown pipeline. */
export function calloutIcon(kind: CalloutKind): Element {
  const { class: className, 'aria-hidden': ariaHidden, ...attributes } = CALLOUT_ICON_ATTRIBUTES;
  return {
    type: 'element',
    tagName: 'svg',
    properties: { className: [className], ...attributes, ariaHidden },
    children: [{ type: 'element', tagName: 'path', properties: { fillRule: 'evenodd', d: CALLOUT_ICON_PATHS[kind] }, children: [] }],
  };
}
