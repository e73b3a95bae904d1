import { categoryLabel } from "@/lib/datamap/taxonomy";
import { IDENTITY_LABELS } from "@/lib/datamap/schema";
import { ERASURE_STRATEGIES, IDENTITY_TYPES, type MapCollection, type MapField, type MapSystem } from "@/lib/datamap/types";
import { describeErasure, effectiveErasure, STRATEGY_LABELS } from "@/lib/erasure/strategy";
import { addCollectionAction, addFieldAction, removeCollectionAction, removeFieldAction, saveHttpCollectionAction, updateCollectionAction, updateFieldAction } from "../actions";
import { ActionForm, CheckboxField, SelectField, TextField } from "../form-kit";

type RefOption = { id: string; label: string };

const erasureOptions = [{ value: "", label: "The default for its categories" }, ...ERASURE_STRATEGIES.map((s) => ({ value: s, label: STRATEGY_LABELS[s] }))];

const identityOptions = [{ value: "", label: "Does not identify a person" }, ...IDENTITY_TYPES.map((t) => ({ value: t, label: IDENTITY_LABELS[t] }))];

function FieldFields({ field, references, selfId }: { field?: MapField; references: RefOption[]; selfId?: string }) {
  return (
    <>
      <TextField name="name" label="Field name" hint="The column (or JSON property) name." defaultValue={field?.name ?? ""} />
      <TextField name="categories" label="Data categories" hint="fideslang keys separated by commas, such as user.contact.email (see the list below)." defaultValue={field?.categories.join(", ") ?? ""} />
      <SelectField name="identity" label="Identifies a person by" defaultValue={field?.identity ?? ""} options={identityOptions} />
      <SelectField
        name="referencesFieldId"
        label="Takes its values from"
        hint="For tickets.requester_id: users.id. The run follows it to find related records."
        defaultValue={field?.referencesFieldId ?? ""}
        options={[{ value: "", label: "No other field" }, ...references.filter((r) => r.id !== selfId).map((r) => ({ value: r.id, label: r.label }))]}
      />
      <TextField name="description" label="Description (optional)" defaultValue={field?.description ?? ""} />
      <CheckboxField name="primaryKey" label="Primary key" defaultChecked={field?.primaryKey ?? false} />
      <SelectField
        name="erasureStrategy"
        label="When the person's data is erased"
        hint="Checked against the database when you save: a column that is NOT NULL, unique or pointed at by a foreign key refuses some of these."
        defaultValue={field?.erasure?.strategy ?? ""}
        options={erasureOptions}
      />
      <TextField name="erasureValue" label="Fixed value (for “Replace with a fixed value”)" defaultValue={field?.erasure?.value ?? ""} />
      <TextField
        name="retentionReason"
        label="Why it is kept (for “Keep it”)"
        hint="Required for personal data, such as “invoices are kept 10 years for tax law”. The requester reads it."
        defaultValue={field?.erasure?.reason ?? ""}
      />
      <CheckboxField
        name="correctable"
        label="A correction may change it"
        hint="A correction request's new value is then written here by the portal, after an officer approves it. Not for keys: checked against the database when you save."
        defaultChecked={field?.correctable ?? false}
      />
    </>
  );
}

function Remove({ label, action, hidden, idPrefix }: { label: string; action: typeof removeFieldAction; hidden: Record<string, string>; idPrefix: string }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-red-800 underline">{label}…</summary>
      <div className="mt-2 rounded-md bg-amber-50 p-3">
        <ActionForm action={action} idPrefix={idPrefix} submitLabel={`Confirm: ${label.toLowerCase()}`} variant="secondary" hidden={hidden} className="space-y-2" />
      </div>
    </details>
  );
}

