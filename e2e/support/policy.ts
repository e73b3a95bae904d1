import { randomUUID } from "node:crypto";
import { withDb } from "./staff";

// Policy drafts straight in the database, for tests about who may open or change one.

/** A draft as an admin would have started it: a small policy with one section. */
export async function createPolicyDraftRow(staffId: string, title = "Role table draft"): Promise<string> {
  const id = randomUUID();
  await withDb((c) =>
    c.query(`INSERT INTO policy_drafts (id, title, summary, markdown, created_by_id, updated_by_id, updated_at) VALUES ($1, $2, 'A summary.', $3, $4, $4, now())`, [
      id,
      title,
      "## About this policy\n\nWrite to [PRIVACY EMAIL].\n",
      staffId,
    ]),
  );
  return id;
}

/** The draft's title and last-saved time, or null once it is gone. */
export async function policyDraft(id: string): Promise<{ title: string; updatedAt: string } | null> {
  const rows = await withDb((c) => c.query<{ title: string; updated_at: Date }>(`SELECT title, updated_at FROM policy_drafts WHERE id = $1`, [id]));
  const row = rows.rows[0];
  return row ? { title: row.title, updatedAt: row.updated_at.toISOString() } : null;
}

/** How many versions are published: a refused publication adds none. */
export async function countPolicyVersions(): Promise<number> {
  const rows = await withDb((c) => c.query<{ n: string }>(`SELECT count(*)::text AS n FROM policy_versions`));
  return Number(rows.rows[0]?.n ?? 0);
}
