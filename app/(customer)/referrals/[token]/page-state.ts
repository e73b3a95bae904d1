// What the referral page and its actions pass each other: the confirmation named in ?done=, and
// the close form's state (what was entered comes back with the errors, so nothing is lost).

export const DONE = ["acknowledged", "export", "completed", "refused", "erasure-started", "erasure-approved", "erasure-cancelled"] as const;
export type Done = (typeof DONE)[number];

export function doneFrom(value: string | string[] | undefined): Done | null {
  return (DONE as readonly unknown[]).includes(value) ? (value as Done) : null;
}

export type CloseFormState = {
  values: { outcome: string; note: string };
  fieldErrors?: Record<string, string>;
  formError?: string;
};

export const INITIAL_CLOSE_STATE: CloseFormState = { values: { outcome: "", note: "" } };
