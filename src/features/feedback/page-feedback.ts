/** Page feedback's limits, shared by the widget under every page and the server. */
export const MAX_COMMENT_LENGTH = 1000;
