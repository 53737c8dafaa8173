/**
 * The site model, built once per build and shared by every page and by the build hooks. It
 * lives on globalThis because Astro loads the integration and the pages as separate module
 * graphs in one process.
 */
import type { SiteModel } from '../types.ts';

interface SiteSlot {
  pending?: Promise<SiteModel> | undefined;
  built?: SiteModel | undefined;
}

const store = globalThis as unknown as Record<symbol, SiteSlot | undefined>;
const KEY = Symbol.for('knowhow.site');
store[KEY] ??= {};
const slot: SiteSlot = store[KEY];

export function cachedSite(build: () => Promise<SiteModel>): Promise<SiteModel> {
  slot.pending ??= build().then((site) => {
    slot.built = site;
    return site;
  });
  return slot.pending;
}

export function forgetSite(): void {
  slot.pending = undefined;
  slot.built = undefined;
}

/** The model the build's pages used, once they have been built. */
export function builtSite(): SiteModel | undefined {
  return slot.built;
}
