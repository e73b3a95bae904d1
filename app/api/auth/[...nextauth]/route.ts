import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptionsForRequest } from "@/lib/auth/options";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { limitSignInEmail } from "@/lib/auth/sign-in-limit";
import { clientIp } from "@/lib/http/client-ip";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (request.method === "POST" && nextauth.join("/") === "signin/email") {
    const limited = await limitSignInEmail(request, await clientIp());
    if (limited) return limited;
  }
  // The session, if any, decides whether an OAuth identity not yet bound may be connected to it.
  const sessionToken = request.cookies.get(sessionCookieName())?.value;
  return NextAuth(request as never, context as never, authOptionsForRequest(sessionToken));
}

export { handler as GET, handler as POST };
