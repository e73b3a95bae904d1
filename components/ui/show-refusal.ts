import type { FieldValues, Path, UseFormSetError, UseFormSetFocus } from "react-hook-form";

/**
 * A dashboard form's answer to a refused action: each server message under its field (the first
 * such field focused), and the rest handed to `onFormError` for the form's status region.
 */
export function showRefusal<T extends FieldValues>(
  result: { fieldErrors?: Record<string, string>; formError?: string },
  form: { setError: UseFormSetError<T>; setFocus?: UseFormSetFocus<T> },
  onFormError: (message: string) => void,
): void {
  const fields = Object.entries(result.fieldErrors ?? {}).map(([path, message]) => [path.split(".")[0] as Path<T>, message] as const);
  for (const [field, message] of fields) form.setError(field, { message });
  if (fields.length && form.setFocus) form.setFocus(fields[0]![0]);
  if (result.formError) onFormError(result.formError);
}
