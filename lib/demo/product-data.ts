import pg from "pg";

// Jexi's own product database, as the demo and the end-to-end tests run it: the accounts of the
// operator's business customers and their members, the customers' workspaces with their end users,
// conversations and messages (workspace content: the customer is controller), support tickets that
// members wrote to Jexi with their replies, billing contacts and an audit log. Every row is fixed
// here, so a test can compare an access package with exactly what was seeded.
//
// The portal connects as `dsar_portal` (the data map's connection names that role), with least
// privilege: SELECT on every table, and UPDATE and DELETE only on what an erasure changes: the
// operator's own tables (an officer's erasure) and the workspace content tables, which the portal
// changes only on a customer's instruction, in a run scoped to that customer's workspace
// (lib/referrals/workspace-erasure.ts). The workspaces table itself stays read-only.

/** The demo requester: an Acme member with tickets, replies, a billing contact and sign-ins. */
export const DEMO_REQUESTER_EMAIL = "alex.morgan@example.com";
/** The role the data map connects as: SELECT on the product tables, UPDATE and DELETE on OPERATOR_TABLES and WORKSPACE_CONTENT_TABLES. */
export const PRODUCT_ROLE = "dsar_portal";
export const PRODUCT_ROLE_PASSWORD = "demo-portal-password";
/** The operator's own tables, which an erasure may change; the workspace tables are the customers'. */
export const OPERATOR_TABLES = ["accounts", "members", "tickets", "ticket_replies", "billing_contacts", "audit_logs"] as const;
/** The customers' workspace content (the customer is controller): erased only on its instruction, in its workspace. */
export const WORKSPACE_CONTENT_TABLES = ["end_users", "conversations", "messages"] as const;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  id integer PRIMARY KEY,
  company_name text NOT NULL,
  plan text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS members (
  id integer PRIMARY KEY,
  account_id integer NOT NULL REFERENCES accounts(id),
  email text NOT NULL,
  full_name text NOT NULL,
  role text NOT NULL,
  created_at timestamptz NOT NULL,
  last_login_at timestamptz
);
CREATE UNIQUE INDEX IF NOT EXISTS members_email_norm_key ON members (lower(btrim(email)));
CREATE INDEX IF NOT EXISTS members_account_idx ON members (account_id);
CREATE TABLE IF NOT EXISTS workspaces (
  slug text PRIMARY KEY,
  account_id integer NOT NULL REFERENCES accounts(id),
  name text NOT NULL
);
CREATE TABLE IF NOT EXISTS end_users (
  id integer PRIMARY KEY,
  workspace_slug text NOT NULL REFERENCES workspaces(slug),
  email text,
  name text,
  external_id text,
  created_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS end_users_email_norm_idx ON end_users (lower(btrim(email)));
CREATE INDEX IF NOT EXISTS end_users_workspace_idx ON end_users (workspace_slug);
CREATE TABLE IF NOT EXISTS conversations (
  id integer PRIMARY KEY,
  workspace_slug text NOT NULL REFERENCES workspaces(slug),
  end_user_id integer NOT NULL REFERENCES end_users(id),
  channel text NOT NULL,
  subject text,
  started_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_end_user_idx ON conversations (end_user_id);
CREATE TABLE IF NOT EXISTS messages (
  id integer PRIMARY KEY,
  conversation_id integer NOT NULL REFERENCES conversations(id),
  workspace_slug text NOT NULL,
  author text NOT NULL,
  body text NOT NULL,
  sent_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_conversation_idx ON messages (conversation_id);
CREATE TABLE IF NOT EXISTS tickets (
  id integer PRIMARY KEY,
  requester_id integer NOT NULL REFERENCES members(id),
  subject text NOT NULL,
  body text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS tickets_requester_idx ON tickets (requester_id);
CREATE TABLE IF NOT EXISTS ticket_replies (
  id integer PRIMARY KEY,
  ticket_id integer NOT NULL REFERENCES tickets(id),
  author text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS ticket_replies_ticket_idx ON ticket_replies (ticket_id);
CREATE TABLE IF NOT EXISTS billing_contacts (
  id integer PRIMARY KEY,
  account_id integer NOT NULL REFERENCES accounts(id),
  email text NOT NULL,
  name text NOT NULL,
  street text NOT NULL,
  city text NOT NULL,
  country text NOT NULL,
  vat_number text
);
CREATE INDEX IF NOT EXISTS billing_contacts_email_norm_idx ON billing_contacts (lower(btrim(email)));
CREATE TABLE IF NOT EXISTS audit_logs (
  id integer PRIMARY KEY,
  member_id integer REFERENCES members(id),
  action text NOT NULL,
  ip_address text,
  at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_logs_member_idx ON audit_logs (member_id);
`;

type Row = (string | number | null)[];

/** Every seeded row, table by table, in insertion order (parents first). */
export const PRODUCT_ROWS: Record<string, { columns: string[]; rows: Row[] }> = {
  accounts: {
    columns: ["id", "company_name", "plan", "created_at"],
    rows: [
      [1, "Acme Support Ltd", "business", "2025-03-01T09:00:00Z"],
      [2, "Globex Retail GmbH", "enterprise", "2025-05-20T08:30:00Z"],
    ],
  },
  members: {
    columns: ["id", "account_id", "email", "full_name", "role", "created_at", "last_login_at"],
    rows: [
      [1, 1, "Alex.Morgan@example.com", "Alex Morgan", "owner", "2025-03-01T09:05:00Z", "2026-11-20T16:42:00Z"],
      [2, 1, "priya.shah@acme.example", "Priya Shah", "agent", "2025-03-04T10:00:00Z", "2026-11-27T08:10:00Z"],
      [3, 2, "jonas.weber@globex.example", "Jonas Weber", "owner", "2025-05-20T08:35:00Z", "2026-11-26T12:00:00Z"],
    ],
  },
  workspaces: {
    columns: ["slug", "account_id", "name"],
    rows: [
      ["acme-help", 1, "Acme Help"],
      ["globex", 2, "Globex Kundenservice"],
    ],
  },
  end_users: {
    columns: ["id", "workspace_slug", "email", "name", "external_id", "created_at"],
    rows: [
      [1, "acme-help", "lena.fischer@example.net", "Lena Fischer", "acme-771", "2026-02-11T14:00:00Z"],
      [2, "globex", "alex.morgan@example.com", "Alex M.", "gx-1024", "2026-06-03T19:20:00Z"],
      [3, "globex", "tom.becker@example.org", "Tom Becker", "gx-1177", "2026-07-15T07:45:00Z"],
    ],
  },
  conversations: {
    columns: ["id", "workspace_slug", "end_user_id", "channel", "subject", "started_at"],
    rows: [
      [1, "acme-help", 1, "chat", "Password reset", "2026-02-11T14:01:00Z"],
      [2, "globex", 2, "email", "Where is my order?", "2026-06-03T19:21:00Z"],
      [3, "globex", 3, "chat", "Return label", "2026-07-15T07:46:00Z"],
    ],
  },
  messages: {
    columns: ["id", "conversation_id", "workspace_slug", "author", "body", "sent_at"],
    rows: [
      [1, 1, "acme-help", "end_user", "I cannot log in since yesterday.", "2026-02-11T14:01:10Z"],
      [2, 1, "acme-help", "ai", "I have sent you a reset link.", "2026-02-11T14:01:20Z"],
      [3, 2, "globex", "end_user", "Order GX-88121 has not arrived.", "2026-06-03T19:21:05Z"],
      [4, 2, "globex", "ai", "It left our warehouse on Monday; here is the tracking link.", "2026-06-03T19:21:30Z"],
      [5, 3, "globex", "end_user", "Can I get a return label?", "2026-07-15T07:46:10Z"],
    ],
  },
  tickets: {
    columns: ["id", "requester_id", "subject", "body", "status", "created_at"],
    rows: [
      [1, 1, "Invoice address is wrong", "Our invoices still show the old street. Please update it.", "closed", "2026-04-02T10:15:00Z"],
      [2, 1, "Agent seats", "Priya Shah needs an agent seat; her manager approved it.", "closed", "2026-08-19T13:40:00Z"],
      [3, 1, "Export of chat transcripts", "How can we export last month's transcripts?", "open", "2026-11-20T16:45:00Z"],
      [4, 2, "Widget colour", "Can the widget use our brand colour?", "open", "2026-10-01T09:00:00Z"],
    ],
  },
  ticket_replies: {
    columns: ["id", "ticket_id", "author", "body", "created_at"],
    rows: [
      [1, 1, "support", "Updated: the next invoice shows the new address.", "2026-04-02T11:00:00Z"],
      [2, 2, "support", "Done: Priya has a seat from today.", "2026-08-19T15:00:00Z"],
      [3, 3, "support", "Workspace settings > Export, then choose the month.", "2026-11-21T09:10:00Z"],
      [4, 3, "customer", "Found it, thank you.", "2026-11-21T09:30:00Z"],
      [5, 4, "support", "Yes: Settings > Branding.", "2026-10-01T10:00:00Z"],
    ],
  },
  billing_contacts: {
    columns: ["id", "account_id", "email", "name", "street", "city", "country", "vat_number"],
    rows: [
      [1, 1, "alex.morgan@example.com", "Alex Morgan", "12 Harbour Road", "Bristol", "GB", "GB123456789"],
      [2, 2, "buchhaltung@globex.example", "Globex Buchhaltung", "Marktstraße 5", "Köln", "DE", "DE987654321"],
    ],
  },
  audit_logs: {
    columns: ["id", "member_id", "action", "ip_address", "at"],
    rows: [
      [1, 1, "sign_in", "203.0.113.24", "2026-11-18T08:00:00Z"],
      [2, 1, "sign_in", "203.0.113.24", "2026-11-20T16:40:00Z"],
      [3, 1, "workspace.settings_changed", "203.0.113.24", "2026-11-20T16:41:00Z"],
      [4, 2, "sign_in", "198.51.100.7", "2026-11-27T08:10:00Z"],
      [5, 3, "sign_in", "192.0.2.55", "2026-11-26T12:00:00Z"],
    ],
  },
};

/**
 * Creates the product tables and their rows in the database `ownerUrl` connects to, when they are
 * not there yet (an existing demo database is left as it is), and the role the portal connects
 * as, with its grants. Safe to run on every start.
 */
export async function seedProductDatabase(ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(SCHEMA);
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM accounts");
    if (rows[0]!.n === "0") {
      for (const [table, { columns, rows: values }] of Object.entries(PRODUCT_ROWS)) {
        for (const row of values) {
          const params = row.map((_, i) => `$${i + 1}`).join(", ");
          await client.query(`INSERT INTO ${client.escapeIdentifier(table)} (${columns.map((c) => client.escapeIdentifier(c)).join(", ")}) VALUES (${params})`, row);
        }
      }
    }
    await client.query("COMMIT");
    await grantPortalRole(client);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function grantPortalRole(client: pg.Client): Promise<void> {
  const role = client.escapeIdentifier(PRODUCT_ROLE);
  const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [PRODUCT_ROLE]);
  if (!exists.rowCount) {
    await client
      .query(`CREATE ROLE ${role} LOGIN PASSWORD ${client.escapeLiteral(PRODUCT_ROLE_PASSWORD)}`)
      // Another database on the same server created it a moment ago (roles are server-wide).
      .catch((error: { code?: string }) => {
        if (error.code !== "42710" && error.code !== "23505") throw error;
      });
  }
  const database = (await client.query<{ db: string }>("SELECT current_database() AS db")).rows[0]!.db;
  await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(database)} TO ${role}`);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
  await client.query(`GRANT UPDATE, DELETE ON ${[...OPERATOR_TABLES, ...WORKSPACE_CONTENT_TABLES].join(", ")} TO ${role}`);
}
