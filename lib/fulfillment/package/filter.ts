import type { FoundRow } from "@/lib/connectors/types";
import type { MapCollection, MapField } from "@/lib/datamap/types";
import type { RunKind } from "@/lib/fulfillment/plan";

// Which fields of a collection go into a package, by the data categories of the map. Pure.
//
// - ACCESS (GDPR Art. 15, and the access rights of the other laws): everything personal, i.e.
//   every field with at least one category in the user.* branch. Fields that are only the
//   system's own operational data (system.*) or have no category are left out.
// - EXPORT (GDPR Art. 20, portability): what the person provided, machine-readable: fields with a
//   category under one of EXPORT_CATEGORY_ROOTS (contact details, names, content they wrote,
//   their account, financial and demographic details they gave, their unique ids). Data we
//   derived or observed about them (user.behavior, user.device, user.location inferred,
//   user.sensor...) belongs to an access request, not to portability.
// - WORKSPACE_EXPORT (the operator as processor): every mapped field of the workspace
//   collections; the customer, as controller, decides what its end user receives.

export const EXPORT_CATEGORY_ROOTS = [
  "user.contact",
  "user.name",
  "user.content",
  "user.account",
  "user.financial",
  "user.demographic",
  "user.unique_id",
] as const;

const under = (key: string, root: string) => key === root || key.startsWith(`${root}.`);

export function fieldInPackage(kind: RunKind, field: Pick<MapField, "categories">): boolean {
  if (kind === "WORKSPACE_EXPORT") return true;
  if (kind === "EXPORT") return field.categories.some((c) => EXPORT_CATEGORY_ROOTS.some((root) => under(c, root)));
  return field.categories.some((c) => under(c, "user"));
}

/** The fields a package holds of one collection, in the map's order (none: the collection is left out). */
export function packageFields(kind: RunKind, collection: Pick<MapCollection, "fields" | "workspaceField">): MapField[] {
  if (kind === "WORKSPACE_EXPORT" && !collection.workspaceField) return [];
  return collection.fields.filter((f) => fieldInPackage(kind, f));
}

/** A found record cut down to the package's fields, in their order; a field the record lacks is null. */
export function pickFields(record: FoundRow, fields: readonly Pick<MapField, "name">[]): Record<string, FoundRow[string]> {
  const out: Record<string, FoundRow[string]> = {};
  for (const f of fields) out[f.name] = Object.hasOwn(record, f.name) ? (record[f.name] ?? null) : null;
  return out;
}

/** The rule in words, for the report. */
export function packageRuleText(kind: RunKind): string {
  if (kind === "EXPORT") {
    return "This is a copy of the data you provided to us, in machine-readable form (data portability, GDPR Art. 20): your contact details, names, the content you wrote, your account, and the financial and demographic details and identifiers you gave us.";
  }
  if (kind === "WORKSPACE_EXPORT") return "This is an export of the workspace content we process on your behalf, every field we hold of it.";
  return "This is a copy of the personal data we hold about you (right of access): every piece of information in our systems that is about you.";
}
