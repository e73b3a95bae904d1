import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/actions/staff-action";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/mail/outbox";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { nextAuthSecret } from "@/lib/security/tokens";
import { createSignInLink } from "@/lib/staff/sign-in-link";
import { noControlCharacters } from "@/lib/text/control-characters";
import { emailAddress } from "@/lib/text/email-address";

export const INVITE_VALID_HOURS = 72;
const ROLES = ["ADMIN", "OFFICER", "AUDITOR"] as const;

export const InviteSchema = z.object({
  email: emailAddress({ empty: "Enter their work email", format: "Enter an email address in the format name@example.com" }),
  name: z.string().trim().max(200, "Keep the name under 200 characters").check(noControlCharacters()).optional(),
  role: z.enum(ROLES, { error: "Choose a role" }),
});
export const ChangeRoleSchema = z.object({ staffId: z.uuid(), role: z.enum(ROLES, { error: "Choose a role" }) });
export const StaffIdSchema = z.object({ staffId: z.uuid() });

async function audit(tx: Prisma.TransactionClient, staffId: string, actor: StaffUser, action: string, data?: Prisma.InputJsonValue) {
  await tx.staffEvent.create({ data: { staffId, actorId: actor.id, action, data } });
}

/** Active admins other than `exceptId`: the last admin can be neither demoted nor deactivated. */
async function otherActiveAdmins(tx: Prisma.TransactionClient, exceptId: string): Promise<number> {
  return tx.staff.count({ where: { role: "ADMIN", kind: "PERSON", deactivatedAt: null, id: { not: exceptId } } });
}

export async function listStaff() {
  return db.staff.findMany({
    // API keys have their own page (/admin/api-keys).
    where: { kind: "PERSON" },
    select: { id: true, email: true, name: true, role: true, deactivatedAt: true, emailVerified: true, createdAt: true },
    orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
    take: 500,
  });
}

/** Adds a staff member and emails them a sign-in link valid for 72 hours. */
export async function inviteStaff(input: z.output<typeof InviteSchema>, actor: StaffUser): Promise<{ id: string }> {
  const env = getEnv();
  const org = await readOrganizationDetails(db);
  const result = await db.$transaction(async (tx) => {
    const existing = await tx.staff.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new DomainError("STAFF_EXISTS", "Someone with this email is already on the staff list.");
    const staff = await tx.staff.create({
      data: { email: input.email, name: input.name || null, role: input.role, invitedById: actor.id },
      select: { id: true },
    });
    const url = await createSignInLink(tx, {
      email: input.email,
      secret: nextAuthSecret(env.APP_SECRET),
      appUrl: env.APP_URL,
      expiresAt: new Date(Date.now() + INVITE_VALID_HOURS * 3_600_000),
    });
    await enqueueEmail(tx, { template: "staff-sign-in", to: input.email, props: { org, url, expiresInMinutes: INVITE_VALID_HOURS * 60, invited: true } });
    await audit(tx, staff.id, actor, "staff.invited", { role: input.role });
    return staff;
  });
  wakeOutboxWorker();
  return result;
}

export async function changeRole(staffId: string, role: StaffRole, actor: StaffUser): Promise<void> {
  await db.$transaction(async (tx) => {
    const staff = await tx.staff.findUnique({ where: { id: staffId, kind: "PERSON" }, select: { role: true, deactivatedAt: true } });
    if (!staff) throw new DomainError("STAFF_NOT_FOUND", "That staff member no longer exists.");
    if (staff.role === role) return;
    if (staff.role === "ADMIN" && !staff.deactivatedAt && (await otherActiveAdmins(tx, staffId)) === 0) {
      throw new DomainError("LAST_ADMIN", "There must always be an active admin. Make someone else an admin first.");
    }
    await tx.staff.update({ where: { id: staffId }, data: { role } });
    await audit(tx, staffId, actor, "staff.role_changed", { from: staff.role, to: role });
  });
}

/** Deactivates a staff member and ends every session they have, in one transaction. */
export async function deactivateStaff(staffId: string, actor: StaffUser, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const staff = await tx.staff.findUnique({ where: { id: staffId, kind: "PERSON" }, select: { role: true, deactivatedAt: true } });
    if (!staff) throw new DomainError("STAFF_NOT_FOUND", "That staff member no longer exists.");
    if (staff.deactivatedAt) return;
    if (staffId === actor.id) throw new DomainError("SELF_DEACTIVATION", "You can't deactivate yourself. Ask another admin.");
    if (staff.role === "ADMIN" && (await otherActiveAdmins(tx, staffId)) === 0) {
      throw new DomainError("LAST_ADMIN", "There must always be an active admin.");
    }
    await tx.staff.update({ where: { id: staffId }, data: { deactivatedAt: now } });
    const ended = await tx.staffSession.deleteMany({ where: { staffId } });
    await tx.staffSignInToken.deleteMany({ where: { identifier: (await tx.staff.findUniqueOrThrow({ where: { id: staffId }, select: { email: true } })).email } });
    await audit(tx, staffId, actor, "staff.deactivated", { sessionsEnded: ended.count });
  });
}

export async function reactivateStaff(staffId: string, actor: StaffUser): Promise<void> {
  await db.$transaction(async (tx) => {
    const changed = await tx.staff.updateMany({ where: { id: staffId, deactivatedAt: { not: null } }, data: { deactivatedAt: null } });
    if (changed.count) await audit(tx, staffId, actor, "staff.reactivated");
  });
}
