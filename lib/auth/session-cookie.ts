// The staff session cookie's names, in one place for next-auth's options (lib/auth/options.ts),
// the proxy (proxy.ts, which only looks for one to spare signed-out visitors a trip) and the route
// handler that reads it while an OAuth identity is connected. No server-only import: the proxy
// loads this too.

const PLAIN = "next-auth.session-token";
const SECURE = "__Secure-next-auth.session-token";

export const SESSION_COOKIE_NAMES = [PLAIN, SECURE] as const;

/**
 * Production always sets Secure cookies, whatever APP_URL's scheme: behind a TLS-terminating proxy
 * APP_URL may well say http. Browsers accept Secure cookies from http://localhost.
 */
export function secureCookies(nodeEnv = process.env.NODE_ENV): boolean {
  return nodeEnv === "production";
}

export function sessionCookieName(secure = secureCookies()): string {
  return secure ? SECURE : PLAIN;
}
