import pg from "pg";

// Read-only looks into the test database, to prove what was (not) stored.

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export async function countRequestsFor(email: string): Promise<number> {
  const rows = await query<{ n: string }>("SELECT count(*)::text AS n FROM requests WHERE requester_email = $1", [email]);
  return Number(rows[0]?.n ?? 0);
}

/** The id of the request's newest referral, or null when it has none. */
export async function latestReferralId(requestId: string): Promise<string | null> {
  const rows = await query<{ id: string }>("SELECT id::text FROM referrals WHERE request_id = $1 ORDER BY created_at DESC, sent_at DESC LIMIT 1", [requestId]);
  return rows[0]?.id ?? null;
}

/** How many workspace exports were delivered for a referral. */
export async function countReferralPackages(referralId: string): Promise<number> {
  const rows = await query<{ n: string }>("SELECT count(*)::text AS n FROM data_packages WHERE referral_id = $1", [referralId]);
  return Number(rows[0]?.n ?? 0);
}

/** A system of the demo's data map (a page that shows one needs it; a new one would join every run's plan). */
export async function demoDataSystemId(): Promise<string> {
  const [row] = await query<{ id: string }>(`SELECT id FROM data_systems ORDER BY created_at, id LIMIT 1`, []);
  if (!row) throw new Error("the demo data map has no system");
  return row.id;
}

/** Public pages counted as shown to browsers sending Global Privacy Control, over every day. */
export async function gpcPagesCounted(): Promise<number> {
  const rows = await query<{ n: string }>("SELECT coalesce(sum(pages), 0)::text AS n FROM gpc_signal_days", []);
  return Number(rows[0]?.n ?? 0);
}

/** The id and Global Privacy Control mark of the request from `email` (the newest). */
export async function requestByEmail(email: string): Promise<{ id: string; gpcSignal: boolean } | null> {
  const rows = await query<{ id: string; gpc_signal: boolean }>(
    "SELECT id::text, gpc_signal FROM requests WHERE requester_email = $1 ORDER BY received_at DESC LIMIT 1",
    [email],
  );
  return rows[0] ? { id: rows[0].id, gpcSignal: rows[0].gpc_signal } : null;
}

/** Proofs of work spent so far (lib/pow/challenge.ts): each accepted one is a challenge solved in a browser. */
export async function spentProofsOfWork(): Promise<number> {
  const rows = await query<{ n: string }>("SELECT count(*)::text AS n FROM spent_proofs_of_work", []);
  return Number(rows[0]?.n ?? 0);
}

/** The id of the request with this reference (DSR-XXXX-XXXX). */
export async function requestIdByReference(reference: string): Promise<string> {
  const rows = await query<{ id: string }>("SELECT id::text FROM requests WHERE reference = $1", [reference]);
  if (!rows[0]) throw new Error(`no request ${reference}`);
  return rows[0].id;
}

/** The language stored with the newest request made with this address. */
export async function requestLanguageFor(email: string): Promise<string | null> {
  const rows = await query<{ language: string }>("SELECT language FROM requests WHERE requester_email = lower($1) ORDER BY received_at DESC LIMIT 1", [email]);
  return rows[0]?.language ?? null;
}
