/**
 * Whether a state-changing form post came from our own pages. Browsers send `Origin: null` for
 * form posts from pages with `Referrer-Policy: no-referrer` (ours), so the browser's own
 * `Sec-Fetch-Site` decides when it is sent; without it, only an Origin equal to the app's own
 * (APP_URL) will do. A post with neither (`Origin: null` or none, from an old browser, a sandboxed
 * frame or a script) is refused: nothing shows it came from us. The session cookie is SameSite=Lax
 * as a second guard.
 */
export function isSameOriginPost(request: Request, appUrl: string): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  return request.headers.get("origin") === new URL(appUrl).origin;
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
