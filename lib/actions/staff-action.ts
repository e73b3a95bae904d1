import "server-only";
import type { z } from "zod";
import { DomainError } from "@/lib/actions/domain-error";
import { failure, fieldErrorsFrom, type ActionResult } from "@/lib/actions/result";
import type { Permission } from "@/lib/auth/roles";
import { AuthorizationError, requirePermission, type StaffUser } from "@/lib/auth/staff";
import { logError } from "@/lib/log";

export { DomainError };

/**
 * The shape of every dashboard server action: parse the typed input with its schema, check the
 * role (the real check, whatever the page showed), run the domain, and answer with a result the
 * form can show. Unexpected errors are logged without personal data and answered generically.
 */
export function staffAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  handler: (input: z.output<S>, staff: StaffUser) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error) };
    try {
      const staff = await requirePermission(permission);
      return { ok: true, data: await handler(parsed.data, staff) };
    } catch (error) {
      if (error instanceof AuthorizationError) return failure(error.message, error.code);
      if (error instanceof DomainError) return failure(error.message, error.code);
      logError("staff_action.failed", error, { permission });
      return failure("That did not work because of a problem on our side. Nothing was changed; please try again.", "INTERNAL");
    }
  };
}
