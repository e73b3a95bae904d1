import os from "node:os";
import pg from "pg";
import { QUEUE_SCHEMA } from "@/lib/jobs/queue";

// Two database roles: the owner, which runs the migrations and owns every table, and the app's
// login role, which may read and write rows and nothing more. Only an owner (or a superuser) can
// ALTER a table, disable its triggers or TRUNCATE it, so the app's role cannot wipe the audit
// trail, whatever SQL reaches it.

/** The app's role when `npm start` makes it from a single DATABASE_URL. */
export const APP_ROLE = "dsar_app";

// Any constant: serializes concurrent setups of one database (GRANTs on one table conflict).
const LOCK_ID = 7_267_000_003;

export class RoleSetupError extends Error {}

/** The user a connection URL logs in as (as node-postgres resolves it when the URL names none). */
export function urlUser(url: string): string {
  return decodeURIComponent(new URL(url).username) || process.env.PGUSER || os.userInfo().username;
}

/** `url`, logging in as `user` (with `password`, or none). */
export function urlAsUser(url: string, user: string, password?: string): string {
  const next = new URL(url);
  next.username = encodeURIComponent(user);
  next.password = password ? encodeURIComponent(password) : "";
  return next.toString();
}

/**
 * Makes the user of `appUrl` the app's role in the database `ownerUrl` connects to, as that URL's
 * user (the owner): creates the login role if missing (with the URL's password), grants it
 * SELECT/INSERT/UPDATE/DELETE on every table but the migrations', USAGE on sequences and EXECUTE
 * on functions, also on those the owner creates later, and revokes TRUNCATE, TRIGGER and
 * REFERENCES. Refuses a role that could undo that: the owner itself,
 * a superuser, a member of the owner, or one owning tables. Idempotent; safe to run concurrently,
 * also from several databases of one server (roles are shared by all of a server's databases).
 * `setPassword`: also give an existing role the URL's password.
 */
export async function grantAppRole(ownerUrl: string, appUrl: string, { setPassword = false } = {}): Promise<void> {
  const app = urlUser(appUrl);
  const password = decodeURIComponent(new URL(appUrl).password) || undefined;
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const owner = (await client.query<{ owner: string }>("SELECT current_user AS owner")).rows[0]!.owner;
    if (app === owner) {
      throw new RoleSetupError(
        `The app and the migrations both log in as "${owner}", so the app owns the tables and could disable the audit trail's triggers. ` +
          `Give the app a login role of its own in DATABASE_URL, and the owner's in MIGRATION_DATABASE_URL.`,
      );
    }
    const role = client.escapeIdentifier(app);
    await createRole(client, app, password, owner);
    if (password && setPassword) {
      await client.query(`ALTER ROLE ${role} PASSWORD ${client.escapeLiteral(password)}`).catch((error: { code?: string }) => {
        throw error.code === "42501" ? new RoleSetupError(`"${owner}" may not set the password of the app's role "${app}".`) : error;
      });
    }
    await refuseUnsafeRole(client, app, owner);

    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock($1)", [LOCK_ID]);
      // UPDATE and DELETE on the audit tables stay granted: their triggers refuse them with a
      // message that says why, and only an owner could take those triggers away.
      const statements = [
        `GRANT USAGE ON SCHEMA public TO ${role}`,
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
        `REVOKE TRUNCATE, TRIGGER, REFERENCES ON ALL TABLES IN SCHEMA public FROM ${role}`,
        `REVOKE ALL ON "_prisma_migrations" FROM ${role}`,
        `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
        `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${role}`,
        // Tables, sequences and functions the owner creates from now on (the next migration's).
        `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
        `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
        `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO ${role}`,
        // The job queue (lib/jobs/queue.ts): rows of its tables, not its create_queue and
        // delete_queue functions, which make and drop tables.
        `GRANT USAGE ON SCHEMA ${QUEUE_SCHEMA} TO ${role}`,
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${QUEUE_SCHEMA} TO ${role}`,
        `REVOKE TRUNCATE, TRIGGER, REFERENCES ON ALL TABLES IN SCHEMA ${QUEUE_SCHEMA} FROM ${role}`,
        `REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA ${QUEUE_SCHEMA} FROM PUBLIC`,
        `ALTER DEFAULT PRIVILEGES IN SCHEMA ${QUEUE_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
      ];
      for (const statement of statements) await client.query(statement);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  } finally {
    await client.end();
  }
}

async function createRole(client: pg.Client, name: string, password: string | undefined, owner: string): Promise<void> {
  const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [name]);
  if (rowCount) return;
  const withPassword = password ? ` PASSWORD ${client.escapeLiteral(password)}` : "";
  try {
    await client.query(`CREATE ROLE ${client.escapeIdentifier(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS${withPassword}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Another setup (another test database on this server, say) created it a moment ago.
    if (code === "42710" || code === "23505") return;
    if (code === "42501") {
      throw new RoleSetupError(
        `"${owner}" may not create roles. Create the app's login role yourself (CREATE ROLE ${name} LOGIN PASSWORD '...') and run again.`,
      );
    }
    throw error;
  }
}

async function refuseUnsafeRole(client: pg.Client, app: string, owner: string): Promise<void> {
  const { rows } = await client.query<{ superuser: boolean; bypassrls: boolean; member: boolean; tables: string[] }>(
    `SELECT r.rolsuper AS superuser, r.rolbypassrls AS bypassrls, pg_has_role(r.oid, $2::name, 'MEMBER') AS member,
            ARRAY(SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' AND tableowner = r.rolname ORDER BY 1) AS tables
       FROM pg_roles r WHERE r.rolname = $1`,
    [app, owner],
  );
  const role = rows[0];
  if (!role) throw new RoleSetupError(`The app's role "${app}" does not exist.`);
  const reason = role.superuser
    ? "is a superuser"
    : role.bypassrls
      ? "bypasses row-level security"
      : role.member
        ? `is a member of the owner "${owner}"`
        : role.tables.length
          ? `owns tables (${role.tables.join(", ")}); make "${owner}" their owner (ALTER TABLE ... OWNER TO, or REASSIGN OWNED BY ${app} TO ${owner})`
          : undefined;
  if (reason) throw new RoleSetupError(`The app's role "${app}" ${reason}: it could change or disable the audit trail. Give the app a role with no more than its grants.`);
}
