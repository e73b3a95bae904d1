import "server-only";
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import type { Db } from "@/lib/db";
import { hashToken } from "@/lib/security/tokens";

type StaffRow = { id: string; email: string; name: string | null; emailVerified: Date | null; role: string; deactivatedAt: Date | null };

function toUser(staff: StaffRow): AdapterUser & { role: string } {
  return { id: staff.id, email: staff.email, name: staff.name, emailVerified: staff.emailVerified, role: staff.role };
}

const STAFF = { id: true, email: true, name: true, emailVerified: true, role: true, deactivatedAt: true } as const;

/**
 * next-auth's storage, on our own tables. Only people in the staff table exist for it: it never
 * creates a user, it forgets deactivated staff, and session tokens are stored as SHA-256 hashes.
 */
export function staffAdapter(db: Db): Adapter {
  const active = (staff: StaffRow | null) => (staff && !staff.deactivatedAt ? toUser(staff) : null);
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
    async linkAccount(account: AdapterAccount) {
      await db.staffAccount.create({
        data: { staffId: account.userId, provider: account.provider, providerAccountId: account.providerAccountId },
      });
    },
    async createSession({ sessionToken, userId, expires }) {
      await db.staffSession.create({ data: { sessionTokenHash: hashToken(sessionToken), staffId: userId, expiresAt: expires } });
      return { sessionToken, userId, expires };
    },
    async getSessionAndUser(sessionToken) {
      const session = await db.staffSession.findUnique({
        where: { sessionTokenHash: hashToken(sessionToken) },
        select: { expiresAt: true, staff: { select: STAFF } },
      });
      const user = session ? active(session.staff) : null;
      if (!session || !user) return null;
      return { session: { sessionToken, userId: user.id, expires: session.expiresAt }, user };
    },
    async updateSession({ sessionToken, expires }) {
      if (!expires) return null;
      const updated = await db.staffSession.updateMany({ where: { sessionTokenHash: hashToken(sessionToken) }, data: { expiresAt: expires } });
      return updated.count ? { sessionToken, expires, userId: "" } : null;
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
      // Single use: the row is deleted as it is read.
      const rows = await db.$queryRaw<{ identifier: string; token_hash: string; expires_at: Date }[]>`
        DELETE FROM staff_sign_in_tokens WHERE identifier = ${identifier} AND token_hash = ${token}
        RETURNING identifier, token_hash, expires_at`;
      const row = rows[0];
      return row ? { identifier: row.identifier, token: row.token_hash, expires: row.expires_at } : null;
    },
  };
}
