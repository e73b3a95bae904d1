import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";
import { isReportPreviewPath, REPORT_CSP_HEADER } from "@/lib/fulfillment/package/report-csp";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { restoredOrigin } from "@/lib/http/same-origin";
import { logError } from "@/lib/log";
import { countGpcPage, countsAsPublicPage, sendsGpc } from "@/lib/privacy-signals/gpc";
import { NOT_FOUND_KIND_HEADER, NOT_FOUND_PATH, notFoundBeforeRouting } from "@/lib/requests/status-link-gate";

// A strict Content-Security-Policy with a per-request nonce: Next adds the nonce to its own
// scripts when it sees it in the request's CSP header. No third-party origin is allowed anywhere.
// The first of three checks (proxy, admin layout, each action): it only spares signed-out visitors
// a trip to pages they can't use. The session itself is checked against the database later.
function needsSignIn(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  if (pathname !== "/admin" && !pathname.startsWith("/admin/")) return false;
  if (pathname === "/admin/sign-in" || pathname.startsWith("/admin/sign-in/")) return false;
  return !SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
}

export async function proxy(request: NextRequest) {
  if (needsSignIn(request)) {
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
  requestHeaders.set("Content-Security-Policy", csp);
  // Forms post to server actions without JavaScript too (the customer's referral page).
  const origin = restoredOrigin(request);
  if (origin) requestHeaders.set("origin", origin);
  const response = await passOn(request, requestHeaders);
  // Global Privacy Control: counted, not waited for; a failed count never costs the visitor the page.
  if (sendsGpc(request.headers) && countsAsPublicPage(request.nextUrl.pathname)) {
    countGpcPage(db, now()).catch((error) => logError("gpc.count_failed", error));
  }
  // A package's report previewed by staff is a document of found records: no script at all.
  response.headers.set("Content-Security-Policy", isReportPreviewPath(request.nextUrl.pathname) ? REPORT_CSP_HEADER : csp);
  return response;
}

/**
 * On to the app, unless the address is one only a 404 answers and Next would get it wrong: a status
 * link that opens nothing, or a path with broken percent-encoding ("/requests/status/%zz"), which
 * Next fails on with a 500. Those get the 404 page, rendered on the server
 * (lib/requests/status-link-gate.ts).
 */
async function passOn(request: NextRequest, headers: Headers): Promise<NextResponse> {
  headers.delete(NOT_FOUND_KIND_HEADER);
  const notFound = await notFoundBeforeRouting(request.nextUrl.pathname);
  if (!notFound) return NextResponse.next({ request: { headers } });
  headers.set(NOT_FOUND_KIND_HEADER, notFound);
  const url = request.nextUrl.clone();
  url.pathname = NOT_FOUND_PATH;
  url.search = "";
  return NextResponse.rewrite(url, { request: { headers } });
}

export const config = {
  matcher: [
    {
      // The logo (app/(public)/brand/logo, that address only) has a Content-Security-Policy of its own.
      source: "/((?!api|_next/static|_next/image|favicon.ico|robots.txt|brand/logo$).*)",
      // Server action calls answer with data, not a page, and check their own access: skipping
      // the proxy for them saves work on the busiest path (the request form).
      missing: [
        { type: "header", key: "next-action" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