function HttpForm({ collection }: { collection: MapCollection }) {
  const http = collection.http;
  const p = http?.pagination;
  return (
    <details className="rounded-md border border-slate-200 p-3">
      <summary className="cursor-pointer font-medium text-slate-900">Request settings{http ? `: GET ${http.path}` : " (not set)"}</summary>
      <ActionForm action={saveHttpCollectionAction} idPrefix={`http-${collection.id}`} submitLabel="Save request settings" hidden={{ collectionId: collection.id }} className="mt-3 space-y-3">
        <TextField name="path" label="Path" hint="Under the base URL, such as /v1/contacts" defaultValue={http?.path ?? ""} />
        <TextField
          name="params"
          label="Query parameters (optional)"
          rows={2}
          hint="field=parameter, one per line, when the parameter is not named like the field."
          defaultValue={Object.entries(http?.params ?? {}).map(([f, q]) => `${f}=${q}`).join("\n")}
        />
        <TextField name="recordsPath" label="Where the records are in the response" hint="A dotted path such as data.items; empty when the body is the list." defaultValue={http?.recordsPath ?? ""} />
        <SelectField
          name="paginationType"
          label="Pagination"
          defaultValue={p?.type ?? "none"}
          options={[
            { value: "none", label: "None" },
            { value: "cursor", label: "By cursor" },
            { value: "page", label: "By page number" },
          ]}
        />
        <TextField name="paginationParam" label="Cursor or page parameter" defaultValue={p && p.type !== "none" ? p.param : ""} />
        <TextField name="nextPath" label="Where the next cursor is (cursor pagination)" defaultValue={p?.type === "cursor" ? p.nextPath : ""} />
        <TextField name="pageSize" label="Page size (page pagination)" type="number" defaultValue={p?.type === "page" ? String(p.size) : ""} />
        <TextField name="sizeParam" label="Page size parameter (optional)" defaultValue={p?.type === "page" ? (p.sizeParam ?? "") : ""} />
      </ActionForm>
    </details>
  );
}

