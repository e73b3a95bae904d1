/** The request header in which proxy.ts passes a page's address without its language prefix. */
export const PATH_HEADER = "x-portal-path";
/** Set by proxy.ts when the address named the language ("/en/…", "/de/…"): links then name it too. */
export const PINNED_HEADER = "x-portal-language-pinned";
