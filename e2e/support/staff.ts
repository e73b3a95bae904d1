import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import pg from "pg";

export type Role = "ADMIN" | "OFFICER" | "AUDITOR";

async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
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

/**
 * Signs a browser context in as `staffId` the way next-auth would after a magic link: a database
 * session whose token the cookie carries (stored hashed, as our adapter stores it).
 */
export async function signInAs(context: BrowserContext, staffId: string): Promise<void> {
  const token = randomBytes(32).toString("hex");
  const hash = createHash("sha256").update(token).digest("hex");
  await withDb((c) =>
    c.query(`INSERT INTO staff_sessions (id, session_token_hash, staff_id, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`, [
      randomUUID(),
      hash,
      staffId,
    ]),
  );
  const url = new URL(process.env.E2E_BASE_URL ?? "http://localhost:3000");
  await context.addCookies([{ name: "next-auth.session-token", value: token, domain: url.hostname, path: "/", httpOnly: true, sameSite: "Lax" }]);
}

/** A verified request straight in the database, for tests about who may touch it. */
export async function createRequestRow(): Promise<{ id: string }> {
  const id = randomUUID();
  const reference = `DSR-${randomBytes(2).toString("hex").toUpperCase()}-${randomBytes(2).toString("hex").toUpperCase()}`;
  await withDb((c) =>
    c.query(
      `INSERT INTO requests (id, reference, type, status, requester_name, requester_email, country, jurisdiction, relationship, details, received_at, verified_at, due_at, updated_at)
       VALUES ($1, $2, 'ACCESS', 'RECEIVED', 'Role Table', $3, 'DE', 'GDPR', 'ACCOUNT_HOLDER', '{}', now(), now(), current_date + 30, now())`,
      [id, reference, `role-table-${id.slice(0, 8)}@example.test`],
    ),
  );
  return { id };
}
