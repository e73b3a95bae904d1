import { DomainError } from "@/lib/actions/domain-error";

/** Why a review action was refused, in words for the officer; the codes are stable for the UI. */
export const REVIEW_ERRORS = {
  REVIEW_NOT_FOUND: "We could not find that run.",
  REVIEW_CLOSED: "This run's package can no longer be changed: it was released or the run ended.",
  RECORD_NOT_FOUND: "That record is not in this run's findings.",
  RECORD_ALREADY_EXCLUDED: "That record is already left out.",
  RECORD_NOT_EXCLUDED: "That record is not left out.",
  PACKAGE_NOT_READY: "The package is still being put together. Wait until it is ready, then release it.",
} as const;

export type ReviewErrorCode = keyof typeof REVIEW_ERRORS;

export function refuseReview(code: ReviewErrorCode): DomainError {
  return new DomainError(code, REVIEW_ERRORS[code]);
}
