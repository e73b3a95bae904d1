import type { MapCollection, MapField, MapSystem } from "@/lib/datamap/types";
import type { CollectionErasure } from "@/lib/erasure/collection";

// What every connector (PostgreSQL, MySQL/MariaDB, HTTP) offers the data map's pages and the run
// executor. Lookups read only: access runs in a read-only transaction (SQL) or with GET (HTTP).
// Erasure (SQL) writes in a session of its own, batch by batch.

/**
 * One found record: the looked-up collection's mapped fields by name, values JSON-safe (dates as
 * ISO strings, bigints and numerics as strings, bytes as base64). Only mapped fields, never others.
 */
export type FoundRow = Record<string, string | number | boolean | null | unknown[] | Record<string, unknown>>;

export type Lookup = {
  collection: MapCollection;
  /** The field whose value must be one of `values`. */
  field: MapField;
  /** Already normalised: email identities trimmed and lower-cased (connectors compare email fields case-insensitively). */
  values: readonly string[];
  /** Workspace content scoped to these workspace slugs (collection.workspaceField IN ...). */
  workspaces?: readonly string[];
};

export interface ConnectorSession {
  /**
   * The records matching the lookup, in batches (at most a few thousand rows each), streamed:
   * the connector never holds more than a batch. Values bound as parameters; table and column
   * names only those of the map, checked against the live schema first (a missing one throws
   * ConnectorError with kind "schema").
   */
  lookup(lookup: Lookup): AsyncIterable<FoundRow[]>;
  close(): Promise<void>;
}

/** Erasing: one session applies a person's erasure batch after batch, each in its own committed transaction. */
export interface ErasureSession {
  /**
   * Erases one batch of found rows of a collection as `erasure` says and commits; returns the
   * rows the database deleted or changed. Applying the same batch again changes nothing.
   */
  erase(collection: MapCollection, erasure: CollectionErasure, rows: readonly FoundRow[], pseudonymOf: (value: string, email: boolean) => string): Promise<number>;
  close(): Promise<void>;
}

export type ConnectorErrorKind =
  /** Not reachable (refused, timeout, DNS): worth retrying. */
  | "unreachable"
  /** Credentials refused. */
  | "auth"
  /** A mapped table or column is missing (renamed?): not worth retrying until the map is fixed. */
  | "schema"
  /** The system answered something we cannot read. */
  | "protocol";

/** A failure with a message a privacy officer understands; never contains personal data. */
export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "ConnectorError";
  }
  get retryable(): boolean {
    return this.kind === "unreachable";
  }
}

/** What "Test connection" found: no personal data, stored on the system and shown on its page. */
export type TestReport = {
  ok: boolean;
  reachable: boolean;
  /** Why it is not reachable / auth failed. */
  error?: string;
  /** A mapped table or column that does not exist. */
  problems: { collection: string; field?: string; message: string }[];
  /** e.g. a lookup column without an index, with the table's row estimate. */
  warnings: { collection: string; field?: string; message: string; rowEstimate?: number }[];
};

/** What Discover proposes for a SQL system; nothing of it is saved without the admin's click. */
export type DiscoveredCollection = {
  name: string;
  fields: {
    name: string;
    dataType: string;
    nullable: boolean;
    primaryKey: boolean;
    /** From a foreign key: "table.column". */
    references?: string;
    /** Guessed from the column name only: a suggestion. */
    suggestedCategories: string[];
    suggestedIdentity?: string;
  }[];
  rowEstimate?: number;
};

export interface Connector {
  open(system: MapSystem, secret: string | null): Promise<ConnectorSession>;
  test(system: MapSystem, secret: string | null): Promise<TestReport>;
  /** SQL systems only. */
  discover?(system: MapSystem, secret: string | null): Promise<DiscoveredCollection[]>;
  /** SQL systems only: a session that writes (the connection's user needs UPDATE and DELETE on the mapped tables). */
  openErasure?(system: MapSystem, secret: string | null): Promise<ErasureSession>;
  /** SQL systems only: what the database says of one table's columns, for the erasure strategies; undefined when the table is missing. */
  columnFacts?(system: MapSystem, secret: string | null, table: string): Promise<Map<string, ColumnFacts> | undefined>;
}

/** What an erasure strategy must respect in a column (lib/erasure/strategy.ts checks it). */
export type ColumnFacts = {
  name: string;
  nullable: boolean;
  /** Part of the primary key or of a unique index. */
  unique: boolean;
  /** Foreign keys in the database pointing at this column, as "table.column". */
  referencedBy: string[];
  kind: "text" | "number" | "other";
  /** Text columns: the most characters it holds (null: no limit). */
  maxLength: number | null;
};

export type { MapCollection, MapField, MapSystem };
