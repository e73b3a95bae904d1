// The data map as the connectors and the run planner read it: plain objects loaded from the
// data_systems, data_collections and data_fields tables (lib/datamap/load.ts), no secrets.

/** What a field identifying a person is matched against. `email` is the requester's verified address. */
export const IDENTITY_TYPES = ["email", "phone_number", "account_id"] as const;
export type IdentityType = (typeof IDENTITY_TYPES)[number];

/** A value the run searches for: the verified email, or one the officer added. */
export type Identity = { type: IdentityType; value: string };

export type SystemKind = "POSTGRES" | "MYSQL" | "HTTP" | "MANUAL";

/** POSTGRES and MYSQL systems: where to connect. The password is the system's sealed secret. */
export type SqlConnection = {
  host: string;
  port: number;
  database: string;
  user: string;
  /** PostgreSQL only: the schema the map's tables live in (default "public"). */
  schema?: string;
  /** Require TLS (default false). */
  ssl?: boolean;
};

/** HTTP systems: the JSON API. The token is the system's sealed secret, sent in `authHeader`. */
export type HttpConnection = {
  /** e.g. https://billing.example.com/api; collection paths are appended. */
  baseUrl: string;
  /** Header that carries the secret (default "Authorization"). */
  authHeader?: string;
  /** Written before the secret in that header (default "Bearer "). */
  authPrefix?: string;
  /** Per request (default 10000). */
  timeoutMs?: number;
  /** At most this many requests a second to this system (default 5). */
  requestsPerSecond?: number;
};

/** HTTP collections: how records are looked up by one field's values. */
export type HttpCollectionConfig = {
  /** Path under the base URL, e.g. "/v1/contacts". */
  path: string;
  /** Query parameter that carries the looked-up value, per field name (default: the field's name). */
  params?: Record<string, string>;
  /** Dotted path to the array of records in the response body, e.g. "data.items" ("" = the body is the array). */
  recordsPath: string;
  pagination:
    | { type: "none" }
    /** The response holds the next cursor at `nextPath`; sent back as query parameter `param`. Stops when absent/null. */
    | { type: "cursor"; param: string; nextPath: string }
    /** Pages numbered from 1 in `param`, `size` records each (sent in `sizeParam` when given). Stops at a short page. */
    | { type: "page"; param: string; size: number; sizeParam?: string };
};

export type MapField = {
  id: string;
  name: string;
  description: string | null;
  /** fideslang data category keys. */
  categories: string[];
  identity: IdentityType | null;
  primaryKey: boolean;
  /** The field this one points at (tickets.requester_id -> users.id), possibly in another system. */
  referencesFieldId: string | null;
  /** What an erasure does to it (lib/erasure/strategy.ts); absent or null: its categories' default. */
  erasure?: FieldErasure | null;
  /** A correction may write a new value here through the connector (lib/corrections/); absent: no. */
  correctable?: boolean;
};

export const ERASURE_STRATEGIES = ["DELETE_ROW", "SET_NULL", "FIXED_VALUE", "PSEUDONYMIZE", "KEEP"] as const;
export type ErasureStrategy = (typeof ERASURE_STRATEGIES)[number];

/** A strategy the admin chose, with the value FIXED_VALUE writes or the reason KEEP keeps it. */
export type FieldErasure = { strategy: ErasureStrategy; value: string | null; reason: string | null };

export type MapCollection = {
  id: string;
  systemId: string;
  name: string;
  description: string | null;
  /** Customer workspace content: the field holding the workspace slug. */
  workspaceField: string | null;
  http: HttpCollectionConfig | null;
  fields: MapField[];
};

export type MapSystem = {
  id: string;
  key: string;
  name: string;
  description: string | null;
  ownerEmail: string;
  purpose: string;
  thirdParty: boolean;
  /** Where a third party processes the data ("United States"); null or absent when not said. */
  country?: string | null;
  /** A third party's own privacy contact, told of erasures, corrections and restrictions (GDPR Art. 19); null: the owner is told and passes it on. */
  noticeEmail: string | null;
  /** fideslang data uses (marketing.communications.email): what the system uses personal data for; objections and restrictions reach its owner by them. */
  dataUses: string[];
  kind: SystemKind;
  /** SqlConnection for POSTGRES/MYSQL, HttpConnection for HTTP, null for MANUAL. */
  connection: SqlConnection | HttpConnection | null;
  hasSecret: boolean;
  collections: MapCollection[];
};
