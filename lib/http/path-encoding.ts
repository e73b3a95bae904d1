// A path with a "%" that starts no valid escape ("/requests/status/%zz", "/%E0%A4%A") makes Next
// fail while it decodes a route's parameters, before any page runs: the visitor gets an error (500)
// instead of a 404. The proxy sends such a request to the 404 page instead. Pure: runs in the proxy
// and in unit tests.

/** Whether every percent-escape in the path decodes (as UTF-8), as Next will try to. */
export function pathDecodes(pathname: string): boolean {
  if (!pathname.includes("%")) return true;
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
