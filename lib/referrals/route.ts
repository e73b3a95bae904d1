import type { DataScope, Relationship, RequestRoute } from "@/lib/generated/prisma/enums";
import { domainAndParents, domainOf, foldName, foldSlug } from "@/lib/referrals/match-key";

// Where a verified request goes. Pure: lib/referrals/route-request.ts loads the candidate
// workspaces (by the keys below, through indexes) and applies these rules inside the
// verification transaction. A match must be certain; anything else goes to the officer.

export type RoutingAnswers = {
  relationship: Relationship;
  dataScope: DataScope | null;
  workspaceReference: string | null;
  companyEmail: string | null;
};

export type CandidateWorkspace = {
  id: string;
  customerId: string;
  name: string;
  slug: string;
  domains: readonly string[];
  customerLegalName: string;
};

export type MatchSignal = "slug" | "domain" | "companyEmailDomain" | "name" | "customerName";

export type RoutingDecision =
  | { route: Extract<RequestRoute, "OPERATOR">; reason: "OPERATOR_DATA" }
  | { route: Extract<RequestRoute, "CUSTOMER" | "SPLIT">; workspaceId: string; customerId: string; signals: MatchSignal[] }
  | {
      route: Extract<RequestRoute, "UNRESOLVED">;
      reason: "UNKNOWN" | "AMBIGUOUS";
      /** Workspaces that matched some signal, for the officer to choose from. */
      candidateIds: string[];
      /** The requester also asked about data the operator controls. */
      includesOperatorData: boolean;
    };

/** The values a candidate lookup must search by: slugs, folded names and host names. */
export type MatchKeys = { slugs: string[]; names: string[]; domains: string[] };

/** Workspace data is in play only for end users of a customer's service. */
export function concernsWorkspaceData(answers: Pick<RoutingAnswers, "relationship">): boolean {
  return answers.relationship === "CUSTOMER_END_USER";
}

export function matchKeys(answers: Pick<RoutingAnswers, "workspaceReference" | "companyEmail">): MatchKeys {
  const reference = answers.workspaceReference?.trim() ?? "";
  const referenceDomain = reference ? domainOf(reference) : null;
  const emailDomain = answers.companyEmail ? domainOf(answers.companyEmail) : null;
  const domains = [referenceDomain, emailDomain].filter((d): d is string => d !== null).flatMap(domainAndParents);
  const name = reference ? foldName(reference) : "";
  return {
    slugs: reference ? [foldSlug(reference)] : [],
    names: name ? [name] : [],
    domains: [...new Set(domains)],
  };
}

/**
 * Decides the route. Every signal the requester gave must point at the same single workspace:
 * two workspaces matching (by one signal or by different ones) is ambiguous, none is unknown.
 */
export function routeRequest(answers: RoutingAnswers, candidates: readonly CandidateWorkspace[]): RoutingDecision {
  if (!concernsWorkspaceData(answers)) return { route: "OPERATOR", reason: "OPERATOR_DATA" };
  const includesOperatorData = answers.dataScope === "WORKSPACE_AND_OPERATOR";

  const reference = answers.workspaceReference?.trim() ?? "";
  const referenceDomain = reference ? domainOf(reference) : null;
  const emailDomain = answers.companyEmail ? domainOf(answers.companyEmail) : null;
  const slug = reference ? foldSlug(reference) : null;
  const name = reference ? foldName(reference) : null;

  const matches = new Map<string, Set<MatchSignal>>();
  const add = (id: string, signal: MatchSignal) => {
    const signals = matches.get(id) ?? new Set<MatchSignal>();
    signals.add(signal);
    matches.set(id, signals);
  };
  if (referenceDomain) for (const id of servingWorkspaces(candidates, referenceDomain)) add(id, "domain");
  if (emailDomain) for (const id of servingWorkspaces(candidates, emailDomain)) add(id, "companyEmailDomain");
  for (const w of candidates) {
    if (slug && w.slug === slug) add(w.id, "slug");
    if (name && foldName(w.name) === name) add(w.id, "name");
    if (name && foldName(w.customerLegalName) === name) add(w.id, "customerName");
  }

  const ids = [...matches.keys()].sort();
  if (ids.length !== 1) {
    return { route: "UNRESOLVED", reason: ids.length === 0 ? "UNKNOWN" : "AMBIGUOUS", candidateIds: ids, includesOperatorData };
  }
  const workspace = candidates.find((w) => w.id === ids[0])!;
  return {
    route: includesOperatorData ? "SPLIT" : "CUSTOMER",
    workspaceId: workspace.id,
    customerId: workspace.customerId,
    signals: [...matches.get(workspace.id)!].sort(),
  };
}

/**
 * The workspaces that serve a host: those listing the host itself or, failing that, its nearest
 * listed parent. A workspace on acme.example also runs help.acme.example, but one that lists
 * help.acme.example exactly is the more specific match and the only one returned.
 */
function servingWorkspaces(candidates: readonly CandidateWorkspace[], host: string): string[] {
  for (const level of domainAndParents(host)) {
    const serving = candidates.filter((w) => w.domains.includes(level)).map((w) => w.id);
    if (serving.length > 0) return serving;
  }
  return [];
}
