/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The server's shared context (lib/server/app.ts), from scripts/serve.ts or, in the dev server, src/middleware.ts. */
    app: import('./lib/server/app.ts').AppContext;
    /** The signed-in person, or null; set by src/middleware.ts for every on-demand route. */
    user: import('./lib/server/auth/session.ts').SessionUser | null;
    /** The client's address, from the socket or a trusted proxy (lib/server/http/client-address.ts). */
    clientAddress: string;
    /** Session cookies renewed while the built site's server looked the person up, to send with the answer. */
    renewedCookies?: string[];
    /** The interface language of the page being rendered (i18n/astro.ts). */
    lang?: import('./i18n/languages.ts').Language;
  }
}
