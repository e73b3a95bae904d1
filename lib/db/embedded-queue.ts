import type { PGlite } from "@electric-sql/pglite";
import { fatalError, quoteIdent, startupUser } from "@/lib/db/embedded-login";

type Item = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

// Extended-query messages that belong to a cycle still open: Parse, Bind, Describe, Execute,
// Close, Flush. The cycle ends with Sync; a simple Query is a cycle of its own.
const CYCLE_CONTINUES = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

const QUERY = 0x51;
const PARSE = 0x50;
const ROLE_WORDS = /role|authoriz|set_config|pg_settings/i;

/** Whether a message carries SQL that might change the session's role or authorization. */
function mayChangeRole(message: Uint8Array): boolean {
  const type = message[0];
  return (type === QUERY || type === PARSE) && ROLE_WORDS.test(Buffer.from(message.buffer, message.byteOffset, message.byteLength).toString("latin1"));
}

/**
 * Runs every connection's messages on PGlite's single session, one connection at a time.
 *
 * PGlite has one session, so connections share its unnamed statement and portal. pglite-socket's
 * own queue keeps a connection to itself only inside a transaction; between two connections'
 * Parse/Bind/Execute/Sync it can interleave them, and one then fails with `portal "" does not
 * exist`. This queue hands the session to another connection only at a cycle's end (Sync or a
 * simple Query) outside a transaction.
 *
 * It also gives each connection the user it logged in as, which pglite-socket ignores (PGlite's
 * session is its superuser's): a login names an existing role that may log in, or is refused, and
 * whenever the session passes to another connection it takes that connection's user (SET SESSION
 * AUTHORIZATION, RESET ROLE), so a role one connection set never reaches another (and a
 * connection's own session-wide SET ROLE lasts only until then; SET LOCAL ROLE in a transaction
 * is unaffected). What this cannot do: the session was opened by a superuser, so SQL that sets
 * its own session authorization back to the superuser (SET SESSION AUTHORIZATION postgres) gets
 * it. On PGlite roles keep honest code honest; they are a boundary only on a real server.
 */
export class CycleQueue {
  private queue: Item[] = [];
  private processing = false;
  private owner: number | null = null;
  /** The user each connection logged in as; null once its login was refused. */
  private users = new Map<number, string | null>();
  /** The connection that ran last, and the user the session was last given. */
  private sessionOf: number | null = null;
  private sessionUser: string | null = null;
  /** Whether SQL run since then may have changed the session's role (see actAs). */
  private roleTouched = false;

  /** `superuser`: the user PGlite's own session belongs to. */
  constructor(
    private readonly db: PGlite,
    private readonly superuser = "postgres",
  ) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const index = this.owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === this.owner);
        // The owner's next message has not arrived yet: everyone else waits for it.
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1);
        if (!item) break;
        let bytes = 0;
        try {
          if (await this.refusedLogin(item)) continue;
          await this.actAs(item.handlerId);
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = this.db.isInTransaction() ? item.handlerId : null;
          item.reject(error);
          continue;
        }
        if (mayChangeRole(item.message)) this.roleTouched = true;
        const open = CYCLE_CONTINUES.has(item.message[0] ?? 0) || this.db.isInTransaction();
        this.owner = open ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  /** Checks a connection's login; true when the item was answered (or the connection refused). */
  private async refusedLogin(item: Item): Promise<boolean> {
    const user = startupUser(item.message);
    if (user === undefined) {
      if (this.users.get(item.handlerId) !== null) return false;
      item.reject(new Error("Login refused"));
      return true;
    }
    const { rows } = await this.db.query<{ login: boolean }>("SELECT rolcanlogin AS login FROM pg_roles WHERE rolname = $1", [user]);
    if (rows[0]?.login) {
      this.users.set(item.handlerId, user);
      return false;
    }
    this.users.set(item.handlerId, null);
    item.onData(fatalError("28000", rows[0] ? `role "${user}" is not permitted to log in` : `role "${user}" does not exist`));
    item.resolve(0);
    return true;
  }

  /**
   * Between cycles only: gives the session the user `handlerId` logged in as. Passing between two
   * connections of one user costs nothing unless SQL that names a role or the session
   * authorization ran in between: a change that avoided those words was made on purpose, and
   * gives that user nothing it could not take in its own connection anyway.
   */
  private async actAs(handlerId: number): Promise<void> {
    if (this.sessionOf === handlerId) return;
    const user = this.users.get(handlerId) ?? this.superuser;
    if (user !== this.sessionUser || this.roleTouched) {
      // Named even for the superuser: PGlite's session has no login to RESET back to.
      await this.db.exec(`SET SESSION AUTHORIZATION ${quoteIdent(user)}; RESET ROLE`);
      this.sessionUser = user;
      this.roleTouched = false;
    }
    this.sessionOf = handlerId;
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.users.delete(handlerId);
    this.queue = this.queue.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error("Connection closed"));
      return false;
    });
    if (this.owner === handlerId && !this.db.isInTransaction()) {
      this.owner = null;
      void this.process();
    }
  }

  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    void this.process();
  }
}
