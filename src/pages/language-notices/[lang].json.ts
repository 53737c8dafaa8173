/**
 * The words of the language notice (features/languages/browser/language-notice.ts) in each language,
 * written at build time: a reader whose chosen language differs from the page's fetches one.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { clientMessages } from '../../kit/i18n/index.ts';
import { LANGUAGES } from '../../kit/i18n/languages.ts';

export const getStaticPaths = (() => LANGUAGES.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(clientMessages(params.lang, 'languageNotice.'), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
