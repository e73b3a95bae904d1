import "server-only";
import { db } from "@/lib/db";
import { pathDecodes } from "@/lib/http/path-encoding";
import { statusLinkRequestId } from "@/lib/requests/status-token";
import { verificationAddressOpensNothing } from "@/lib/verification/address-gate";

// Next renders a page's own notFound() as an empty error document that shows the not-found UI only
// once JavaScript runs (no text, no `lang`); only an address that matches no route gets its 404 page
// rendered on the server. So the proxy checks a status page's link before the page runs, and sends
// a link that opens nothing to such an address, marked so app/not-found.tsx knows what to say. A
// path Next could not decode goes the same way (lib/http/path-encoding.ts).

/** The request header that tells app/not-found.tsx which 404 it renders; the proxy drops any a client sends. */
export const NOT_FOUND_KIND_HEADER = "x-dsar-not-found";
export type NotFoundKind = "status-link" | "page";
/** In a private folder's namespace (`_name`), so no route can ever match it. */
export const NOT_FOUND_PATH = "/_unmatched";

const STATUS_PAGE = /^\/requests\/status\/([^/]+)\/?$/;

/**
 * Which 404 the proxy answers `pathname` with before any page runs, or null to let the app answer:
 * "status-link" for a status page whose link opens nothing now (unknown, revoked, expired or
 * mangled), "page" for any other path Next could not decode and for a confirmation page
 * (lib/verification/address-gate.ts) that would find nothing.
 */
export async function notFoundBeforeRouting(pathname: string): Promise<NotFoundKind | null> {
  const status = STATUS_PAGE.exec(pathname);
  if (!pathDecodes(pathname)) return status ? "status-link" : "page";
  // A confirmation address that finds nothing gets the same server-rendered 404 as a garbled one.
  if (!status) return (await verificationAddressOpensNothing(pathname)) ? "page" : null;
  return (await statusLinkRequestId(db, decodeURIComponent(status[1]!))) === null ? "status-link" : null;
}

export function notFoundKindFrom(value: string | null): NotFoundKind {
  return value === "status-link" ? "status-link" : "page";
}
