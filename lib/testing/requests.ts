import { expect } from "vitest";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus, StaffRole } from "@/lib/generated/prisma/enums";
import { openOutboxPayload } from "@/lib/mail/payload";
import type { EmailTemplateName } from "@/lib/mail/templates";
import { submitRequest } from "@/lib/requests/submit";
import { endUserAnswers, requestInput } from "@/lib/testing/fixtures";
import { verifyByLink } from "@/lib/verification/verify";

// Helpers for integration tests of request handling: requests are made the way people make them
// (submitted, then confirmed with the emailed link), and secrets are read from the sealed outbox.

let staffCounter = 0;

/** A verified request (status RECEIVED) and the status token its acknowledgement email carries. */
export async function verifiedRequest(
  overrides: Record<string, unknown> = {},
  now = new Date(),
): Promise<{ requestId: string; statusToken: string; email: string }> {
  const input = requestInput(overrides);
  const submitted = await submitRequest(input, { ip: null, now });
  if (!submitted.ok || !submitted.data.verificationRequired) throw new Error("expected a request waiting for verification");
  const { requestId } = submitted.data;
  const { verifyUrl } = (await latestEmail(requestId, "verify-email")).props as { verifyUrl: string };
  const verified = await verifyByLink(verifyUrl.split("/").pop()!, now);
  if (!verified.ok) throw new Error(`verification failed: ${verified.code}`);
  return { requestId, statusToken: tokenOf(verified.statusPath), email: String(input.email) };
}

/**
 * A verified request of an end user of the seed's workspace "acme-help" (endUserAnswers), which the
 * routing rules refer to Acme Support Ltd; with its referral and the link the customer's email carries.
 */
export async function referredRequest(overrides: Record<string, unknown> = {}, now = new Date()) {
  const request = await verifiedRequest(endUserAnswers(overrides), now);
  const referral = await db.referral.findFirstOrThrow({ where: { requestId: request.requestId } });
  const { referralUrl } = (await latestEmail(request.requestId, "referral-to-customer")).props as { referralUrl: string };
  return { ...request, referral, token: tokenOf(referralUrl) };
}

/** A staff row, as an admin's invitation would create it, and the user the session would give. */
export async function createStaff(role: StaffRole, overrides: { deactivatedAt?: Date; name?: string } = {}): Promise<StaffUser> {
  staffCounter += 1;
  const row = await db.staff.create({
    data: {
      email: `staff.${Date.now().toString(36)}.${staffCounter}@jexi.test`,
      name: overrides.name ?? `${role.toLowerCase()} ${staffCounter}`,
      role,
      deactivatedAt: overrides.deactivatedAt ?? null,
    },
    select: { id: true, email: true, name: true, role: true },
  });
  return row;
}

/** The newest queued email of a template for the request, opened as the worker would. */
export async function latestEmail(requestId: string, template: EmailTemplateName): Promise<{ to: string; props: Record<string, unknown> }> {
  const row = await db.emailOutbox.findFirstOrThrow({
    where: { requestId, template },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const payload = openOutboxPayload(row.payload!);
  return { to: payload.to, props: payload.props as Record<string, unknown> };
}

export async function templatesOf(requestId: string): Promise<string[]> {
  const rows = await db.emailOutbox.findMany({ where: { requestId }, orderBy: { createdAt: "asc" }, select: { template: true } });
  return rows.map((r) => r.template);
}

export async function eventsOf(requestId: string) {
  return db.requestEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } });
}

export async function lastEvent(requestId: string) {
  return db.requestEvent.findFirstOrThrow({ where: { requestId }, orderBy: { id: "desc" } });
}

/** The token at the end of a status path or URL. */
export function tokenOf(pathOrUrl: string): string {
  return pathOrUrl.split("/").pop()!;
}

/** Asserts a refusal with its stable code, and that it is a DomainError, not a crash. */
export async function expectRefusal(promise: Promise<unknown>, code: string, why?: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected a refusal with ${code}`).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (why) expect((error as DomainError).message).toMatch(why);
}

/**
 * A request row written directly, for figures counted from hand-made rows (dashboard, digest,
 * metrics): an access request from Germany unless `fields` say otherwise.
 */
export async function requestRow(status: RequestStatus, fields: Partial<Prisma.RequestUncheckedCreateInput> = {}): Promise<void> {
  await db.request.create({
    data: {
      reference: `DSR-${randomUUID().slice(0, 4).toUpperCase()}-${randomUUID().slice(0, 4).toUpperCase()}`,
      type: "ACCESS",
      status,
      country: "DE",
      jurisdiction: "GDPR",
      relationship: "OTHER",
      details: {},
      receivedAt: new Date(),
      ...fields,
    },
  });
}
