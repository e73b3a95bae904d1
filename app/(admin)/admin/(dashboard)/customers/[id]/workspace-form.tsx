"use client";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { MAX_DOMAINS, WORKSPACE_ERROR_FIELDS, WorkspaceSchema, type WorkspaceInput } from "@/lib/customers/schema";
import { addWorkspaceAction, updateWorkspaceAction } from "../actions";
import { LabelledField, useRegistryForm } from "../form-parts";
import { useHydrated } from "@/components/ui/use-hydrated";

const FIELDS = ["name", "slug", "domains"] as const;
const EMPTY: WorkspaceInput = { name: "", slug: "", domains: "" };

export type WorkspaceFormValues = { id: string; name: string; slug: string; domains: string[] };

/** Adds a workspace to `customerId` (no `workspace`) or edits one. */
export function WorkspaceForm({ customerId, workspace }: { customerId: string; workspace?: WorkspaceFormValues }) {
  const hydrated = useHydrated();
  const stored = workspace ? { name: workspace.name, slug: workspace.slug, domains: workspace.domains.join("\n") } : EMPTY;
  const { form, submit, succeed, refuse, status } = useRegistryForm(WorkspaceSchema, stored, { fields: FIELDS, fieldForCode: WORKSPACE_ERROR_FIELDS });
  const {
    register,
    reset,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = submit(async (values) => {
    if (!workspace) {
      const result = await addWorkspaceAction({ ...values, customerId });
      if (!result.ok) return refuse(result);
      reset(EMPTY);
      succeed(`Workspace “${values.name.trim()}” added.`);
      return;
    }
    const result = await updateWorkspaceAction({ ...values, workspaceId: workspace.id });
    if (result.ok) succeed(result.data.changed ? "Workspace saved." : "Nothing had changed, so nothing was saved.");
    else refuse(result);
  });

  const prefix = `workspace-${workspace?.id ?? "new"}`;
  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-4">
      {status}
      <fieldset disabled={!hydrated || isSubmitting} className="space-y-4">
        <LabelledField id={`${prefix}-name`} label="Workspace name" hint="As the customer's end users know it. Requests naming it are matched to this workspace." error={errors.name?.message}>
          {(control) => <input {...control} {...register("name")} className={inputClass} />}
        </LabelledField>
        <LabelledField
          id={`${prefix}-slug`}
          label="Slug"
          hint="The workspace's short name in Jexi, such as acme-help: lower-case letters, digits and hyphens, used by one workspace only."
          error={errors.slug?.message}
        >
          {(control) => <input {...control} {...register("slug")} autoCapitalize="none" spellCheck={false} className={inputClass} />}
        </LabelledField>
        <LabelledField
          id={`${prefix}-domains`}
          label="Domains (optional)"
          hint={`Websites and email domains where the customer runs this workspace, such as help.acme.example: up to ${MAX_DOMAINS}, one per line or separated by commas. A domain can belong to one workspace only.`}
          error={errors.domains?.message}
        >
          {(control) => <textarea {...control} {...register("domains")} rows={3} autoCapitalize="none" spellCheck={false} className={inputClass} />}
        </LabelledField>
        <Button type="submit" variant={workspace ? "secondary" : "primary"}>
          {isSubmitting ? "Saving…" : workspace ? "Save workspace" : "Add workspace"}
          {workspace ? <span className="sr-only"> {workspace.name}</span> : null}
        </Button>
      </fieldset>
    </form>
  );
}
