import type { Permission } from "@/lib/auth/roles";

/**
 * What an API key may do. A key holds only the scopes its admin ticked; each scope grants the
 * permissions of lib/auth/roles.ts that its endpoints need, and nothing more. Personal fields stay
 * masked, as for an auditor, unless the key holds `requests:personal`.
 */
export const API_SCOPES = [
  "requests:read",
  "requests:personal",
  "requests:write",
  "requests:verify",
  "records:export",
  "customers:read",
  "customers:write",
  "runs:write",
] as const;

export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_INFO: Record<ApiScope, { label: string; description: string; grants: readonly Permission[] }> = {
  "requests:read": {
    label: "Read requests",
    description: "List and read requests, their deadlines and public timeline. Names, addresses and what people wrote stay masked.",
    grants: ["requests.read"],
  },
  "requests:personal": {
    label: "Read personal data",
    description: "Unmask requesters' names, addresses and what they wrote. Give it only to a system that must show them.",
    grants: ["requests.readPersonal"],
  },
  "requests:write": {
    label: "File and handle requests",
    description: "File requests on behalf of a channel, and acknowledge, ask, extend, deny, complete and route them.",
    grants: ["requests.act"],
  },
  "requests:verify": {
    label: "Vouch for identity",
    description: "File a request as already verified, because the channel knows the person (a signed-in account). Recorded as such.",
    grants: [],
  },
  "records:export": {
    label: "Export records",
    description: "Download a request's full record, as an admin can for a regulator.",
    grants: ["audit.export"],
  },
  "customers:read": {
    label: "Read customers",
    description: "List and read customers and their workspaces.",
    grants: ["requests.read"],
  },
  "customers:write": {
    label: "Register customers",
    description: "Register customers and add workspaces to them.",
    grants: ["customers.manage"],
  },
  "runs:write": {
    label: "Start data runs",
    description: "Start a run that finds, exports or erases a person's data in the connected systems, and read its progress.",
    grants: ["requests.act"],
  },
};

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** The permissions a set of scopes grants, each once. */
export function grantsOf(scopes: readonly string[]): Permission[] {
  return [...new Set(scopes.filter(isApiScope).flatMap((s) => SCOPE_INFO[s].grants))];
}
