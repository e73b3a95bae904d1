import type { StaffRole } from "@/lib/generated/prisma/enums";

/**
 * What each role may do. Admins run staff and settings, officers handle requests, auditors read
 * everything with personal fields masked. Every admin action and data function checks one of these.
 */
export const PERMISSIONS = {
  "requests.read": ["ADMIN", "OFFICER", "AUDITOR"],
  "requests.readPersonal": ["ADMIN", "OFFICER"],
  "requests.act": ["ADMIN", "OFFICER"],
  // Registering customers and their workspaces: where requests about workspace content are referred.
  "customers.manage": ["ADMIN", "OFFICER"],
  // Editing the data map (systems, connections and their secrets, collections, fields, import); every staff role may read it.
  "datamap.manage": ["ADMIN"],
  "audit.export": ["ADMIN"],
  "staff.manage": ["ADMIN"],
  "settings.manage": ["ADMIN"],
  // Writing, publishing and deleting drafts of the privacy policy; published versions are public.
  "policy.manage": ["ADMIN"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: StaffRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}

/**
 * Someone acting: a signed-in person, whose role decides, or an API key (lib/api/keys.ts), whose
 * scopes grant permissions one by one and nothing beyond them.
 */
export type Actor = { role: StaffRole; grants?: readonly Permission[] };

/** The check every data function makes: the key's grants when it is a key, else the role's. */
export function allows(actor: Actor, permission: Permission): boolean {
  return actor.grants ? actor.grants.includes(permission) : can(actor.role, permission);
}

export const ROLE_LABELS: Record<StaffRole, string> = {
  ADMIN: "Admin",
  OFFICER: "Privacy officer",
  AUDITOR: "Auditor",
};

/** "jane.doe@example.com" for officers; "j•••@example.com" for auditors and keys without the personal scope. */
export function maskForRole<T extends string | null>(actor: Actor, value: T, mask: (v: string) => string): T | string {
  if (value === null || allows(actor, "requests.readPersonal")) return value;
  return mask(value);
}
