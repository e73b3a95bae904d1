/**
 * Whether a form post came from our own pages. Browsers send `Origin: null` for form posts from
 * pages with `Referrer-Policy: no-referrer` (ours), so `Sec-Fetch-Site` decides where it is sent;
 * otherwise a real Origin must match. The session cookie is SameSite=Lax as a second guard.
 */
export function isSameOriginPost(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return true;
  try {
    return new URL(origin).host === new URL(request.url).host;
  } catch {
    return false;
  }
}
