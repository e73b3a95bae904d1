import { CHILD_AGE_LIMIT, type NewRequest } from "@/lib/requests/schema";

// What someone filing for another person must give beyond the form's schema, checked on the
// server after it (the rules stay out of the form's first load). Pure: ages count on the UTC calendar.

export type Representation = {
  name: string;
  email: string;
  organisation: string | null;
  guardianRelationship: "PARENT" | "LEGAL_GUARDIAN" | null;
  childBirthDate: string | null;
};

/** The problems, by form field; empty when the request is fine. */
export function representationProblems(request: NewRequest, today: Date): Record<string, string> {
  if (request.submittedBy === "SELF") return {};
  const r = request.representative;
  if (!r) return { "representative.name": "Enter your own full name" };
  const problems: Record<string, string> = {};
  if (r.email === request.email) {
    problems["representative.email"] = "Give your own email address here, not the one of the person you ask for: we write to each of you";
  }
  if (request.submittedBy !== "PARENT") return problems;
  if (!r.guardianRelationship) problems["representative.guardianRelationship"] = "Choose how you are related to the child";
  const birth = r.childBirthDate && /^\d{4}-\d{2}-\d{2}$/.test(r.childBirthDate) ? new Date(`${r.childBirthDate}T00:00:00Z`) : null;
  const limit = new Date(Date.UTC(today.getUTCFullYear() - CHILD_AGE_LIMIT, today.getUTCMonth(), today.getUTCDate()));
  const message =
    !birth || Number.isNaN(birth.getTime()) || birth.toISOString().slice(0, 10) !== r.childBirthDate
      ? "Enter the child's date of birth, for example 2014-03-27"
      : birth > today
        ? "The date of birth cannot be in the future"
        : birth <= limit
          ? `A parent or guardian can ask for a child under ${CHILD_AGE_LIMIT}. An adult can ask for themselves, or name you as their authorized agent.`
          : null;
  if (message) problems["representative.childBirthDate"] = message;
  return problems;
}

/** The person acting, with only what their role gives: an agent an organisation, a parent a relationship and the child's birth date. */
export function representationOf(request: NewRequest): Representation | null {
  const r = request.representative;
  if (request.submittedBy === "SELF" || !r) return null;
  return {
    name: r.name,
    email: r.email,
    organisation: request.submittedBy === "AGENT" ? (r.organisation ?? null) : null,
    guardianRelationship: request.submittedBy === "PARENT" ? r.guardianRelationship || null : null,
    childBirthDate: request.submittedBy === "PARENT" ? (r.childBirthDate ?? null) : null,
  };
}
