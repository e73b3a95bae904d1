import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { TEMPLATE_PLACEHOLDERS } from "@/lib/templates/fill";
import { ACTION_LABELS, listTemplates, RESPONSE_ACTIONS } from "@/lib/templates/templates";
import { ActionForm, SelectField, TextField } from "../data-map/form-kit";
import { createTemplateAction, deleteTemplateAction, updateTemplateAction } from "./actions";

export const metadata: Metadata = { title: "Saved texts" };

const actionOptions = RESPONSE_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] }));
const placeholders = TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ");

// Saved response texts (issue 13, admins): officers start an answer from one on the request page,
// with its placeholders filled from the request.
export default async function TemplatesPage() {
  await requirePagePermission("settings.manage", "/admin/templates");
  const templates = await listTemplates(db);
  return (
    <div className="max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Saved texts</h1>
        <p className="mt-1 text-slate-800">
          Texts officers start from when they ask for more information, extend a deadline, deny or complete a request. Placeholders are
          filled from the request: {placeholders}. The officer reads and edits the text before anything is sent.
        </p>
      </div>
      {RESPONSE_ACTIONS.map((action) => {
        const mine = templates.filter((t) => t.action === action);
        return (
          <section key={action} aria-labelledby={`templates-${action}`} className="space-y-3">
            <h2 id={`templates-${action}`} className="text-lg font-semibold text-slate-900">
              {ACTION_LABELS[action]}
            </h2>
            {mine.length === 0 ? <p className="text-slate-700">No saved text yet.</p> : null}
            {mine.map((t) => (
              <details key={t.id} className="rounded-md border border-slate-300 bg-white p-4">
                <summary className="cursor-pointer font-medium text-slate-900">{t.title}</summary>
                <div className="mt-3 space-y-4">
                  <ActionForm action={updateTemplateAction} idPrefix={`template-${t.id}`} submitLabel="Save" variant="secondary" hidden={{ templateId: t.id, action }}>
                    <TextField name="title" label="Title" defaultValue={t.title} />
                    <TextField name="body" label="Text" rows={5} defaultValue={t.body} />
                  </ActionForm>
                  <ActionForm action={deleteTemplateAction} idPrefix={`remove-${t.id}`} submitLabel={`Remove “${t.title}”`} variant="secondary" hidden={{ templateId: t.id }} />
                </div>
              </details>
            ))}
          </section>
        );
      })}
      <section aria-labelledby="add-template" className="rounded-md border border-blue-200 bg-blue-50 p-6">
        <h2 id="add-template" className="text-lg font-semibold text-slate-900">
          Add a saved text
        </h2>
        <ActionForm action={createTemplateAction} idPrefix="new-template" submitLabel="Save the text">
          <SelectField name="action" label="For" defaultValue="ASK_FOR_INFORMATION" options={actionOptions} />
          <TextField name="title" label="Title" hint="What officers pick it by, such as “Which workspace?”." />
          <TextField name="body" label="Text" rows={5} hint={`Placeholders: ${placeholders}.`} />
        </ActionForm>
      </section>
    </div>
  );
}
