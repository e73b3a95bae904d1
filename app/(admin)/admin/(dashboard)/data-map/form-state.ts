import "server-only";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/staff-action";
import type { StaffUser } from "@/lib/auth/staff";

/**
 * What a data map form shows after a post: a message above the form, messages under fields, and
 * what was typed (so a refused form keeps it, with or without JavaScript). Secrets are never echoed.
 */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  /** Import problems and test findings: lines under the message. */
  details?: string[];
} | null;

const NEVER_ECHOED = new Set(["secret", "yaml"]);

export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$") && !NEVER_ECHOED.has(key)) values[key] = value;
  return values;
}

/** Form data as the schema reads it: one value per name, a list where the name repeats. */
export function formInput(formData: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$")) continue;
    const all = formData.getAll(key);
    input[key] = all.length > 1 ? all : all[0];
  }
  return input;
}

/** Domain refusals that belong under a field rather than above the form. */
const FIELD_FOR_CODE: Record<string, string> = {
  KEY_TAKEN: "key",
  COLLECTION_EXISTS: "name",
  FIELD_EXISTS: "name",
  WORKSPACE_FIELD_UNKNOWN: "workspaceField",
  SELF_REFERENCE: "referencesFieldId",
  REFERENCE_NOT_FOUND: "referencesFieldId",
};

export function toFormState<T>(result: ActionResult<T>, formData: FormData, success: (data: T) => string): FormState {
  if (result.ok) return { ok: true, message: success(result.data) };
  const field = result.code ? FIELD_FOR_CODE[result.code] : undefined;
  const fieldErrors = { ...result.fieldErrors, ...(field && result.formError ? { [field]: result.formError } : {}) };
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return {
    ok: false,
    message: field ? "Check the field marked below." : (result.formError ?? (hasFieldErrors ? "Check the fields marked below." : "That did not work. Reload the page and try again.")),
    fieldErrors,
    values: typedValues(formData),
  };
}

/** A form post: the form data parsed by `schema`, the role checked, the domain called, the outcome as FormState. */
export function formAction<S extends z.ZodType, T>(
  permission: Parameters<typeof staffAction>[0],
  schema: S,
  handler: (input: z.output<S>, staff: StaffUser) => Promise<T>,
  success: (data: T) => string,
) {
  const run = staffAction(permission, schema, handler);
  return async (formData: FormData): Promise<{ state: FormState; result: ActionResult<T> }> => {
    const result = await run(formInput(formData) as z.input<S>);
    return { state: toFormState(result, formData, success), result };
  };
}
