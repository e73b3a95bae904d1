import { beforeAll, describe, expect, it } from "vitest";
import { AuthorizationError } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { metricsPublished, setMetricsPublished } from "@/lib/reports/publish";
import { createStaff } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

beforeAll(async () => {
  await seed(db);
});

describe("publishing the request metrics", () => {
  it("is an admin's switch, on the admin's own trail, and refused to an officer", async () => {
    const admin = await createStaff("ADMIN");
    const officer = await createStaff("OFFICER");
    await expect(setMetricsPublished(true, officer)).rejects.toBeInstanceOf(AuthorizationError);
    expect(await metricsPublished()).toBe(false);

    expect(await setMetricsPublished(true, admin)).toEqual({ changed: true });
    expect(await metricsPublished()).toBe(true);
    expect(await setMetricsPublished(true, admin)).toEqual({ changed: false });
    await setMetricsPublished(false, admin);
    expect(await metricsPublished()).toBe(false);
    const trail = await db.staffEvent.findMany({ where: { staffId: admin.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(trail).toEqual([
      { action: "settings.metrics_published", actorId: admin.id },
      { action: "settings.metrics_unpublished", actorId: admin.id },
    ]);
  });
});
