/** The URL parameter that carries a search's words to the page it opens, to highlight them there. */
export const HIGHLIGHT_PARAM = 'highlight';
