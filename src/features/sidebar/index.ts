export {
  anchorWords,
  EMBED_PATH,
  isEmbedPath,
  resultLink,
  SIDEBAR_MESSAGE_KEYS,
  SIDEBAR_RESULTS,
  SIGNED_IN_PATH,
  searchLanguageFor,
  sidebarLanguage,
} from './embed.ts';
