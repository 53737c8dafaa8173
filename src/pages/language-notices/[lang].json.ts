/**
 * The words of the language notice (scripts/language/language-notice.ts) in each language,
 * written at build time: a reader whose chosen language differs from the page's fetches one.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { clientMessages } from '../../i18n/index.ts';
import { LANGUAGES } from '../../i18n/languages.ts';

export const getStaticPaths = (() => LANGUAGES.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(clientMessages(params.lang, 'languageNotice.'), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
