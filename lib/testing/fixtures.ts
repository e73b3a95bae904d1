import type { NewRequestInput } from "@/lib/requests/schema";

let counter = 0;

/** A valid request as the form would send it; override what a test cares about. */
export function requestInput(overrides: Partial<Record<string, unknown>> = {}): NewRequestInput {
  counter += 1;
  return {
    type: "ACCESS",
    details: {},
    name: "Ada Lovelace",
    email: `ada.${Date.now().toString(36)}.${counter}@example.test`,
    country: "DE",
    relationship: "ACCOUNT_HOLDER",
    ...overrides,
  } as NewRequestInput;
}

/**
 * What an end user of a customer's chatbot sends (overrides for requestInput): by default about
 * the seed's workspace "acme-help" of Acme Support Ltd, which the routing rules match.
 */
export function endUserAnswers(overrides: Partial<Record<string, unknown>> = {}): Record<string, unknown> {
  return {
    relationship: "CUSTOMER_END_USER",
    workspaceReference: "acme-help",
    dataScope: "WORKSPACE",
    type: "DELETION",
    details: { scope: "ALL" },
    ...overrides,
  };
}
