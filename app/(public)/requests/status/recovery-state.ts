// What the "new link" form and its action pass each other. What was typed comes back with the
// errors, so nothing is lost; after a send the form is empty again and says what happens next.

export type RecoveryFormState = {
  values: { email: string; reference: string };
  fieldErrors?: Record<string, string>;
  formError?: string;
  /** The request was taken: the same answer whether or not the address and reference matched. */
  sent?: boolean;
};

export const INITIAL_RECOVERY_STATE: RecoveryFormState = { values: { email: "", reference: "" } };