function FieldsTable({ collection, labelOf, referenced }: { collection: MapCollection; labelOf: (id: string | null) => string; referenced: ReadonlySet<string> }) {
  if (collection.fields.length === 0) return <p className="text-slate-700">No fields yet.</p>;
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">Fields of {collection.name}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="p-2">Field</th>
          <th scope="col" className="p-2">Data categories</th>
          <th scope="col" className="p-2">Identifies by</th>
          <th scope="col" className="p-2">Takes values from</th>
          <th scope="col" className="p-2">When erased</th>
        </tr>
      </thead>
      <tbody>
        {collection.fields.map((f) => (
          <tr key={f.id} className="border-b border-slate-200 align-top">
            <th scope="row" className="p-2 font-mono font-normal">
              {f.name}
              {f.primaryKey ? <span className="ml-1 font-sans text-xs text-slate-700">(primary key)</span> : null}
            </th>
            <td className="p-2">{f.categories.length ? f.categories.map(categoryLabel).join(", ") : "–"}</td>
            <td className="p-2">{f.identity ? IDENTITY_LABELS[f.identity] : "–"}</td>
            <td className="p-2 font-mono">{f.referencesFieldId ? labelOf(f.referencesFieldId) : "–"}</td>
            <td className="p-2">
              <ErasureCell field={f} referenced={referenced.has(f.id)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ErasureCell({ field, referenced }: { field: MapField; referenced: boolean }) {
  const erasure = effectiveErasure(field, referenced);
  return (
    <>
      {describeErasure(erasure)}
      {erasure.chosen ? null : <span className="block text-xs text-slate-700">(default)</span>}
      {field.correctable ? <span className="block text-xs text-slate-700">Correctable</span> : null}
    </>
  );
}

/** Each collection with its fields; admins edit them in place (plain forms, one per change). */
export function CollectionsSection({
  system,
  canManage,
  references,
  referenced,
}: {
  system: MapSystem;
  canManage: boolean;
  references: RefOption[];
  /** Fields some mapped field points at (lib/datamap/queries.ts): their erasure default is to keep them. */
  referenced: ReadonlySet<string>;
}) {
  const labels = new Map(references.map((r) => [r.id, r.label]));
  const labelOf = (id: string | null) => (id ? (labels.get(id) ?? "a removed field") : "–");
  return (
    <section aria-labelledby="collections-heading" className="space-y-6">
      <h2 id="collections-heading" className="text-lg font-semibold text-slate-900">
        Collections and fields
      </h2>
      {system.collections.length === 0 ? <p className="text-slate-700">No collections yet.</p> : null}
      {system.collections.map((c) => (
        <section key={c.id} aria-labelledby={`collection-${c.id}`} className="space-y-4 rounded-md border border-slate-300 bg-white p-6">
          <div>
            <h3 id={`collection-${c.id}`} className="font-mono text-base font-semibold text-slate-900">
              {c.name}
            </h3>
            {c.description ? <p className="text-slate-700">{c.description}</p> : null}
            {c.workspaceField ? (
              <p className="text-sm text-slate-700">
                Customer workspace content; the workspace is in <code>{c.workspaceField}</code>.
              </p>
            ) : null}
          </div>
          <FieldsTable collection={c} labelOf={labelOf} referenced={referenced} />
          {canManage ? (
            <div className="space-y-3">
              {c.fields.map((f) => (
                <details key={f.id} className="rounded-md border border-slate-200 p-3">
                  <summary className="cursor-pointer text-blue-700 underline">Edit field {f.name}</summary>
                  <ActionForm action={updateFieldAction} idPrefix={`field-${f.id}`} submitLabel={`Save field ${f.name}`} hidden={{ fieldId: f.id }} className="mt-3 space-y-3">
                    <FieldFields field={f} references={references} selfId={f.id} />
                  </ActionForm>
                  <div className="mt-3">
                    <Remove label={`Remove field ${f.name}`} action={removeFieldAction} hidden={{ fieldId: f.id }} idPrefix={`remove-field-${f.id}`} />
                  </div>
                </details>
              ))}
              <section aria-labelledby={`add-field-${c.id}-heading`} className="rounded-md border border-blue-200 bg-blue-50 p-3">
                <h4 id={`add-field-${c.id}-heading`} className="font-medium text-slate-900">
                  Add a field to {c.name}
                </h4>
                <ActionForm action={addFieldAction} idPrefix={`add-field-${c.id}`} submitLabel={`Add field to ${c.name}`} hidden={{ collectionId: c.id }} className="mt-3 space-y-3">
                  <FieldFields references={references} />
                </ActionForm>
              </section>
              <details className="rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer text-blue-700 underline">Edit collection {c.name}</summary>
                <ActionForm action={updateCollectionAction} idPrefix={`collection-${c.id}`} submitLabel={`Save collection ${c.name}`} hidden={{ collectionId: c.id }} className="mt-3 space-y-3">
                  <TextField name="name" label="Table name" defaultValue={c.name} />
                  <TextField name="description" label="Description (optional)" defaultValue={c.description ?? ""} />
                  <SelectField
                    name="workspaceField"
                    label="Workspace field"
                    hint="Set it when the table holds customers' workspace content (we process it for them): the field holding the workspace slug."
                    defaultValue={c.workspaceField ?? ""}
                    options={[{ value: "", label: "Not workspace content" }, ...c.fields.map((f) => ({ value: f.name, label: f.name }))]}
                  />
                </ActionForm>
              </details>
              {system.kind === "HTTP" ? <HttpForm collection={c} /> : null}
              <Remove label={`Remove collection ${c.name}`} action={removeCollectionAction} hidden={{ collectionId: c.id }} idPrefix={`remove-collection-${c.id}`} />
            </div>
          ) : null}
        </section>
      ))}
      {canManage ? (
        <section aria-labelledby="add-collection-heading" className="max-w-2xl space-y-3 rounded-md border border-blue-200 bg-blue-50 p-6">
          <h3 id="add-collection-heading" className="font-semibold text-slate-900">
            Add a collection
          </h3>
          <ActionForm action={addCollectionAction} idPrefix="add-collection" submitLabel="Add collection" hidden={{ systemId: system.id }} className="space-y-3">
            <TextField name="name" label="Table name" hint="The table (or API resource) as the system names it." />
            <TextField name="description" label="Description (optional)" />
          </ActionForm>
        </section>
      ) : null}
    </section>
  );
}
