import "server-only";
import { DomainError } from "@/lib/actions/domain-error";
import { allows } from "@/lib/auth/roles";
import { AuthorizationError, type StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";

// Whether the past years' request metrics are public (CCPA §7102(a): a business over the threshold
// publishes them in its privacy policy or a page it links). Admins switch it; each change is on the
// admin's own staff trail.

export async function metricsPublished(client: Pick<typeof db, "organizationSettings"> = db): Promise<boolean> {
  const settings = await client.organizationSettings.findUnique({ where: { id: 1 }, select: { publishRequestMetrics: true } });
  return settings?.publishRequestMetrics ?? false;
}

export async function setMetricsPublished(on: boolean, actor: StaffUser): Promise<{ changed: boolean }> {
  if (!allows(actor, "settings.manage")) throw new AuthorizationError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const before = await tx.organizationSettings.findUnique({ where: { id: 1 }, select: { publishRequestMetrics: true } });
    if (!before) throw new DomainError("SETTINGS_MISSING", "The organisation's settings are not set up yet.");
    if (before.publishRequestMetrics === on) return { changed: false };
    await tx.organizationSettings.update({ where: { id: 1 }, data: { publishRequestMetrics: on } });
    await tx.staffEvent.create({ data: { staffId: actor.id, actorId: actor.id, action: on ? "settings.metrics_published" : "settings.metrics_unpublished", data: { publishRequestMetrics: on } } });
    return { changed: true };
  });
}
