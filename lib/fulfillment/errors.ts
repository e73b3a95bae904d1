import { DomainError } from "@/lib/actions/domain-error";

/** Why a run action was refused, in words for the officer; the codes are stable for the UI. */
export const RUN_ERRORS = {
  RUN_NOT_FOUND: "We could not find that run.",
  RUN_NOT_ALLOWED: "Only a verified access, export, deletion or correction request can be searched for in the systems.",
  IDENTITY_NOT_CONFIRMED: "The identity check of this request has not passed: decide on it under Identity check first.",
  ERASURE_NOT_AWAITING: "This erasure is not waiting for approval (approved already, cancelled, or still searching).",
  LEGAL_HOLD: "This request or the person is under legal hold: erasure is refused until the hold is lifted (the request page says why and since when).",
  ERASURE_NEEDS_SECOND_APPROVER: "Another officer must approve this erasure: you started its run, and an admin asked for a second person.",
  RUN_ACTIVE: "This request already has a run in progress or waiting for review. Cancel it first.",
  RUN_NOT_PLANNED: "This run has already started or was cancelled.",
  RUN_ENDED: "This run has already ended.",
  RUN_NOTHING_TO_SEARCH: "The data map has no system to search yet. Add systems on the Data map page first.",
  TASK_NOT_FAILED: "Only a failed system can be retried.",
  TASK_NOT_FOUND: "We could not find that task.",
  CORRECTION_NOT_PROPOSING: "New values can be proposed only while the correction waits for approval (not once it is approved or cancelled).",
  CORRECTION_NOTHING_PROPOSED: "Propose at least one new value before approving the correction.",
  CORRECTION_EMPTY: "Enter at least one new value: a field left empty stays as it is.",
  CORRECTION_FIELD_UNKNOWN: "One of the fields is no longer correctable or no longer holds what the run found. Reload the page and propose again.",
  CORRECTION_NEEDS_SECOND_APPROVER: "Another officer must approve this correction: you proposed its new values, and an admin asked for a second person.",
} as const;

export type RunErrorCode = keyof typeof RUN_ERRORS;

export function refuseRun(code: RunErrorCode): DomainError {
  return new DomainError(code, RUN_ERRORS[code]);
}
