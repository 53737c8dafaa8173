/**
 * Astro's server entry loads each route's module, and its middleware, with
 * `() => import("./chunks/...")`, and calls those on every request. Node then resolves the specifier and looks up the module job each
 * time: a seventh of the CPU time of an API request that does nothing (measured on /api/health).
 * This Vite plugin makes each of those loaders remember its module after the first call. A
 * build test checks that the entry still has loaders of that form, so an Astro release that
 * changes them is noticed.
 */
import type { Plugin } from 'vite';

/** `() => import("./chunks/...")`: the loaders of the routes, the middleware, actions and sessions. */
const MODULE_LOADER = /\(\) => import\(("\.[^"]+")\)/g;

export const MEMOIZED_LOADER_MARK = '__knowhowRememberModule';

export function memoizedPageImports(): Plugin {
  return {
    name: 'knowhow:memoized-page-imports',
    renderChunk(code, chunk) {
      if (!chunk.isEntry || !code.includes('pageMap')) return null;
      const helper = `function ${MEMOIZED_LOADER_MARK}(load) { let module; return () => (module ??= load()); }\n`;
      return { code: helper + code.replace(MODULE_LOADER, `${MEMOIZED_LOADER_MARK}(() => import($1))`), map: null };
    },
  };
}
