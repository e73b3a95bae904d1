import type { NextRequest } from "next/server";
import { logoResponse } from "@/lib/branding/serve";
import { readLogo } from "@/lib/branding/settings";
import { db } from "@/lib/db";

// The operator's logo, for every page's header: public, no session. The proxy skips this address
// (proxy.ts), so the logo's own Content-Security-Policy is the one sent.
export async function GET(request: NextRequest): Promise<Response> {
  return logoResponse(await readLogo(db), request.nextUrl, request.headers.get("if-none-match"));
}
