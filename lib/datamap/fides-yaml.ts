import { isMap, isSeq, LineCounter, parseDocument, stringify } from "yaml";
import { z } from "zod";
import {
  DATA_USE_MESSAGES,
  FieldSchema,
  HttpConnectionSchema,
  identityChoice,
  KEY_PATTERN,
  mapName,
  MAX_DATA_USES,
  NAME_PATTERN,
  ownerEmail,
  SqlConnectionSchema,
  SystemSchema,
  systemKey,
} from "@/lib/datamap/schema";
import { isCategory, isDataUse } from "@/lib/datamap/taxonomy";
import { ERASURE_STRATEGIES, type HttpCollectionConfig, type HttpConnection, type MapCollection, type MapField, type MapSystem, type SqlConnection, type SystemKind } from "@/lib/datamap/types";

// The whole data map as YAML in the fideslang dataset format (what a team coming from Fides already
// has): one dataset per system, fides_key = the system's key; collections and fields with their
// data_categories; fides_meta on fields for identity, primary_key and references. What Fides has no
// word for (kind, owner, purpose, third party, country, notice address, data uses, connection settings without the
// secret, HTTP lookup, workspace field) goes under `meta`, which Fides ignores. Pure: no database, no secrets.

const KIND_NAMES: Record<SystemKind, string> = { POSTGRES: "postgres", MYSQL: "mysql", HTTP: "http", MANUAL: "manual" };
const KIND_BY_NAME = Object.fromEntries(Object.entries(KIND_NAMES).map(([k, v]) => [v, k as SystemKind])) as Record<string, SystemKind>;

/** A reference by name: the dataset (system key), collection and field. */
export type FieldRef = { dataset: string; collection: string; field: string };

export type ImportedField = Omit<MapField, "id" | "referencesFieldId"> & { references: FieldRef | null };
export type ImportedCollection = Omit<MapCollection, "id" | "systemId" | "fields"> & { fields: ImportedField[] };
export type ImportedSystem = Omit<MapSystem, "id" | "connection" | "hasSecret" | "collections"> & {
  /** undefined: the file says nothing (a plain Fides dataset), keep what is stored. */
  connection: SqlConnection | HttpConnection | null | undefined;
  collections: ImportedCollection[];
};
export type ImportProblem = { line: number | null; where: string; message: string };
export type ParseResult = { ok: true; systems: ImportedSystem[] } | { ok: false; problems: ImportProblem[] };
/** For datasets without our meta: the import form asks for these rather than inventing them. */
export type ImportDefaults = { ownerEmail?: string; kind?: SystemKind; purpose?: string };

// ---------------------------------------------------------------------------------------------
// Export

function refName(ref: FieldRef): string {
  return `${ref.collection}.${ref.field}`;
}

