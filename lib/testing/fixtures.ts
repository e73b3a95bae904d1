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
