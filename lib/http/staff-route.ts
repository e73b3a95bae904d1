import "server-only";
import type { Permission } from "@/lib/auth/roles";
import { AuthorizationError, requirePermission, type StaffUser } from "@/lib/auth/staff";

/** The signed-in staff member a route handler needs, or the 401/403 answer to give instead. */
export async function staffOrRefusal(permission: Permission): Promise<{ staff: StaffUser; refusal?: never } | { staff?: never; refusal: Response }> {
  try {
    return { staff: await requirePermission(permission) };
  } catch (error) {
    if (error instanceof AuthorizationError) return { refusal: new Response(error.message, { status: error.code === "UNAUTHENTICATED" ? 401 : 403 }) };
    throw error;
  }
}
