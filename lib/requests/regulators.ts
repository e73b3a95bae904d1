import type { Jurisdiction } from "@/lib/generated/prisma/enums";
import { stateLaw } from "@/lib/requests/us-state-laws";

/**
 * Whom a requester can complain to about our answer, as a refusal email names it (GDPR Art. 12(4)
 * asks us to say so; the US state laws send an unhappy appellant to their Attorney General).
 * Wording a person can act on, not a directory: where the authority depends on where they live,
 * we say so.
 */
export const REGULATORS: Readonly<Record<Jurisdiction, string>> = {
  GDPR: "your local data protection authority",
  UK_GDPR: "the Information Commissioner's Office (ico.org.uk)",
  CCPA: "the California Privacy Protection Agency (cppa.ca.gov)",
  US_STATE: "your state's Attorney General",
  LGPD: "the ANPD",
  PDPA_SG: "the PDPC",
  QUEBEC: "the Commission d'accès à l'information",
  OTHER: "your local data protection authority",
};

/** Whom to complain to; for a US state law, that state's Attorney General by name, with the office's website. */
export function regulatorFor(jurisdiction: Jurisdiction, region?: string | null): string {
  const state = jurisdiction === "US_STATE" ? stateLaw(region) : null;
  return state ? `the ${state.state} Attorney General (${state.website})` : REGULATORS[jurisdiction];
}
