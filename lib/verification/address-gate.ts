import "server-only";
import { getLinkView } from "@/lib/verification/link-view";
import { getVerificationView } from "@/lib/verification/view";

// A page's own notFound() renders as an error document that shows its words only once JavaScript
// runs (lib/requests/status-link-gate.ts), so the proxy asks here first and sends a confirmation
// address that opens nothing to the server-rendered 404: the same answer as for an address Next
// cannot decode ("/requests/verify/%zz").

const CODE_PAGE = /^\/requests\/verify\/([^/]+)\/?$/;
const LINK_PAGE = /^\/requests\/verify\/link\/([^/]+)\/?$/;

/**
 * Whether `pathname` (already known to decode) is a confirmation page that would find nothing: an
 * unknown or malformed request id for the code page, an unknown link token for the link page. An
 * expired, replaced or used link still opens its page, which says so.
 */
export async function verificationAddressOpensNothing(pathname: string): Promise<boolean> {
  const link = LINK_PAGE.exec(pathname);
  if (link) return (await getLinkView(decodeURIComponent(link[1]!))).state === "not_found";
  const code = CODE_PAGE.exec(pathname);
  if (code) return (await getVerificationView(decodeURIComponent(code[1]!))) === null;
  return false;
}
