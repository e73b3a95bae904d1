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

/**
 * The Origin to hand Next for a plain form post (no JavaScript) that the browser sent with
 * `Origin: null` because of our Referrer-Policy, or null to leave the request as it is. Next
 * refuses a server action whose Origin differs from the host, "null" included; only when the
 * browser itself says the post is same-origin (Sec-Fetch-Site, which no page can set) do we put
 * back the origin it would have sent. Cross-site posts keep "null" and are still refused.
 */
export function restoredOrigin(request: Request): string | null {
  if (request.method !== "POST" || request.headers.get("origin") !== "null") return null;
  if (request.headers.get("sec-fetch-site") !== "same-origin") return null;
  // Next compares with the first X-Forwarded-Host, else Host.
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  return host ? `${new URL(request.url).protocol}//${host}` : null;
}