/** The map as a fideslang dataset file. `systems` must be the whole map, so references resolve. */
export function exportDataMap(systems: MapSystem[]): string {
  const fieldById = new Map<string, FieldRef>();
  for (const s of systems) for (const c of s.collections) for (const f of c.fields) fieldById.set(f.id, { dataset: s.key, collection: c.name, field: f.name });
  const dataset = systems.map((s) => ({
    fides_key: s.key,
    name: s.name,
    ...(s.description ? { description: s.description } : {}),
    meta: {
      kind: KIND_NAMES[s.kind],
      owner_email: s.ownerEmail,
      purpose: s.purpose,
      third_party: s.thirdParty,
      ...(s.country ? { country: s.country } : {}),
      ...(s.noticeEmail ? { notice_email: s.noticeEmail } : {}),
      ...(s.dataUses.length ? { data_uses: s.dataUses } : {}),
      ...(s.connection ? { connection: s.connection } : {}),
    },
    data_categories: [],
    collections: s.collections.map((c) => {
      const erasure = Object.fromEntries(
        c.fields.flatMap((f) =>
          f.erasure
            ? [[f.name, { strategy: f.erasure.strategy.toLowerCase(), ...(f.erasure.value !== null ? { value: f.erasure.value } : {}), ...(f.erasure.reason !== null ? { reason: f.erasure.reason } : {}) }]]
            : [],
        ),
      );
      const correctable = c.fields.filter((f) => f.correctable).map((f) => f.name);
      const meta = {
        ...(c.workspaceField ? { workspace_field: c.workspaceField } : {}),
        ...(c.http ? { http: c.http } : {}),
        ...(Object.keys(erasure).length ? { erasure } : {}),
        ...(correctable.length ? { correctable } : {}),
      };
      return {
        name: c.name,
        ...(c.description ? { description: c.description } : {}),
        ...(Object.keys(meta).length ? { meta } : {}),
        data_categories: [],
        fields: c.fields.map((f) => {
          const ref = f.referencesFieldId ? fieldById.get(f.referencesFieldId) : undefined;
          const fidesMeta = {
            ...(f.identity ? { identity: f.identity } : {}),
            ...(f.primaryKey ? { primary_key: true } : {}),
            ...(ref ? { references: [{ dataset: ref.dataset, field: refName(ref), direction: "from" }] } : {}),
          };
          return {
            name: f.name,
            ...(f.description ? { description: f.description } : {}),
            data_categories: f.categories,
            ...(Object.keys(fidesMeta).length ? { fides_meta: fidesMeta } : {}),
          };
        }),
      };
    }),
  }));
  return stringify({ dataset }, { lineWidth: 0 });
}

// ---------------------------------------------------------------------------------------------
// Import: every problem of the whole file at once, each with its line and place.

const HttpCollectionYaml = z.object({
  path: z.string().regex(/^\/[A-Za-z0-9/_.~%-]*$/, "path must start with / (no query)"),
  params: z.record(z.string(), z.string()).optional(),
  recordsPath: z.string().default(""),
  pagination: z
    .discriminatedUnion("type", [
      z.object({ type: z.literal("none") }),
      z.object({ type: z.literal("cursor"), param: z.string().min(1), nextPath: z.string().min(1) }),
      z.object({ type: z.literal("page"), param: z.string().min(1), size: z.number().int().min(1).max(10_000), sizeParam: z.string().optional() }),
    ])
    .default({ type: "none" }),
});

type Path = (string | number)[];
/** Optional texts under a dataset's meta: the system form's rule for each, and what it must be when it is no text. */
const META_TEXT = {
  country: { schema: SystemSchema.shape.country, expected: "text, such as United States" },
  notice_email: { schema: SystemSchema.shape.noticeEmail, expected: "an email address, such as privacy@example.com" },
} as const;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}

/**
 * Parses and checks a dataset file completely: YAML syntax, keys, names, categories, identities,
 * duplicate keys and names, references (to a dataset of the file or to `existingFields`, the
 * "key.collection.field" names already mapped), workspace fields. Nothing is partial: either
 * every system, or every problem.
 */
