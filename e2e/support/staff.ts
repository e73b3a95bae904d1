import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import pg from "pg";

export type Role = "ADMIN" | "OFFICER" | "AUDITOR";

/** Runs `fn` with a connection to the test database, closed after. */
export async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A staff member as an admin would have invited them. */
export async function createStaff(role: Role, label = role.toLowerCase()): Promise<{ id: string; email: string }> {
  const email = `${label}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@staff.test`;
  const id = randomUUID();
  await withDb((c) => c.query(`INSERT INTO staff (id, email, role) VALUES ($1, $2, $3::"StaffRole")`, [id, email, role]));
  return { id, email };
}

export async function deactivateStaff(id: string): Promise<void> {
  await withDb((c) => c.query(`UPDATE staff SET deactivated_at = now() WHERE id = $1`, [id]));
}

/** The session cookie a production server sets: Secure, whatever APP_URL's scheme (lib/auth/session-cookie.ts). */
export const SESSION_COOKIE = "__Secure-next-auth.session-token";

/**
 * Signs a browser context in as `staffId` the way next-auth would after a magic link: a database
 * session whose token the cookie carries (stored hashed, as our adapter stores it), begun at the
 * app's own time, which a clock spec may have moved (sessions end 60 idle minutes after it).
 */
export async function signInAs(context: BrowserContext, staffId: string): Promise<void> {
  const token = randomBytes(32).toString("hex");
  const hash = createHash("sha256").update(token).digest("hex");
  const base = process.env.E2E_BASE_URL ?? "http://localhost:3000";
  const clock = await fetch(new URL("/api/testing/clock", base));
  const now = clock.ok ? new Date(((await clock.json()) as { now: string }).now) : new Date();
  await withDb((c) =>
    c.query(
      `INSERT INTO staff_sessions (id, session_token_hash, staff_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $4::timestamp + interval '1 hour')`,
      // Stored as UTC wall time, as Prisma stores it.
      [randomUUID(), hash, staffId, now.toISOString().replace("Z", "")],
    ),
  );
  const url = new URL(base);
  await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: url.hostname, path: "/", httpOnly: true, secure: true, sameSite: "Lax" }]);
}

/** Binds an OAuth identity to a staff member, as connecting it from their account page would. */
export async function connectAccount(staffId: string, provider: "google" | "github" | "azure-ad"): Promise<{ id: string }> {
  const id = randomUUID();
  await withDb((c) =>
    c.query(`INSERT INTO staff_accounts (id, staff_id, provider, provider_account_id, linked_by_id) VALUES ($1, $2, $3, $4, $2)`, [id, staffId, provider, randomUUID()]),
  );
  return { id };
}

/** The actions of the staff audit trail about one member, oldest first. */
export async function staffEvents(staffId: string): Promise<{ action: string; data: unknown }[]> {
  return withDb(async (c) => (await c.query(`SELECT action, data FROM staff_events WHERE staff_id = $1 ORDER BY id`, [staffId])).rows);
}

/**
 * A request straight in the database, for tests about who may touch it: verified (RECEIVED) unless
 * `status` says it still waits for confirmation.
 */
export async function createRequestRow(
  requesterName = "Role Table",
  options: { email?: string; status?: "RECEIVED" | "PENDING_VERIFICATION" } = {},
): Promise<{ id: string; reference: string }> {
  const id = randomUUID();
  const reference = `DSR-${randomBytes(2).toString("hex").toUpperCase()}-${randomBytes(2).toString("hex").toUpperCase()}`;
  const verified = (options.status ?? "RECEIVED") === "RECEIVED";
  await withDb((c) =>
    c.query(
      `INSERT INTO requests (id, reference, type, status, requester_name, requester_email, country, jurisdiction, relationship, details, received_at, verified_at, due_at, updated_at)
       VALUES ($1, $2, 'ACCESS', $5::"RequestStatus", $4, $3, 'DE', 'GDPR', 'ACCOUNT_HOLDER', '{}', now(),
               CASE WHEN $6 THEN now() END, CASE WHEN $6 THEN current_date + 30 END, now())`,
      [id, reference, options.email ?? `role-table-${id.slice(0, 8)}@example.test`, requesterName, verified ? "RECEIVED" : "PENDING_VERIFICATION", verified],
    ),
  );
  return { id, reference };
}
