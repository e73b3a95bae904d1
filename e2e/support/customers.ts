import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { foldName } from "../../lib/referrals/match-key";

/** A label no other test (or earlier run against the same database) uses: slugs are unique. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

/** A customer with two workspaces straight in the database, for tests about who may change them. */
export async function createCustomerRow(): Promise<{ customerId: string; workspaceIds: [string, string] }> {
  const tag = uniqueTag();
  const customerId = randomUUID();
  const workspaceIds: [string, string] = [randomUUID(), randomUUID()];
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const legalName = `Role Table ${tag} Ltd`;
    await client.query(`INSERT INTO customers (id, legal_name, legal_name_key, privacy_emails, language) VALUES ($1, $2, $3, $4, 'en')`, [
      customerId,
      legalName,
      foldName(legalName),
      [`privacy@${tag}.example`],
    ]);
    for (const [index, id] of workspaceIds.entries()) {
      const name = `Role Table ${tag} ${index}`;
      await client.query(`INSERT INTO workspaces (id, customer_id, name, name_key, slug, domains) VALUES ($1, $2, $3, $4, $5, $6)`, [
        id,
        customerId,
        name,
        foldName(name),
        `rt-${tag}-${index}`,
        [`w${index}.${tag}.example`],
      ]);
    }
  } finally {
    await client.end();
  }
  return { customerId, workspaceIds };
}
