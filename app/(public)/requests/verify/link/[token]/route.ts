import { NextResponse } from "next/server";
import { logError } from "@/lib/log";
import { verifyByLink } from "@/lib/verification/verify";

// The one-click link from the email. It verifies and redirects, so the secret leaves the address
// bar at once; failures go to a page that explains what to do next.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const base = new URL(request.url);
  try {
    const result = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await verifyByLink(token) : ({ ok: false, code: "NOT_FOUND" } as const);
    const target = result.ok ? `${result.statusPath}?confirmed=1` : `/requests/verify/problem?reason=${result.code}`;
    return NextResponse.redirect(new URL(target, base), 303);
  } catch (error) {
    logError("verification.link_failed", error);
    return NextResponse.redirect(new URL("/requests/verify/problem?reason=INTERNAL", base), 303);
  }
}
