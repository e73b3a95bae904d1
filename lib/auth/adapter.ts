import "server-only";
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import { bindIdentity } from "@/lib/auth/oauth-binding";
import { absoluteEnd, judgeSession, LAST_SEEN_RESOLUTION_MS, lifetimeEnd, type SessionLimits } from "@/lib/auth/session-lifetime";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { hashToken } from "@/lib/security/tokens";

type StaffRow = { id: string; email: string; name: string | null; emailVerified: Date | null; role: string; deactivatedAt: Date | null; kind: string };

function toUser(staff: StaffRow): AdapterUser & { role: string } {
  return { id: staff.id, email: staff.email, name: staff.name, emailVerified: staff.emailVerified, role: staff.role };
}

const STAFF = { id: true, email: true, name: true, emailVerified: true, role: true, deactivatedAt: true, kind: true } as const;

/**
 * next-auth's storage, on our own tables. Only people in the staff table exist for it: it never
 * creates a user, it forgets deactivated staff, and session tokens are stored as SHA-256 hashes.
 * Sessions end at an absolute lifetime from sign-in and after an idle time, judged here where every
 * read of a session passes, on the app's clock (lib/clock.ts).
 */
export function staffAdapter(db: Db, limits: SessionLimits): Adapter {
  // An API key's staff row (lib/api/keys.ts) is never anyone's account.
  const active = (staff: StaffRow | null) => (staff && !staff.deactivatedAt && staff.kind === "PERSON" ? toUser(staff) : null);
  return {
    async createUser() {
      throw new Error("Staff are invited by an admin; sign-in never creates accounts.");
    },
    async getUser(id) {
      return active(await db.staff.findUnique({ where: { id }, select: STAFF }));
    },
    async getUserByEmail(email) {
      return active(await db.staff.findUnique({ where: { email: email.toLowerCase() }, select: STAFF }));
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db.staffAccount.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { staff: { select: STAFF } },
      });
      return active(account?.staff ?? null);
    },
    async updateUser(user) {
      const staff = await db.staff.update({
        where: { id: user.id },
        data: { emailVerified: user.emailVerified ?? undefined, name: user.name ?? undefined },
        select: STAFF,
      });
      return toUser(staff);
    },
    // next-auth calls this only for an identity that is not bound yet, while a staff member is
    // signed in (the signIn callback refuses it otherwise): it binds to that member's session.
    async linkAccount(account: AdapterAccount) {
      await bindIdentity(db, account.userId, { provider: account.provider, providerAccountId: account.providerAccountId });
    },
    async createSession({ sessionToken, userId }) {
      const createdAt = now();
      const expires = lifetimeEnd(createdAt, limits);
      await db.staffSession.create({ data: { sessionTokenHash: hashToken(sessionToken), staffId: userId, createdAt, lastSeenAt: createdAt, expiresAt: expires } });
      return { sessionToken, userId, expires };
    },
    async getSessionAndUser(sessionToken) {
      const tokenHash = hashToken(sessionToken);
      const session = await db.staffSession.findUnique({
        where: { sessionTokenHash: tokenHash },
        select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, staff: { select: STAFF } },
      });
      const user = session ? active(session.staff) : null;
      if (!session || !user) return null;
      const at = now();
      const verdict = judgeSession(session, limits, at);
      if (!verdict.alive) {
        await db.staffSession.deleteMany({ where: { id: session.id } });
        return null;
      }
      if (verdict.touch) {
        // Concurrent requests of one page race here; the condition lets one of them write.
        await db.staffSession.updateMany({
          where: { id: session.id, lastSeenAt: { lte: new Date(at.getTime() - LAST_SEEN_RESOLUTION_MS) } },
          data: { lastSeenAt: at },
        });
      }
      return { session: { sessionToken, userId: user.id, expires: verdict.expires }, user };
    },
    // next-auth would roll the expiry forward on use; it may only ever come closer.
    async updateSession({ sessionToken, expires }) {
      const session = await db.staffSession.findUnique({ where: { sessionTokenHash: hashToken(sessionToken) }, select: { id: true, createdAt: true, expiresAt: true } });
      if (!session) return null;
      const end = absoluteEnd(session, limits);
      const capped = expires && expires < end ? expires : end;
      if (capped.getTime() !== session.expiresAt.getTime()) await db.staffSession.updateMany({ where: { id: session.id }, data: { expiresAt: capped } });
      return { sessionToken, expires: capped, userId: "" };
    },
    async deleteSession(sessionToken) {
      await db.staffSession.deleteMany({ where: { sessionTokenHash: hashToken(sessionToken) } });
    },
    async createVerificationToken({ identifier, token, expires }) {
      // next-auth has already hashed `token` with the secret. Unknown addresses get no row (and,
      // in sendVerificationRequest, no email), but the same answer on screen.
      const staff = await db.staff.findUnique({ where: { email: identifier }, select: { deactivatedAt: true } });
      if (staff && !staff.deactivatedAt) {
        await db.staffSignInToken.create({ data: { identifier, tokenHash: token, expiresAt: expires } });
      }
      return { identifier, token, expires };
    },
    async useVerificationToken({ identifier, token }) {
      // Single use: the row is deleted as it is read. Sign-in links carry only the token, so it is
      // found by its hash (unique) alone; next-auth then signs in the address the row names.
      const rows = await db.$queryRaw<{ identifier: string; token_hash: string; expires_at: Date }[]>`
        DELETE FROM staff_sign_in_tokens WHERE token_hash = ${token} AND (${identifier ?? null}::text IS NULL OR identifier = ${identifier ?? null})
        RETURNING identifier, token_hash, expires_at`;
      const row = rows[0];
      return row ? { identifier: row.identifier, token: row.token_hash, expires: row.expires_at } : null;
    },
  };
}
