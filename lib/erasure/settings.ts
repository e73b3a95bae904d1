import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import { changedFields, recordMapEvent } from "@/lib/datamap/events";
import { mapWrite } from "@/lib/datamap/write";

// Whether an erasure needs a second person: when on, the officer who started an erasure run may
// not approve its dry run (lib/erasure/run.ts). An admin's choice, audited with the data map.

export const ErasureApprovalSchema = z.object({ erasureSecondApprover: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()) });

export async function setErasureSecondApprover(on: boolean, actor: StaffUser): Promise<{ changed: boolean }> {
  return mapWrite(actor, async (tx) => {
    const before = await tx.organizationSettings.findUnique({ where: { id: 1 }, select: { erasureSecondApprover: true } });
    if (!before) throw new DomainError("SETTINGS_MISSING", "The organisation's settings are not set up yet.");
    if (before.erasureSecondApprover === on) return { changed: false };
    await tx.organizationSettings.update({ where: { id: 1 }, data: { erasureSecondApprover: on } });
    await recordMapEvent(tx, { systemId: null, actor, action: "settings.erasure_approval", data: { changed: changedFields({ erasureSecondApprover: before.erasureSecondApprover }, { erasureSecondApprover: on }) } });
    return { changed: true };
  });
}
