import "server-only";
import type { CallbacksOptions, NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import type { Provider } from "next-auth/providers/index";
import AzureADProvider from "next-auth/providers/azure-ad";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { staffAdapter } from "@/lib/auth/adapter";
import { admitOAuthIdentity, enabledOAuthProviders, ENTRA, entraAccountId } from "@/lib/auth/oauth-binding";
import { secureCookies } from "@/lib/auth/session-cookie";
import { normalizeSignInEmail } from "@/lib/auth/sign-in-limit";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logError, logEvent } from "@/lib/log";
import { enqueueEmail } from "@/lib/mail/outbox";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { nextAuthSecret } from "@/lib/security/tokens";

export const SIGN_IN_LINK_MINUTES = 15;

/**
 * OAuth providers switch on only when their credentials are set. None links by email: an identity
 * signs in only once it is bound to a staff member by its subject (lib/auth/oauth-binding.ts).
 */
function oauthProviders(): Provider[] {
  const e = process.env;
  const enabled = new Set(enabledOAuthProviders(e).map((p) => p.id));
  const providers: Provider[] = [];
  if (enabled.has("google")) providers.push(GoogleProvider({ clientId: e.GOOGLE_CLIENT_ID!, clientSecret: e.GOOGLE_CLIENT_SECRET! }));
  if (enabled.has("github")) providers.push(GitHubProvider({ clientId: e.GITHUB_CLIENT_ID!, clientSecret: e.GITHUB_CLIENT_SECRET! }));
  if (enabled.has(ENTRA)) {
    providers.push(
      AzureADProvider({
        clientId: e.AZURE_AD_CLIENT_ID!,
        clientSecret: e.AZURE_AD_CLIENT_SECRET!,
        tenantId: e.AZURE_AD_TENANT_ID,
        // The identity is the tenant and object id from the verified ID token (next-auth's own
        // profile uses `sub` and fetches a photo we don't show).
        profile: (claims) => ({ id: entraAccountId(claims), name: claims.name ?? null, email: claims.email ?? null, image: null }),
      }),
    );
  }
  return providers;
}

/** Where a refused OAuth sign-in lands: the sign-in error page, saying what to do instead. */
function refusedUrl(appUrl: string, reason: "NOT_CONNECTED" | "DEACTIVATED", provider: string): string {
  const params = new URLSearchParams(reason === "NOT_CONNECTED" ? { error: "NotConnected", provider } : { error: "AccessDenied" });
  return new URL(`/admin/sign-in/error?${params}`, appUrl).toString();
}

/**
 * The last word on who gets in. A magic link: an active staff member with that address. An OAuth
 * identity: only one bound to an active member, or, while `sessionToken` is a live staff session,
 * an unbound one that next-auth is about to connect to that member. Never the provider's email.
 */
function signInCallback(adapter: Adapter, appUrl: string, sessionToken: string | undefined): CallbacksOptions["signIn"] {
  return async ({ user, account, email }) => {
    if (email?.verificationRequest) return true;
    if (account?.type === "email") {
      const address = user.email?.toLowerCase();
      const staff = address ? await db.staff.findUnique({ where: { email: address }, select: { deactivatedAt: true, kind: true } }) : null;
      return Boolean(staff && !staff.deactivatedAt && staff.kind === "PERSON");
    }
    if (account?.type !== "oauth") return false;
    const signedIn = sessionToken ? Boolean(await adapter.getSessionAndUser!(sessionToken)) : false;
    const admission = await admitOAuthIdentity(db, account, signedIn);
    if (admission.allowed) return true;
    logEvent("auth.oauth_refused", { provider: account.provider, reason: admission.reason });
    return refusedUrl(appUrl, admission.reason, account.provider);
  };
}

function buildOptions(): NextAuthOptions {
  const env = getEnv();
  // next-auth reads these from the environment; derive them from ours so there is one setting each.
  process.env.NEXTAUTH_URL ??= env.APP_URL;
  const adapter = staffAdapter(db, { maxHours: env.STAFF_SESSION_MAX_HOURS, idleMinutes: env.STAFF_SESSION_IDLE_MINUTES });
  const maxAge = env.STAFF_SESSION_MAX_HOURS * 3600;
  return {
    secret: nextAuthSecret(env.APP_SECRET),
    adapter,
    // The adapter records use and ends idle or old sessions itself; next-auth's rolling update
    // (at updateAge) would only push the expiry later, so it is never due before the session ends.
    session: { strategy: "database", maxAge, updateAge: maxAge },
    useSecureCookies: secureCookies(env.NODE_ENV),
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
        normalizeIdentifier: normalizeSignInEmail,
        // Through our own outbox and SMTP, like every other email. Unknown or deactivated
        // addresses get nothing, but the same "check your email" page as staff.
        async sendVerificationRequest({ identifier, url }) {
          const staff = await db.staff.findUnique({ where: { email: identifier }, select: { deactivatedAt: true, emailVerified: true, invitedById: true, kind: true } });
          if (!staff || staff.deactivatedAt || staff.kind !== "PERSON") return;
          const org = await readOrganizationDetails(db);
          await enqueueEmail(db, {
            template: "staff-sign-in",
            to: identifier,
            props: { org, url: withoutEmail(url), expiresInMinutes: SIGN_IN_LINK_MINUTES, invited: Boolean(staff.invitedById) && !staff.emailVerified },
          });
          wakeOutboxWorker();
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      signIn: signInCallback(adapter, env.APP_URL, undefined),
      async session({ session, user }) {
        const role = (user as { role?: string }).role;
        return { ...session, user: { ...session.user, id: user.id, role } };
      },
    },
  };
}

/**
 * next-auth's link names the address (`&email=`), which then sits in browser history, proxy logs
 * and spam filters' scores; the token alone finds its row (lib/auth/adapter.ts).
 */
function withoutEmail(url: string): string {
  const link = new URL(url);
  link.searchParams.delete("email");
  return link.toString();
}

let options: NextAuthOptions | undefined;

/** Built on first use so that importing it needs no environment (the build imports every route). */
export function getAuthOptions(): NextAuthOptions {
  options ??= buildOptions();
  return options;
}

/**
 * For the auth route handler: the same options, with the request's own session cookie, which
 * decides whether an OAuth identity that is not bound yet may be connected to its staff member.
 */
export function authOptionsForRequest(sessionToken: string | undefined): NextAuthOptions {
  const base = getAuthOptions();
  return { ...base, callbacks: { ...base.callbacks, signIn: signInCallback(base.adapter!, getEnv().APP_URL, sessionToken) } };
}
