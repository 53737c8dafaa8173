/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The server's shared context (server/app.ts), from cli/serve.ts or, in the dev server, src/middleware.ts. */
    app: import('./server/app.ts').AppContext;
    /** The signed-in person, or null; set by src/middleware.ts for every on-demand route. */
    user: import('./features/accounts/server/session.ts').SessionUser | null;
    /** The API key the request carries (a service, never a person), or null; set with `user`. */
    apiKey?: import('./features/api-keys/index.ts').ApiKeyCaller | null;
    /** The client's address, from the socket or a trusted proxy (server/http/client-address.ts). */
    clientAddress: string;
    /** Session cookies renewed while the built site's server looked the person up, to send with the answer. */
    renewedCookies?: string[];
    /** The interface language of the page being rendered (kit/i18n/astro.ts). */
    lang?: import('./kit/i18n/languages.ts').Language;
  }
}
