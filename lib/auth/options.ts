import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import AzureADProvider from "next-auth/providers/azure-ad";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { staffAdapter } from "@/lib/auth/adapter";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logError, logEvent } from "@/lib/log";
import { enqueueEmail } from "@/lib/mail/outbox";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { nextAuthSecret } from "@/lib/security/tokens";

export const SIGN_IN_LINK_MINUTES = 15;
const SESSION_HOURS = 8;

/** OAuth providers switch on only when their credentials are set. */
function oauthProviders(): Provider[] {
  const e = process.env;
  const providers: Provider[] = [];
  // Staff records are matched by email, so linking an OAuth identity to the staff member with the
  // same (provider-verified) address is what we want; the signIn callback still checks the list.
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET, allowDangerousEmailAccountLinking: true }));
  }
  if (e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET) {
    providers.push(GitHubProvider({ clientId: e.GITHUB_CLIENT_ID, clientSecret: e.GITHUB_CLIENT_SECRET, allowDangerousEmailAccountLinking: true }));
  }
  if (e.AZURE_AD_CLIENT_ID && e.AZURE_AD_CLIENT_SECRET && e.AZURE_AD_TENANT_ID) {
    providers.push(
      AzureADProvider({
        clientId: e.AZURE_AD_CLIENT_ID,
        clientSecret: e.AZURE_AD_CLIENT_SECRET,
        tenantId: e.AZURE_AD_TENANT_ID,
        allowDangerousEmailAccountLinking: true,
      }),
    );
  }
  return providers;
}

function buildOptions(): NextAuthOptions {
  const env = getEnv();
  // next-auth reads these from the environment; derive them from ours so there is one setting each.
  process.env.NEXTAUTH_URL ??= env.APP_URL;
  return {
    secret: nextAuthSecret(env.APP_SECRET),
    adapter: staffAdapter(db),
    session: { strategy: "database", maxAge: SESSION_HOURS * 3600, updateAge: 3600 },
    // next-auth's own logger prints whole error objects, which can quote an email address.
    logger: {
      error: (code, metadata) => logError(`auth.${code}`, (metadata as { error?: unknown })?.error ?? metadata),
      warn: (code) => logEvent(`auth.warning.${code}`),
      debug: () => {},
    },
    pages: { signIn: "/admin/sign-in", verifyRequest: "/admin/sign-in/check-email", error: "/admin/sign-in/error" },
    providers: [
      EmailProvider({
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        normalizeIdentifier: (identifier) => identifier.trim().toLowerCase(),
        // Through our own outbox and SMTP, like every other email. Unknown or deactivated
        // addresses get nothing, but the same "check your email" page as staff.
        async sendVerificationRequest({ identifier, url }) {
          const staff = await db.staff.findUnique({ where: { email: identifier }, select: { deactivatedAt: true, emailVerified: true, invitedById: true } });
          if (!staff || staff.deactivatedAt) return;
          const org = await readOrganizationDetails(db);
          await enqueueEmail(db, {
            template: "staff-sign-in",
            to: identifier,
            props: { org, url, expiresInMinutes: SIGN_IN_LINK_MINUTES, invited: Boolean(staff.invitedById) && !staff.emailVerified },
          });
          wakeOutboxWorker();
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      // The last word on who gets in: an active staff member, whatever the provider.
      async signIn({ user, email }) {
        if (email?.verificationRequest) return true;
        const address = user.email?.toLowerCase();
        if (!address) return false;
        const staff = await db.staff.findUnique({ where: { email: address }, select: { deactivatedAt: true } });
        return Boolean(staff && !staff.deactivatedAt);
      },
      async session({ session, user }) {
        const role = (user as { role?: string }).role;
        return { ...session, user: { ...session.user, id: user.id, role } };
      },
    },
  };
}

let options: NextAuthOptions | undefined;

/** Built on first use so that importing it needs no environment (the build imports every route). */
export function getAuthOptions(): NextAuthOptions {
  options ??= buildOptions();
  return options;
}
