/** The request header in which proxy.ts passes a page's address without its language prefix. */
export const PATH_HEADER = "x-portal-path";
