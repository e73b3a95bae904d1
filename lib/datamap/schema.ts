import { z } from "zod";
import { isCategory, isDataUse } from "@/lib/datamap/taxonomy";
import { ERASURE_STRATEGIES, IDENTITY_TYPES } from "@/lib/datamap/types";
import { noControlCharacters } from "@/lib/text/control-characters";
import { normalizeEmailAddress, EMAIL_PROBLEM_MESSAGES } from "@/lib/text/email-address";

// One schema per data map form. The forms post plain form data (strings, "on" for a ticked box),
// the server actions parse it with these, and the YAML import checks the same rules per entry.
// No server-only imports.

export const SYSTEM_KINDS = ["POSTGRES", "MYSQL", "HTTP", "MANUAL"] as const;
export const KIND_LABELS: Record<(typeof SYSTEM_KINDS)[number], string> = {
  POSTGRES: "PostgreSQL",
  MYSQL: "MySQL or MariaDB",
  HTTP: "HTTP (a JSON API)",
  MANUAL: "Manual (a person looks)",
};
export const IDENTITY_LABELS: Record<(typeof IDENTITY_TYPES)[number], string> = {
  email: "Email address",
  phone_number: "Phone number",
  account_id: "Account id",
};
/** Request types whose run may start by itself after verification: the ones a run answers. */
export const AUTO_RUN_TYPES = ["ACCESS", "PORTABILITY"] as const;

