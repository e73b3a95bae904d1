import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { allows, can, type Permission } from "@/lib/auth/roles";
import { getAuthOptions } from "@/lib/auth/options";
import type { StaffRole } from "@/lib/generated/prisma/enums";

/** Who acts: a signed-in person, or an API key acting through its own staff row (with `grants`). */
export type StaffUser = { id: string; email: string; name: string | null; role: StaffRole; grants?: readonly Permission[] };

/** Thrown by server actions and data functions; the action wrapper turns it into a message. */
export class AuthorizationError extends Error {
  constructor(readonly code: "UNAUTHENTICATED" | "FORBIDDEN") {
    super(code === "UNAUTHENTICATED" ? "Sign in to continue." : "Your role does not allow this.");
  }
}

/**
 * The signed-in staff member, or null. The session comes from the database through our adapter,
 * which already refuses deactivated staff and returns the current role.
 */
export const getStaff = cache(async (): Promise<StaffUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user as { id?: string; email?: string | null; name?: string | null; role?: StaffRole } | undefined;
  if (!user?.id || !user.email || !user.role) return null;
  return { id: user.id, email: user.email, name: user.name ?? null, role: user.role };
});

/** For server actions and data functions: the real check, whatever the pages did before. */
export async function requirePermission(permission: Permission): Promise<StaffUser> {
  const staff = await getStaff();
  if (!staff) throw new AuthorizationError("UNAUTHENTICATED");
  if (!allows(staff, permission)) throw new AuthorizationError("FORBIDDEN");
  return staff;
}

/** For pages: send signed-out visitors to sign in, and answer 403 to the wrong role. */
export async function requirePagePermission(permission: Permission, callbackPath = "/admin"): Promise<StaffUser> {
  const staff = await getStaff();
  if (!staff) redirect(`/admin/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
  if (!allows(staff, permission)) forbidden();
  return staff;
}