export function parseDatasetFile(source: string, defaults: ImportDefaults, existingFields: ReadonlySet<string>): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    return { ok: false, problems: doc.errors.slice(0, 20).map((e) => ({ line: lineCounter.linePos(e.pos[0]).line || null, where: "file", message: `Not valid YAML: ${e.message.split("\n")[0]}` })) };
  }
  const problems: ImportProblem[] = [];
  const lineAt = (path: Path): number | null => {
    for (let p = path; p.length; p = p.slice(0, -1)) {
      const node = doc.getIn(p, true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === "object" && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };
  const problem = (path: Path, where: string, message: string) => problems.push({ line: lineAt(path), where, message });

  const root = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const datasets = isObject(root) ? root.dataset : undefined;
  if (!isSeq(doc.get("dataset")) || !Array.isArray(datasets)) {
    return { ok: false, problems: [{ line: lineAt(["dataset"]), where: "file", message: "The file must hold a list under “dataset:”, as a Fides dataset file does." }] };
  }

  const systems: ImportedSystem[] = [];
  const pendingRefs: { path: Path; where: string; ref: string; dataset: string | undefined; direction: string; from: FieldRef }[] = [];
  const keys = new Set<string>();

  datasets.forEach((raw: unknown, di) => {
    const dPath: Path = ["dataset", di];
    if (!isObject(raw)) return problem(dPath, `dataset ${di + 1}`, "Each dataset must be a mapping with fides_key and collections.");
    const keyResult = systemKey.safeParse(raw.fides_key ?? "");
    const key = keyResult.success ? keyResult.data : String(raw.fides_key ?? `#${di + 1}`);
    if (!keyResult.success) problem([...dPath, "fides_key"], `dataset ${key}`, `fides_key: ${keyResult.error.issues[0]!.message}`);
    else if (keys.has(key)) problem([...dPath, "fides_key"], `dataset ${key}`, `The fides_key “${key}” appears twice in the file.`);
    keys.add(key);
    const where = `dataset ${key}`;

    const datasetCategories = categoriesAt(raw.data_categories, [...dPath, "data_categories"], where);
    const meta = isObject(raw.meta) ? raw.meta : null;
    let kind: SystemKind | undefined;
    let owner: string | undefined;
    let purpose: string | undefined;
    let thirdParty = false;
    let country: string | null = null;
    let noticeEmail: string | null = null;
    let dataUses: string[] = [];
    let connection: SqlConnection | HttpConnection | null | undefined;
    if (meta && meta.kind !== undefined) {
      kind = KIND_BY_NAME[String(meta.kind).toLowerCase()];
      if (!kind) problem([...dPath, "meta", "kind"], where, `meta.kind “${String(meta.kind)}” is not one of ${Object.values(KIND_NAMES).join(", ")}.`);
      const ownerResult = ownerEmail.safeParse(meta.owner_email ?? "");
      if (ownerResult.success) owner = ownerResult.data;
      else problem([...dPath, "meta", "owner_email"], where, `meta.owner_email: ${ownerResult.error.issues[0]!.message}`);
      purpose = text(meta.purpose) ?? undefined;
      if (!purpose) problem([...dPath, "meta", "purpose"], where, "meta.purpose: say what the system is used for.");
      thirdParty = meta.third_party === true;
      country = optionalMetaText(meta, dPath, where, "country");
      noticeEmail = optionalMetaText(meta, dPath, where, "notice_email");
      dataUses = dataUsesAt(meta.data_uses, [...dPath, "meta", "data_uses"], where);
      if (kind && meta.connection !== undefined && meta.connection !== null) {
        const schema = kind === "HTTP" ? HttpConnectionSchema : kind === "MANUAL" ? null : SqlConnectionSchema;
        if (!schema) problem([...dPath, "meta", "connection"], where, "A manual system has no connection settings.");
        else {
          if (isObject(meta.connection) && ("password" in meta.connection || "secret" in meta.connection || "token" in meta.connection)) {
            problem([...dPath, "meta", "connection"], where, "Secrets are never imported: remove the password or token from meta.connection and set it on the system's page.");
          }
          const parsed = schema.safeParse(meta.connection);
          if (parsed.success) connection = stripUndefined(parsed.data) as SqlConnection | HttpConnection;
          else problem([...dPath, "meta", "connection"], where, `meta.connection ${firstIssue(parsed.error)}`);
        }
      } else connection = kind ? null : undefined;
    } else {
      kind = defaults.kind;
      owner = defaults.ownerEmail;
      purpose = text(raw.description) ?? defaults.purpose;
      connection = undefined;
      if (!kind || !owner || !purpose) {
        const missing = [!owner && "the owner's email", !kind && "the kind", !purpose && "the purpose"].filter(Boolean).join(", ");
        problem(dPath, where, `This dataset has no meta saying who owns it and how it is reached: fill in ${missing} for such datasets on the import form.`);
      }
    }

    const collections: ImportedCollection[] = [];
    const rawCollections = Array.isArray(raw.collections) ? raw.collections : [];
    if (!Array.isArray(raw.collections)) problem([...dPath, "collections"], where, "collections: a list of collections is required (it may be empty: collections: []).");
    const collectionNames = new Set<string>();
    rawCollections.forEach((rc: unknown, ci) => {
      const cPath: Path = [...dPath, "collections", ci];
      if (!isObject(rc)) return problem(cPath, `${where}, collection ${ci + 1}`, "Each collection must be a mapping with a name and fields.");
      const nameResult = mapName("table").safeParse(rc.name ?? "");
      const cName = nameResult.success ? nameResult.data : String(rc.name ?? `#${ci + 1}`);
      const cWhere = `${key}.${cName}`;
      if (!nameResult.success) problem([...cPath, "name"], cWhere, `name: ${nameResult.error.issues[0]!.message}`);
      else if (collectionNames.has(cName)) problem([...cPath, "name"], cWhere, `The collection “${cName}” appears twice in dataset ${key}.`);
      collectionNames.add(cName);
      const collectionCategories = categoriesAt(rc.data_categories, [...cPath, "data_categories"], cWhere);
      const cMeta = isObject(rc.meta) ? rc.meta : {};
      let http: HttpCollectionConfig | null = null;
      if (cMeta.http !== undefined && cMeta.http !== null) {
        const parsed = HttpCollectionYaml.safeParse(cMeta.http);
        if (parsed.success) http = stripUndefined(parsed.data) as HttpCollectionConfig;
        else problem([...cPath, "meta", "http"], cWhere, `meta.http ${firstIssue(parsed.error)}`);
      }
      const fields: ImportedField[] = [];
      const fieldNames = new Set<string>();
      (Array.isArray(rc.fields) ? rc.fields : []).forEach((rf: unknown, fi) => {
        const fPath: Path = [...cPath, "fields", fi];
        if (!isObject(rf)) return problem(fPath, `${cWhere}, field ${fi + 1}`, "Each field must be a mapping with a name.");
        const fNameResult = mapName("field").safeParse(rf.name ?? "");
        const fName = fNameResult.success ? fNameResult.data : String(rf.name ?? `#${fi + 1}`);
        const fWhere = `${cWhere}.${fName}`;
        if (!fNameResult.success) problem([...fPath, "name"], fWhere, `name: ${fNameResult.error.issues[0]!.message}`);
        else if (fieldNames.has(fName)) problem([...fPath, "name"], fWhere, `The field “${fName}” appears twice in ${cWhere}.`);
        fieldNames.add(fName);
        if (Array.isArray(rf.fields) && rf.fields.length) problem([...fPath, "fields"], fWhere, "Nested fields are not supported: map each nested property as a field of its own.");
        // Categories at the dataset and collection level apply to every field below (Fides adds them up).
        const own = categoriesAt(rf.data_categories, [...fPath, "data_categories"], fWhere);
        const categories = [...new Set([...datasetCategories, ...collectionCategories, ...own])];
        const fm = isObject(rf.fides_meta) ? rf.fides_meta : {};
        const identity = identityChoice.safeParse(fm.identity ?? null);
        if (!identity.success) problem([...fPath, "fides_meta", "identity"], fWhere, `fides_meta.identity “${String(fm.identity)}”: ${identity.error.issues[0]!.message}`);
        const refs = fm.references === undefined || fm.references === null ? [] : fm.references;
        if (!Array.isArray(refs)) problem([...fPath, "fides_meta", "references"], fWhere, "fides_meta.references must be a list.");
        else
          refs.forEach((r: unknown, ri) => {
            const rPath: Path = [...fPath, "fides_meta", "references", ri];
            if (!isObject(r) || typeof r.field !== "string") return problem(rPath, fWhere, "Each reference needs field: collection.field (and dataset when it is another one).");
            pendingRefs.push({ path: rPath, where: fWhere, ref: r.field, dataset: typeof r.dataset === "string" ? r.dataset : undefined, direction: String(r.direction ?? "from"), from: { dataset: key, collection: cName, field: fName } });
          });
        fields.push({
          name: fName,
          description: text(rf.description),
          categories,
          identity: identity.success ? identity.data : null,
          primaryKey: fm.primary_key === true,
          references: null,
        });
      });
      // meta.erasure: { field: { strategy, value?, reason? } }, what an erasure does to each field.
      if (cMeta.erasure !== undefined && cMeta.erasure !== null) {
        if (!isObject(cMeta.erasure)) problem([...cPath, "meta", "erasure"], cWhere, "meta.erasure must map field names to { strategy, value, reason }.");
        else
          for (const [fieldName, rawErasure] of Object.entries(cMeta.erasure)) {
            const ePath: Path = [...cPath, "meta", "erasure", fieldName];
            const target = fields.find((f) => f.name === fieldName);
            if (!target) {
              problem(ePath, cWhere, `meta.erasure names “${fieldName}”, which is not a field of this collection.`);
              continue;
            }
            const entry = isObject(rawErasure) ? rawErasure : {};
            const parsed = FieldSchema.safeParse({
              name: fieldName,
              categories: target.categories,
              erasureStrategy: typeof entry.strategy === "string" ? entry.strategy.toUpperCase() : entry.strategy,
              erasureValue: entry.value === undefined || entry.value === null ? "" : String(entry.value),
              retentionReason: entry.reason === undefined || entry.reason === null ? "" : String(entry.reason),
            });
            if (!parsed.success || !parsed.data.erasureStrategy) {
              const issue = parsed.success ? null : parsed.error.issues[0]!;
              const key = issue ? ({ erasureValue: "value", retentionReason: "reason" } as Record<string, string>)[String(issue.path[0])] : undefined;
              const message = !issue || !key ? `strategy must be one of ${ERASURE_STRATEGIES.map((e) => e.toLowerCase()).join(", ")}` : `${key}: ${issue.message}`;
              problem(ePath, `${cWhere}.${fieldName}`, `meta.erasure: ${message}`);
              continue;
            }
            target.erasure = { strategy: parsed.data.erasureStrategy, value: parsed.data.erasureValue, reason: parsed.data.retentionReason };
          }
      }
      // meta.correctable: [field, ...], the fields a correction may write through the connector.
      if (cMeta.correctable !== undefined && cMeta.correctable !== null) {
        if (!Array.isArray(cMeta.correctable)) problem([...cPath, "meta", "correctable"], cWhere, "meta.correctable must list field names.");
        else
          for (const name of cMeta.correctable) {
            const target = fields.find((f) => f.name === String(name));
            if (!target) problem([...cPath, "meta", "correctable"], cWhere, `meta.correctable names “${String(name)}”, which is not a field of this collection.`);
            else target.correctable = true;
          }
      }
      const workspaceField = cMeta.workspace_field === undefined || cMeta.workspace_field === null ? null : String(cMeta.workspace_field);
      if (workspaceField !== null && !fieldNames.has(workspaceField)) problem([...cPath, "meta", "workspace_field"], cWhere, `meta.workspace_field “${workspaceField}” is not a field of this collection.`);
      collections.push({ name: cName, description: text(rc.description), workspaceField, http, fields });
    });

    systems.push({
      key,
      name: text(raw.name) ?? key,
      description: text(raw.description),
      ownerEmail: owner ?? "",
      purpose: purpose ?? "",
      thirdParty,
      country,
      noticeEmail,
      dataUses,
      kind: kind ?? "MANUAL",
      connection,
      collections,
    });
  });

  // References: direction "from" means this field's values come from the named one (ours:
  // referencesFieldId); "to" means the named field takes its values from this one.
  const inFile = new Map<string, ImportedField>();
  for (const s of systems) for (const c of s.collections) for (const f of c.fields) inFile.set(`${s.key}.${c.name}.${f.name}`, f);
  for (const r of pendingRefs) {
    const parts = r.ref.split(".");
    if (parts.length !== 2 || !NAME_PATTERN.test(parts[0]!) || !NAME_PATTERN.test(parts[1]!)) {
      problem([...r.path, "field"], r.where, `Reference field “${r.ref}” must be written collection.field.`);
      continue;
    }
    const dataset = r.dataset ?? r.from.dataset;
    if (!KEY_PATTERN.test(dataset)) {
      problem([...r.path, "dataset"], r.where, `Reference dataset “${dataset}” is not a valid key.`);
      continue;
    }
    const target: FieldRef = { dataset, collection: parts[0]!, field: parts[1]! };
    const name = `${target.dataset}.${target.collection}.${target.field}`;
    if (!inFile.has(name) && !existingFields.has(name)) {
      problem([...r.path, "field"], r.where, `The reference points at ${name}, which is neither in this file nor in the data map.`);
      continue;
    }
    if (r.direction !== "from" && r.direction !== "to") {
      problem([...r.path, "direction"], r.where, `Reference direction “${r.direction}” must be from or to.`);
      continue;
    }
    const [holder, source] = r.direction === "from" ? [r.from, target] : [target, r.from];
    const holderName = `${holder.dataset}.${holder.collection}.${holder.field}`;
    const holderField = inFile.get(holderName);
    if (!holderField) {
      problem([...r.path, "direction"], r.where, `A reference “to” ${holderName} would change a system that is not in this file.`);
      continue;
    }
    if (holderName === `${source.dataset}.${source.collection}.${source.field}`) {
      problem([...r.path, "field"], r.where, "A field can't reference itself.");
      continue;
    }
    if (holderField.references && JSON.stringify(holderField.references) !== JSON.stringify(source)) {
      problem(r.path, r.where, `${holderName} already references another field: each field can take its values from one field only.`);
      continue;
    }
    holderField.references = source;
  }

  return problems.length ? { ok: false, problems } : { ok: true, systems };

  /** An optional text of a dataset's meta, checked by the system form's rule for it; null when absent or wrong. */
  function optionalMetaText(meta: Record<string, unknown>, dPath: Path, where: string, name: keyof typeof META_TEXT): string | null {
    const value = meta[name];
    if (value === undefined || value === null) return null;
    const at = [...dPath, "meta", name];
    if (typeof value !== "string") {
      problem(at, where, `meta.${name} must be ${META_TEXT[name].expected}.`);
      return null;
    }
    const result = META_TEXT[name].schema.safeParse(value);
    if (result.success) return result.data;
    problem(at, where, `meta.${name}: ${result.error.issues[0]!.message}`);
    return null;
  }

  /** meta.data_uses: a list of data use keys, each checked with the system form's words and its own line. */
  function dataUsesAt(value: unknown, path: Path, where: string): string[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      problem(path, where, "meta.data_uses must be a list of data use keys, such as [marketing.communications.email].");
      return [];
    }
    let known = true;
    value.forEach((k, i) => {
      if (typeof k === "string" && isDataUse(k)) return;
      known = false;
      problem([...path, i], where, `meta.data_uses: ${typeof k === "string" ? DATA_USE_MESSAGES.unknown([k]) : "each data use must be a key, such as marketing.communications.email"}.`);
    });
    const keys = [...new Set(value.filter((k): k is string => typeof k === "string" && isDataUse(k)))];
    if (known && keys.length > MAX_DATA_USES) problem(path, where, `meta.data_uses: ${DATA_USE_MESSAGES.tooMany}.`);
    return keys;
  }

  function categoriesAt(value: unknown, path: Path, where: string): string[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      problem(path, where, "data_categories must be a list of category keys.");
      return [];
    }
    const keys = value.map(String);
    keys.forEach((k, i) => {
      if (!isCategory(k)) problem([...path, i], where, `Unknown data category “${k}”: not a key of the fideslang taxonomy.`);
    });
    return keys.filter(isCategory);
  }
}

function stripUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