/** A system's key, as a Fides dataset's fides_key. */
export const KEY_PATTERN = /^[A-Za-z0-9_.-]+$/;
/** Table and column names: no dots, since a reference names "collection.field". */
export const NAME_PATTERN = /^[A-Za-z0-9_$-]+$/;

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${label} to ${max} characters or fewer`)
    .check(noControlCharacters(true))
    .optional()
    .transform((v) => v || null);
const requiredText = (max: number, empty: string, label: string) =>
  z.string({ error: empty }).trim().min(1, empty).max(max, `Keep the ${label} to ${max} characters or fewer`).check(noControlCharacters());

export const systemKey = z
  .string({ error: "Enter a key" })
  .trim()
  .min(1, "Enter a key")
  .max(100, "Keep the key to 100 characters or fewer")
  .regex(KEY_PATTERN, "Use letters, digits, dots, hyphens and underscores only (as a Fides dataset key)");

export const mapName = (what: "table" | "field") =>
  z
    .string({ error: `Enter the ${what} name` })
    .trim()
    .min(1, `Enter the ${what} name`)
    .max(63, `Keep the ${what} name to 63 characters or fewer`)
    .regex(NAME_PATTERN, `Use letters, digits, underscores, hyphens and $ only in the ${what} name`);

/** "a, b" (commas, spaces or lines) or a list → the keys, in order, without repeats; unknown ones refused in words. */
const taxonomyKeys = (isKnown: (key: string) => boolean, unknownKeys: (keys: string[]) => string, limit?: { max: number; message: string }) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value, ctx) => {
      const keys = [...new Set((Array.isArray(value) ? value : (value ?? "").split(/[\s,;]+/)).map((k) => k.trim()).filter(Boolean))];
      const unknown = keys.filter((k) => !isKnown(k));
      if (unknown.length) {
        ctx.addIssue({ code: "custom", message: unknownKeys(unknown) });
        return z.NEVER;
      }
      if (limit && keys.length > limit.max) {
        ctx.addIssue({ code: "custom", message: limit.message });
        return z.NEVER;
      }
      return keys;
    });

/** "user.name, user.contact.email" (commas, spaces or lines) → known keys, in order, without repeats. */
export const categoryList = taxonomyKeys(
  isCategory,
  (keys) => `Unknown data ${keys.length === 1 ? "category" : "categories"}: ${keys.join(", ")}. Use keys of the fideslang taxonomy, such as user.contact.email`,
);

export const MAX_DATA_USES = 20;
/** The words for keys that are no data use, on the system form and in an imported dataset's meta.data_uses alike. */
export const DATA_USE_MESSAGES = {
  unknown: (keys: string[]) =>
    `${keys.map((k) => `“${k}”`).join(", ")} ${keys.length === 1 ? "is not a data use" : "are not data uses"} of the fideslang taxonomy: use keys from the list of data uses, such as marketing.communications.email`,
  tooMany: `List at most ${MAX_DATA_USES} data uses: a broader use covers the uses below it (marketing covers marketing.communications.email)`,
};

/** A system's uses of personal data: "marketing.communications.email, analytics.reporting". */
export const dataUseList = taxonomyKeys(isDataUse, DATA_USE_MESSAGES.unknown, { max: MAX_DATA_USES, message: DATA_USE_MESSAGES.tooMany });

/** An email address typed on a data map form, in its normal form; `words` name the field in the messages. */
const emailAddress = (words: { empty: string; format: string }) =>
  z.string({ error: words.empty }).transform((text, ctx) => {
    const result = normalizeEmailAddress(text);
    if (result.ok) return result.email;
    const problem = result.problem;
    ctx.addIssue({ code: "custom", message: problem === "EMPTY" ? words.empty : problem === "FORMAT" ? words.format : EMAIL_PROBLEM_MESSAGES[problem] });
    return z.NEVER;
  });

export const ownerEmail = emailAddress({ empty: "Enter the owner's email address", format: "Enter the owner's email address in the format name@example.com" });

/** Empty (or absent) is no address: the owner is told instead, and passes it on. */
const noticeEmail = z
  .preprocess(
    (v) => (v === null || (typeof v === "string" && !v.trim()) ? undefined : v),
    emailAddress({
      empty: "Enter the notice address, such as privacy@example.com, or leave it empty",
      format: "Enter the notice address in the format privacy@example.com, or leave it empty so the owner is told",
    }).optional(),
  )
  .transform((v) => v ?? null);

export const SystemSchema = z.object({
  key: systemKey,
  name: requiredText(200, "Enter the system's name", "name"),
  description: optionalText(2000, "description"),
  ownerEmail,
  purpose: requiredText(500, "Say what the system is used for", "purpose"),
  thirdParty: checkbox,
  /** Where the recipient processes the data; the public list of recipients shows it. */
  country: optionalText(100, "country"),
  /** A third party's own privacy contact, told of erasures, corrections and restrictions (GDPR Art. 19). */
  noticeEmail,
  /** What the system uses personal data for; objections and restrictions reach its owner by these. */
  dataUses: dataUseList,
  kind: z.enum(SYSTEM_KINDS, { error: "Choose how the system is reached" }),
});
export type SystemValues = z.output<typeof SystemSchema>;
export const UpdateSystemSchema = SystemSchema.extend({ systemId: z.uuid() });
export const SystemIdSchema = z.object({ systemId: z.uuid() });

const port = z.coerce
  .number({ error: "Enter the port as a number" })
  .int("Enter the port as a whole number")
  .min(1, "Enter a port between 1 and 65535")
  .max(65535, "Enter a port between 1 and 65535");
const optionalNumber = (min: number, max: number, message: string, int = true) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number({ error: message }).min(min, message).max(max, message).refine((n) => !int || Number.isInteger(n), message).optional());
const hostName = z
  .string({ error: "Enter the host" })
  .trim()
  .min(1, "Enter the host")
  .max(253, "Keep the host to 253 characters or fewer")
  .regex(/^[A-Za-z0-9.:[\]_-]+$/, "Enter a host name or IP address, such as db.internal or 10.0.0.5");
const identifier = (empty: string) =>
  z.string({ error: empty }).trim().min(1, empty).max(63, "Keep it to 63 characters or fewer").regex(/^[A-Za-z0-9_$-]+$/, "Use letters, digits, underscores, hyphens and $ only");

export const SqlConnectionSchema = z.object({
  host: hostName,
  port,
  database: identifier("Enter the database name"),
  user: identifier("Enter the user name"),
  schema: z.preprocess((v) => (v === "" ? undefined : v), identifier("Enter the schema").optional()),
  ssl: checkbox,
});

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
export const HttpConnectionSchema = z.object({
  baseUrl: z
    .string({ error: "Enter the API's base URL" })
    .trim()
    .min(1, "Enter the API's base URL")
    .max(500, "Keep the URL to 500 characters or fewer")
    .refine((v) => {
      try {
        const url = new URL(v);
        return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password && !url.search && !url.hash;
      } catch {
        return false;
      }
    }, "Enter an http or https URL without credentials, query or fragment, such as https://billing.example.com/api")
    .transform((v) => v.replace(/\/+$/, "")),
  authHeader: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || undefined : v),
    z.string().max(100, "Keep the header name to 100 characters or fewer").regex(HEADER_NAME, "Enter a header name such as Authorization or X-Api-Key").optional(),
  ),
  // Not trimmed: "Bearer " ends with the space that separates it from the token. Empty: the
  // header carries the secret alone (X-Api-Key); absent: the connector's default, "Bearer ".
  authPrefix: z.string().max(50, "Keep the prefix to 50 characters or fewer").check(noControlCharacters()).optional(),
  timeoutMs: optionalNumber(100, 120_000, "Enter a timeout between 100 and 120000 milliseconds"),
  requestsPerSecond: optionalNumber(0.1, 100, "Enter a rate between 0.1 and 100 requests a second", false),
});

/** The connection form: the kind's settings, and a new secret (empty keeps the stored one). */
export const ConnectionFormSchema = z.object({
  systemId: z.uuid(),
  // Write-only: never rendered back, so nothing to keep but what was typed now.
  secret: z.string().max(4000, "Keep the secret to 4000 characters or fewer").check(noControlCharacters()).optional().transform((v) => v || null),
});
export function connectionSchemaFor(kind: (typeof SYSTEM_KINDS)[number]) {
  return kind === "HTTP" ? HttpConnectionSchema : kind === "MANUAL" ? null : SqlConnectionSchema;
}

export const identityChoice = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? null : v),
  z.enum(IDENTITY_TYPES, { error: `Choose one of: ${IDENTITY_TYPES.join(", ")}` }).nullable(),
);
const optionalUuid = z.preprocess((v) => (v === "" || v === undefined ? null : v), z.uuid("Choose a field from the list").nullable());

/** "" is the default its categories give (lib/erasure/strategy.ts). */
export const erasureChoice = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? null : v),
  z.enum(ERASURE_STRATEGIES, { error: "Choose what an erasure does to this field" }).nullable(),
);

const FieldShape = z.object({
  name: mapName("field"),
  description: optionalText(1000, "description"),
  categories: categoryList,
  identity: identityChoice,
  primaryKey: checkbox,
  referencesFieldId: optionalUuid,
  erasureStrategy: erasureChoice,
  erasureValue: optionalText(200, "fixed value"),
  retentionReason: optionalText(500, "reason"),
  correctable: checkbox,
});

/** A fixed value needs the value; keeping a personal field needs the reason (GDPR Art. 17(3)); a key is never corrected. */
function erasureRules(input: z.output<typeof FieldShape>, ctx: z.RefinementCtx) {
  if (input.correctable && input.primaryKey) {
    ctx.addIssue({ code: "custom", path: ["correctable"], message: "A primary key cannot be corrected: the rows are found by it. Leave it not correctable." });
  }
  if (input.erasureStrategy === "FIXED_VALUE" && input.erasureValue === null) {
    ctx.addIssue({ code: "custom", path: ["erasureValue"], message: "Enter the value an erasure writes in place of the person's, such as “deleted user”" });
  }
  if (input.erasureStrategy === "KEEP" && input.retentionReason === null && (input.categories ?? []).some((c) => c === "user" || c.startsWith("user."))) {
    ctx.addIssue({ code: "custom", path: ["retentionReason"], message: "Say why this personal field is kept after an erasure, such as “invoices are kept 10 years for tax law”" });
  }
}

/** Only the strategy's own detail is stored. */
function erasureDetail<T extends z.output<typeof FieldShape>>(input: T): T {
  return {
    ...input,
    erasureValue: input.erasureStrategy === "FIXED_VALUE" ? input.erasureValue : null,
    retentionReason: input.erasureStrategy === "KEEP" ? input.retentionReason : null,
  };
}

export const FieldSchema = FieldShape.superRefine(erasureRules).transform(erasureDetail);
export type FieldValues = z.output<typeof FieldSchema>;
export const AddFieldSchema = FieldShape.extend({ collectionId: z.uuid() }).superRefine(erasureRules).transform(erasureDetail);
export const UpdateFieldSchema = FieldShape.extend({ fieldId: z.uuid() }).superRefine(erasureRules).transform(erasureDetail);
export const FieldIdSchema = z.object({ fieldId: z.uuid() });

export const HttpCollectionSchema = z
  .object({
    path: z
      .string({ error: "Enter the path" })
      .trim()
      .min(1, "Enter the path, such as /v1/contacts")
      .max(300, "Keep the path to 300 characters or fewer")
      .regex(/^\/[A-Za-z0-9/_.~%-]*$/, "Enter a path starting with /, such as /v1/contacts (no query)"),
    /** "field=param" per line: which query parameter carries each looked-up field. */
    params: z
      .union([z.string(), z.record(z.string(), z.string())])
      .optional()
      .transform((value, ctx) => {
        if (value && typeof value === "object") return Object.keys(value).length ? value : undefined;
        const out: Record<string, string> = {};
        for (const line of (value ?? "").split(/[\n,]+/).map((l) => l.trim()).filter(Boolean)) {
          const match = /^([A-Za-z0-9_$-]+)\s*=\s*([A-Za-z0-9_.[\]-]+)$/.exec(line);
          if (!match) {
            ctx.addIssue({ code: "custom", message: `“${line}” is not field=parameter, such as email=email_address` });
            return z.NEVER;
          }
          out[match[1]!] = match[2]!;
        }
        return Object.keys(out).length ? out : undefined;
      }),
    recordsPath: z.string().trim().max(200, "Keep the JSON path to 200 characters or fewer").regex(/^([A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*)?$/, "Enter a dotted path such as data.items, or leave it empty when the body is the list").default(""),
    paginationType: z.enum(["none", "cursor", "page"], { error: "Choose how the API pages its results" }).default("none"),
    paginationParam: z.string().trim().max(100).regex(/^[A-Za-z0-9_.[\]-]*$/, "Enter a query parameter name").default(""),
    nextPath: z.string().trim().max(200).regex(/^([A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*)?$/, "Enter a dotted path such as meta.next_cursor").default(""),
    pageSize: optionalNumber(1, 10_000, "Enter a page size between 1 and 10000"),
    sizeParam: z.string().trim().max(100).regex(/^[A-Za-z0-9_.[\]-]*$/, "Enter a query parameter name").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.paginationType !== "none" && !v.paginationParam) ctx.addIssue({ code: "custom", path: ["paginationParam"], message: "Enter the query parameter that carries the cursor or page" });
    if (v.paginationType === "cursor" && !v.nextPath) ctx.addIssue({ code: "custom", path: ["nextPath"], message: "Enter where the response holds the next cursor" });
    if (v.paginationType === "page" && !v.pageSize) ctx.addIssue({ code: "custom", path: ["pageSize"], message: "Enter the page size" });
  })
  .transform((v) => ({
    path: v.path,
    ...(v.params ? { params: v.params } : {}),
    recordsPath: v.recordsPath,
    pagination:
      v.paginationType === "cursor"
        ? { type: "cursor" as const, param: v.paginationParam, nextPath: v.nextPath }
        : v.paginationType === "page"
          ? { type: "page" as const, param: v.paginationParam, size: v.pageSize!, ...(v.sizeParam ? { sizeParam: v.sizeParam } : {}) }
          : { type: "none" as const },
  }));

export const CollectionSchema = z.object({
  name: mapName("table"),
  description: optionalText(1000, "description"),
  /** Must name one of the collection's fields (checked where the fields are known). */
  workspaceField: z.preprocess((v) => (v === "" ? null : v), mapName("field").nullable().optional()).transform((v) => v ?? null),
});
export type CollectionValues = z.output<typeof CollectionSchema>;
export const AddCollectionSchema = CollectionSchema.extend({ systemId: z.uuid() });
export const UpdateCollectionSchema = CollectionSchema.extend({ collectionId: z.uuid() });
export const CollectionIdSchema = z.object({ collectionId: z.uuid() });
export const HttpCollectionFormSchema = z.object({ collectionId: z.uuid() }).and(HttpCollectionSchema);

export const AutoRunSchema = z.object({
  autoRunTypes: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(AUTO_RUN_TYPES, { error: "Only access and export requests can start a run by themselves" }))),
});

/** The import form: the file's text, and what to use for datasets without our meta. */
export const ImportSchema = z.object({
  yaml: z.string({ error: "Choose a YAML file" }).min(1, "Choose a YAML file, or paste its text").max(2_000_000, "The file is larger than 2 MB"),
  defaultOwnerEmail: z.preprocess((v) => (v === "" ? undefined : v), ownerEmail.optional()),
  defaultKind: z.preprocess((v) => (v === "" ? undefined : v), z.enum(SYSTEM_KINDS, { error: "Choose a kind" }).optional()),
  defaultPurpose: optionalText(500, "purpose").transform((v) => v ?? undefined),
});

/** Discover's confirmation: the columns the admin ticked, each with what they ticked for it. */
export const DiscoverySelectionSchema = z.object({
  systemId: z.uuid(),
  columns: z
    .array(
      z.object({
        collection: mapName("table"),
        name: mapName("field"),
        primaryKey: z.boolean(),
        categories: categoryList,
        identity: identityChoice,
        /** "table.column" of the same system, from a foreign key. */
        references: z.string().regex(/^[A-Za-z0-9_$-]+\.[A-Za-z0-9_$-]+$/).nullable(),
      }),
    )
    .min(1, "Tick at least one column to add")
    .max(5000, "Add at most 5000 columns at once"),
});
export type DiscoverySelection = z.output<typeof DiscoverySelectionSchema>;
