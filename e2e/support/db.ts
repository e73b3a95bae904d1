import pg from "pg";

/** Read-only look into the test database, to prove what was (not) stored. */
export async function countRequestsFor(email: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*)::text AS n FROM requests WHERE requester_email = $1", [email]);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}
