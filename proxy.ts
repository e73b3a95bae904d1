import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";
import { isReportPreviewPath, REPORT_CSP_HEADER } from "@/lib/fulfillment/package/report-csp";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { restoredOrigin } from "@/lib/http/same-origin";
import { DEFAULT_LOCALE, negotiateLocale, splitLocalePrefix, type Locale } from "@/lib/i18n/locales";
import { PATH_HEADER, PINNED_HEADER } from "@/lib/i18n/path-header";
import { logError } from "@/lib/log";
import { countGpcPage, countsAsPublicPage, sendsGpc } from "@/lib/privacy-signals/gpc";
import { NOT_FOUND_KIND_HEADER, NOT_FOUND_PATH, notFoundBeforeRouting } from "@/lib/requests/status-link-gate";

// A strict Content-Security-Policy with a per-request nonce: Next adds the nonce to its own
// scripts when it sees it in the request's CSP header. No third-party origin is allowed anywhere.
// The first of three checks (proxy, admin layout, each action): it only spares signed-out visitors
// a trip to pages they can't use. The session itself is checked against the database later.
function needsSignIn(request: NextRequest, pathname: string): boolean {
  if (pathname !== "/admin" && !pathname.startsWith("/admin/")) return false;
  if (pathname === "/admin/sign-in" || pathname.startsWith("/admin/sign-in/")) return false;
  return !SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
}

/** next-intl reads the language of a page, an action or an email link's page from this request header. */
const LOCALE_HEADER = "X-NEXT-INTL-LOCALE";

/**
 * The reader's language: a "/de/…" address says it; else the browser's Accept-Language; else
 * English. No cookie remembers it (the public pages set none): the page's links keep the prefix.
 */
function readerLocale(request: NextRequest, prefixed: Locale | null, path: string): Locale {
  if (!isTranslated(path)) return DEFAULT_LOCALE;
  return prefixed ?? negotiateLocale(request.headers.get("accept-language"));
}

/** The staff dashboard and the owners' task pages stay English (the requester's and customer's pages are translated). */
function isTranslated(path: string): boolean {
  return !/^\/(admin|tasks|notices)(\/|$)/.test(path);
}

/** Server actions and prefetches answer with data, not a page: they need only the language. */
function isDataCall(request: NextRequest): boolean {
  const { headers } = request;
  return headers.has("next-action") || headers.has("next-router-prefetch") || headers.get("purpose") === "prefetch";
}

export async function proxy(request: NextRequest) {
  // A language prefix is only a way to ask for a language: the page behind "/de/privacy" is /privacy.
  const { locale: prefixed, path } = splitLocalePrefix(request.nextUrl.pathname);
  const locale = readerLocale(request, prefixed, path);
  if (isDataCall(request)) {
    const headers = new Headers(request.headers);
    headers.set(LOCALE_HEADER, locale);
    if (prefixed) headers.set(PINNED_HEADER, "1");
    else headers.delete(PINNED_HEADER);
    return prefixed ? NextResponse.rewrite(withPath(request, path), { request: { headers } }) : NextResponse.next({ request: { headers } });
  }
  if (needsSignIn(request, path)) {
    const url = request.nextUrl.clone();
    url.pathname = "/admin/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(LOCALE_HEADER, locale);
  // The page's address without its language, for the language switcher, and whether the address
  // chose the language, so the page's links keep it (lib/i18n/server.ts).
  requestHeaders.set(PATH_HEADER, path + request.nextUrl.search);
  if (prefixed) requestHeaders.set(PINNED_HEADER, "1");
  else requestHeaders.delete(PINNED_HEADER);
  requestHeaders.set("Content-Security-Policy", csp);
  // Forms post to server actions without JavaScript too (the customer's referral page).
  const origin = restoredOrigin(request);
  if (origin) requestHeaders.set("origin", origin);
  const response = await passOn(request, requestHeaders, prefixed ? path : null);
  // Global Privacy Control: counted, not waited for; a failed count never costs the visitor the page.
  if (sendsGpc(request.headers) && countsAsPublicPage(path)) {
    countGpcPage(db, now()).catch((error) => logError("gpc.count_failed", error));
  }
  // A package's report previewed by staff is a document of found records: no script at all.
  response.headers.set("Content-Security-Policy", isReportPreviewPath(path) ? REPORT_CSP_HEADER : csp);
  return response;
}

/**
 * On to the app, unless the address is one only a 404 answers and Next would get it wrong: a status
 * link that opens nothing, or a path with broken percent-encoding ("/requests/status/%zz"), which
 * Next fails on with a 500. Those get the 404 page, rendered on the server
 * (lib/requests/status-link-gate.ts).
 */
async function passOn(request: NextRequest, headers: Headers, unprefixed: string | null): Promise<NextResponse> {
  headers.delete(NOT_FOUND_KIND_HEADER);
  const notFound = await notFoundBeforeRouting(unprefixed ?? request.nextUrl.pathname);
  if (!notFound) {
    return unprefixed === null
      ? NextResponse.next({ request: { headers } })
      : NextResponse.rewrite(withPath(request, unprefixed), { request: { headers } });
  }
  headers.set(NOT_FOUND_KIND_HEADER, notFound);
  const url = request.nextUrl.clone();
  url.pathname = NOT_FOUND_PATH;
  url.search = "";
  return NextResponse.rewrite(url, { request: { headers } });
}

function withPath(request: NextRequest, pathname: string): URL {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  return url;
}

export const config = {
  matcher: [
    {
      // The logo (app/(public)/brand/logo, that address only) has a Content-Security-Policy of its own.
      // Server actions and prefetches come here too, for their language only (isDataCall).
      source: "/((?!api|_next/static|_next/image|favicon.ico|robots.txt|brand/logo$).*)",
    },
  ],
};
