import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { grantAppRole, RoleSetupError, urlAsUser, urlUser } from "@/lib/db/roles";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { withClient as connect } from "@/lib/testing/test-database";
import { seed } from "@/prisma/seed";

// The app logs in as a role that may add to the audit trail and read it, and never rewrite it:
// not row by row, not by emptying a table, not by switching its triggers off first. The tests
// connect as the app does (DATABASE_URL, the suite's app role) and check as the owner what stayed.

const AUDIT_TABLES = ["request_events", "staff_events", "customer_events"] as const;
const appUrl = () => process.env.DATABASE_URL!;
const ownerUrl = () => inject("ownerDatabaseUrl");

/** Runs `statements` as the app in one transaction, always rolled back; the error, or null. */
async function attempt(...statements: string[]): Promise<{ code?: string; message: string } | null> {
  return connect(appUrl(), async (client) => {
    await client.query("BEGIN");
    try {
      for (const sql of statements) await client.query(sql);
      return null;
    } catch (error) {
      return { code: (error as { code?: string }).code, message: (error as Error).message };
    } finally {
      await client.query("ROLLBACK");
    }
  });
}

async function rowCounts(): Promise<Record<string, number>> {
  return connect(ownerUrl(), async (client) => {
    const counts: Record<string, number> = {};
    for (const table of AUDIT_TABLES) {
      counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    }
    return counts;
  });
}

let requestId: string;

beforeAll(async () => {
  // Ordinary app work, as the app's role: a submission writes its request and first event.
  await seed(db);
  const submitted = await submitRequest(requestInput(), { ip: null });
  if (!submitted.ok) throw new Error("submission failed");
  requestId = submitted.data.requestId;
  await connect(appUrl(), async (client) => {
    await client.query(`INSERT INTO staff_events (staff_id, actor_id, action) VALUES ($1, $1, 'STAFF_INVITED')`, [randomUUID()]);
    await client.query(`INSERT INTO customer_events (customer_id, actor_id, action) VALUES ($1, $2, 'CUSTOMER_CREATED')`, [randomUUID(), randomUUID()]);
  });
});

describe("the app's database role", () => {
  it("is not the owner, and adds to and reads the audit trail", async () => {
    expect(urlUser(appUrl())).not.toBe(urlUser(ownerUrl()));
    await connect(appUrl(), async (client) => {
      const inserted = await client.query(
        `INSERT INTO request_events (request_id, actor_type, action, visibility) VALUES ($1, 'SYSTEM', 'NOTE_ADDED', 'INTERNAL') RETURNING id`,
        [requestId],
      );
      expect(inserted.rowCount).toBe(1);
      const { rows } = await client.query<{ action: string }>(`SELECT action FROM request_events WHERE request_id = $1 ORDER BY id`, [requestId]);
      expect(rows.map((r) => r.action)).toContain("NOTE_ADDED");
      expect(rows.length).toBeGreaterThanOrEqual(2);
    });
  });

  for (const table of AUDIT_TABLES) {
    it(`cannot update, delete, truncate or switch off the triggers of ${table}`, async () => {
      const before = await rowCounts();
      expect(before[table]).toBeGreaterThan(0);
      // Each refused (42501): UPDATE and DELETE by the tables' triggers, the rest by the role's
      // privileges, since only an owner may empty a table or switch its triggers off.
      for (const sql of [
        `UPDATE ${table} SET action = 'REWRITTEN'`,
        `DELETE FROM ${table}`,
        `TRUNCATE ${table}`,
        `ALTER TABLE ${table} DISABLE TRIGGER USER`,
        `ALTER TABLE ${table} DISABLE TRIGGER ALL`,
        `DROP TABLE ${table} CASCADE`,
      ]) {
        expect({ sql, refused: await attempt(sql) }).toMatchObject({ sql, refused: { code: "42501" } });
      }
      // What someone holding the app's connection would try: switch the guard off, then wipe.
      expect(await attempt(`ALTER TABLE ${table} DISABLE TRIGGER USER`, `DELETE FROM ${table}`)).not.toBeNull();
      expect(await rowCounts()).toEqual(before);
    });
  }

  it("cannot take the owner's role back", async () => {
    const owner = urlUser(ownerUrl());
    const app = urlUser(appUrl());
    expect(await attempt(`SET ROLE "${owner}"`)).toMatchObject({ code: "42501" });
    await connect(appUrl(), async (client) => {
      await client.query("RESET ROLE");
      expect((await client.query<{ user: string }>("SELECT current_user AS user")).rows[0]!.user).toBe(app);
    });
  });

  // PGlite has one session, opened by its superuser, and that session can always reset its own
  // authorization (lib/db/embedded-queue.ts): the embedded database is no boundary against SQL
  // written to escape. A real server's login role has no way back.
  it.skipIf(!process.env.TEST_DATABASE_URL)("cannot log the session in as the owner", async () => {
    expect(await attempt(`SET SESSION AUTHORIZATION "${urlUser(ownerUrl())}"`)).toMatchObject({ code: "42501" });
  });
});

describe("setting up the app's role", () => {
  const fresh = `dsar_test_role_${randomBytes(4).toString("hex")}`;
  const member = `${fresh}_member`;

  afterAll(async () => {
    await connect(ownerUrl(), async (client) => {
      for (const role of [fresh, member]) {
        const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
        if (exists.rowCount) await client.query(`DROP OWNED BY "${role}"; DROP ROLE "${role}"`);
      }
    });
  });

  it("creates a missing role once when several setups race, and may run again", async () => {
    const url = urlAsUser(ownerUrl(), fresh, "a-password");
    await Promise.all([grantAppRole(ownerUrl(), url), grantAppRole(ownerUrl(), url), grantAppRole(ownerUrl(), url)]);
    await grantAppRole(ownerUrl(), url);
    await connect(url, async (client) => {
      expect((await client.query<{ user: string }>("SELECT current_user AS user")).rows[0]!.user).toBe(fresh);
      expect((await client.query("SELECT id FROM requests WHERE id = $1", [requestId])).rowCount).toBe(1);
      await expect(client.query("TRUNCATE request_events")).rejects.toMatchObject({ code: "42501" });
    });
  });

  it("refuses the owner itself, or a role that is a member of the owner", async () => {
    await expect(grantAppRole(ownerUrl(), ownerUrl())).rejects.toThrow(RoleSetupError);
    await connect(ownerUrl(), (client) => client.query(`CREATE ROLE "${member}" LOGIN; GRANT "${urlUser(ownerUrl())}" TO "${member}"`));
    await expect(grantAppRole(ownerUrl(), urlAsUser(ownerUrl(), member))).rejects.toThrow(/is a member of the owner/);
  });
});
