/**
 * Knowhow's own Astro adapter: the build's server entry exports Astro's app, and
 * cli/serve.ts (server/http/site-handler.ts) hands requests to it.
 *
 * Why not @astrojs/node: its handler wraps each request in a Web Request with an AbortSignal
 * tied to the socket. Node's Request keeps such a signal's listener alive through a WeakRef and
 * a FinalizationRegistry, which V8's young-generation collector treats as strong, so every
 * request's objects were promoted to the old generation: young-generation pauses of 15-40 ms
 * every second at 500 requests per second, which alone broke the API's latency target. Here the
 * request has no signal (no route of Knowhow streams or aborts work), and the rest of the path
 * is Astro's own (app.match, app.render, writeResponse).
 */
import type { AstroIntegration } from 'astro';

export default function serverAdapter(): AstroIntegration {
  return {
    name: 'knowhow:server',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'knowhow:server',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./server-entry.ts', import.meta.url),
          adapterFeatures: { buildOutput: 'server', middlewareMode: 'classic' },
          supportedAstroFeatures: {
            hybridOutput: 'stable',
            staticOutput: 'stable',
            serverOutput: 'stable',
            sharpImageService: 'unsupported',
            envGetSecret: 'stable',
          },
        });
      },
    },
  };
}
