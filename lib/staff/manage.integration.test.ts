import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { openOutboxPayload } from "@/lib/mail/payload";
import { changeRole, deactivateStaff, inviteStaff, reactivateStaff } from "@/lib/staff/manage";
import { seed } from "@/prisma/seed";

let admin: StaffUser;

beforeAll(async () => {
  await seed(db, { adminEmail: "first.admin@example.test" });
  const row = await db.staff.findUniqueOrThrow({ where: { email: "first.admin@example.test" } });
  admin = { id: row.id, email: row.email, name: null, role: "ADMIN" };
});

describe("staff management", () => {
  it("invites with a sign-in link by email and records who did it", async () => {
    const { id } = await inviteStaff({ email: "new.officer@example.test", role: "OFFICER" }, admin);
    const staff = await db.staff.findUniqueOrThrow({ where: { id } });
    expect(staff).toMatchObject({ role: "OFFICER", invitedById: admin.id, deactivatedAt: null });

    const email = await db.emailOutbox.findFirstOrThrow({ where: { template: "staff-sign-in" }, orderBy: { createdAt: "desc" } });
    const { to, props } = openOutboxPayload(email.payload!) as { to: string; props: { url: string; invited: boolean } };
    expect(to).toBe("new.officer@example.test");
    expect(props.invited).toBe(true);
    // The token alone: the address is found from the token's row, never carried in the link.
    expect(props.url).toMatch(/\/api\/auth\/callback\/email\?callbackUrl=%2Fadmin&token=[0-9a-f]{64}$/);
    // Only the token's hash is stored.
    const token = new URL(props.url).searchParams.get("token")!;
    const stored = await db.staffSignInToken.findFirstOrThrow({ where: { identifier: "new.officer@example.test" } });
    expect(stored.tokenHash).not.toBe(token);

    const events = await db.staffEvent.findMany({ where: { staffId: id } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["staff.invited", admin.id]]);

    await expect(inviteStaff({ email: "new.officer@example.test", role: "ADMIN" }, admin)).rejects.toMatchObject({ code: "STAFF_EXISTS" });
  });

  it("never leaves the portal without an active admin", async () => {
    await expect(changeRole(admin.id, "OFFICER", admin)).rejects.toMatchObject({ code: "LAST_ADMIN" });
    await expect(deactivateStaff(admin.id, admin)).rejects.toMatchObject({ code: "SELF_DEACTIVATION" });
    const { id } = await inviteStaff({ email: "second.admin@example.test", role: "ADMIN" }, admin);
    await changeRole(admin.id, "OFFICER", { ...admin });
    expect((await db.staff.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("OFFICER");
    await changeRole(admin.id, "ADMIN", { ...admin, id });
  });

  it("deactivation ends every session at once and is audited; reactivation restores access", async () => {
    const { id } = await inviteStaff({ email: "leaver@example.test", role: "OFFICER" }, admin);
    await db.staffSession.createMany({
      data: [1, 2].map((n) => ({ sessionTokenHash: `hash-${n}-${id}`, staffId: id, expiresAt: new Date(Date.now() + 3_600_000) })),
    });
    await deactivateStaff(id, admin);
    expect(await db.staffSession.count({ where: { staffId: id } })).toBe(0);
    expect(await db.staffSignInToken.count({ where: { identifier: "leaver@example.test" } })).toBe(0);
    expect((await db.staff.findUniqueOrThrow({ where: { id } })).deactivatedAt).not.toBeNull();
    await reactivateStaff(id, admin);
    expect((await db.staff.findUniqueOrThrow({ where: { id } })).deactivatedAt).toBeNull();
    const actions = (await db.staffEvent.findMany({ where: { staffId: id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["staff.invited", "staff.deactivated", "staff.reactivated"]);
    await expect(db.staffEvent.deleteMany({ where: { staffId: id } })).rejects.toThrow(/staff_events is append-only/);
  });
});
