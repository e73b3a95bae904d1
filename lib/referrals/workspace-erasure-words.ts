// Why a customer's workspace erasure was refused, in words for the customer's privacy contact
// (who is not one of our officers: the run errors' words speak to those): the refusals' messages.
// Pure, no server-only imports. The referral page words the code in its address from its own
// catalogue, in the customer's language; its English there is this text (english-words.test.ts).

export const WORKSPACE_ERASURE_REFUSALS = {
  NOT_A_DELETION: "The requester did not ask for their data to be erased, so nothing can be erased from this page.",
  NO_WORKSPACE_CONTENT:
    "We cannot look for this person's data in your workspace from here: our data map does not describe workspace content. Write to our privacy team and we will erase it for you.",
  LEGAL_HOLD:
    "Erasure is on hold: our privacy team must keep this person's data for now (a legal hold, for example for a court case). Nothing can be erased until the hold is lifted; write to our privacy team to ask about it.",
  RUN_ACTIVE: "We are already looking in your workspace for this request (for an export, or for this erasure). Wait until that has finished, then try again.",
  ALREADY_ERASED: "This person's data in your workspace has been erased already: the outcome is below.",
  ERASURE_NOT_AWAITING: "This erasure is not waiting for your approval: it was approved or cancelled already, or we are still looking for the data.",
  NOT_CANCELLABLE: "This erasure was approved, so it can no longer be cancelled.",
  RUN_NOT_FOUND: "We could not find that erasure for this request.",
  REQUEST_NOT_OPEN: "This request can no longer be acted on: it was closed, or the requester never confirmed their email address.",
} as const;

export type WorkspaceErasureRefusal = keyof typeof WORKSPACE_ERASURE_REFUSALS;

export function isWorkspaceErasureRefusal(code: unknown): code is WorkspaceErasureRefusal {
  return typeof code === "string" && Object.hasOwn(WORKSPACE_ERASURE_REFUSALS, code);
}

/** The run machinery's refusals (lib/fulfillment/errors.ts), as the customer reads them. */
export const FROM_RUN_ERRORS: Record<string, WorkspaceErasureRefusal> = {
  LEGAL_HOLD: "LEGAL_HOLD",
  RUN_ACTIVE: "RUN_ACTIVE",
  RUN_NOT_PLANNED: "RUN_ACTIVE",
  RUN_NOT_ALLOWED: "REQUEST_NOT_OPEN",
  RUN_NOTHING_TO_SEARCH: "NO_WORKSPACE_CONTENT",
  ERASURE_NOT_AWAITING: "ERASURE_NOT_AWAITING",
  RUN_NOT_FOUND: "RUN_NOT_FOUND",
  RUN_ENDED: "NOT_CANCELLABLE",
};
