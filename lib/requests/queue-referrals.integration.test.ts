import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { acknowledgeReferral, closeReferral, requestWorkspaceExport } from "@/lib/referrals/customer";
import { deliverWorkspaceExport } from "@/lib/referrals/export";
import { runReferralFollowUps } from "@/lib/referrals/follow-up";
import { rerouteRequest, takeOverReferral } from "@/lib/referrals/officer";
import { queryQueue } from "@/lib/requests/queue";
import { parseQueueFilters, type QueueFilters } from "@/lib/requests/queue-filters";
import { queueCountsSql, queuePageSql } from "@/lib/requests/queue-sql";
import { endUserAnswers } from "@/lib/testing/fixtures";
import { createStaff, latestEmail, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// The queue's route and referral columns and filters, on requests that got where they are the way
// real ones do: routed at confirmation, answered through the customer's link, reminded and
// escalated by the follow-up job, taken over or re-routed by the officer.

const DAY = 86_400_000;
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

let officer: StaffUser;
let auditor: StaffUser;
const ids: Record<string, string> = {};

async function referred(name: string, overrides: Record<string, unknown> = {}, now = new Date()) {
  const { requestId } = await verifiedRequest(endUserAnswers(overrides), now);
  ids[name] = requestId;
  const referral = await db.referral.findFirstOrThrow({ where: { requestId } });
  const token = ((await latestEmail(requestId, "referral-to-customer")).props.referralUrl as string).split("/").pop()!;
  return { requestId, referral, token };
}

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
  auditor = await createStaff("AUDITOR");
  const { REFERRAL_REMINDER_DAYS: days, REFERRAL_MAX_REMINDERS: max } = getEnv();

  ids.operator = (await verifiedRequest()).requestId;
  ids.unresolved = (await verifiedRequest(endUserAnswers({ workspaceReference: "Initech Helpdesk" }))).requestId;
  await referred("awaiting");
  await referred("split", { dataScope: "WORKSPACE_AND_OPERATOR" });

  // Long ago, so that the follow-up job, which takes every due referral, touches only these two.
  const escalatedAt = new Date("2019-01-07T09:00:00Z");
  await referred("escalated", {}, escalatedAt);
  for (let step = 0, at = escalatedAt; step <= max; step++) {
    at = plus(at, days * DAY + 1000);
    await runReferralFollowUps(db, at);
  }
  const remindedAt = new Date("2020-01-07T09:00:00Z");
  await referred("reminded", {}, remindedAt);
  await runReferralFollowUps(db, plus(remindedAt, days * DAY + 1000));

  await acknowledgeReferral((await referred("acknowledged")).token);
  await requestWorkspaceExport((await referred("export")).token);
  // Asked, and sent: nothing waits on us any more.
  const delivered = await referred("delivered");
  await requestWorkspaceExport(delivered.token);
  await deliverWorkspaceExport(
    delivered.referral.id,
    { filename: "export.json", contentType: "application/json", bytes: new Uint8Array([123, 125]) },
    officer,
  );
  await closeReferral((await referred("completed")).token, "COMPLETED", "Deleted.");
  await takeOverReferral((await referred("takenOver")).referral.id, officer);
  const { requestId: reroutedId } = await referred("rerouted");
  const globex = await db.workspace.findUniqueOrThrow({ where: { slug: "globex" } });
  await rerouteRequest(reroutedId, { kind: "WORKSPACE", workspaceId: globex.id, includesOperatorPart: false }, officer);
});

const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;

async function names(filters: Omit<QueueFilters, "sort">, viewer: StaffUser = officer): Promise<string[]> {
  const page = await queryQueue({ sort: "due", ...filters }, viewer);
  return page.rows.map((r) => nameOf(r.id)).sort();
}

describe("the queue's route and referral columns", () => {
  it("shows each request's route and its latest referral's customer and state", async () => {
    const page = await queryQueue({ sort: "due" }, officer);
    const shown = Object.fromEntries(
      page.rows.map((r) => [nameOf(r.id), [r.route, r.referral ? `${r.referral.customerName} · ${r.referral.description}` : null]]),
    );
    const max = getEnv().REFERRAL_MAX_REMINDERS;
    expect(shown).toEqual({
      operator: ["OPERATOR", null],
      unresolved: ["UNRESOLVED", null],
      awaiting: ["CUSTOMER", "Acme Support Ltd · awaiting acknowledgement"],
      split: ["SPLIT", "Acme Support Ltd · awaiting acknowledgement"],
      escalated: ["CUSTOMER", "Acme Support Ltd · escalated"],
      reminded: ["CUSTOMER", `Acme Support Ltd · awaiting acknowledgement (reminder 1 of ${max})`],
      acknowledged: ["CUSTOMER", "Acme Support Ltd · acknowledged"],
      export: ["CUSTOMER", "Acme Support Ltd · acknowledged, export requested"],
      delivered: ["CUSTOMER", "Acme Support Ltd · acknowledged"],
      completed: ["CUSTOMER", "Acme Support Ltd · completed by customer"],
      takenOver: ["OPERATOR", "Acme Support Ltd · withdrawn"],
      // The open referral, not the one withdrawn when it was re-routed.
      rerouted: ["CUSTOMER", "Globex Retail GmbH · awaiting acknowledgement"],
    });
  });

  it("shows auditors the same", async () => {
    const asOfficer = await queryQueue({ sort: "due" }, officer);
    const asAuditor = await queryQueue({ sort: "due" }, auditor);
    expect(asAuditor.rows.map((r) => [r.id, r.route, r.referral])).toEqual(asOfficer.rows.map((r) => [r.id, r.route, r.referral]));
  });
});

describe("the queue's route and referral filters", () => {
  it("filters by route, needs routing included", async () => {
    expect(await names({ route: "UNRESOLVED" })).toEqual(["unresolved"]);
    expect(await names({ route: "OPERATOR" })).toEqual(["operator", "takenOver"]);
    expect(await names({ route: "SPLIT" })).toEqual(["split"]);
    expect(await names({ route: "CUSTOMER" })).toEqual([
      "acknowledged",
      "awaiting",
      "completed",
      "delivered",
      "escalated",
      "export",
      "reminded",
      "rerouted",
    ]);
  });

  it("filters by the state of the request's referral", async () => {
    expect(await names({ referral: "awaiting" })).toEqual(["awaiting", "reminded", "rerouted", "split"]);
    expect(await names({ referral: "acknowledged" })).toEqual(["acknowledged", "delivered"]);
    expect(await names({ referral: "export" })).toEqual(["export"]);
    expect(await names({ referral: "escalated" })).toEqual(["escalated"]);
    // Closed: referrals ended and none open; a re-routed request waits on its new one.
    expect(await names({ referral: "closed" })).toEqual(["completed", "takenOver"]);
    expect(await names({ referral: "awaiting", route: "SPLIT" })).toEqual(["split"]);
  });

  it("counts referred requests and keeps them in the open views and the due filters", async () => {
    const referredNow = ["acknowledged", "awaiting", "delivered", "export", "reminded", "rerouted"];
    expect(await names({ status: "REFERRED" })).toEqual(referredNow);
    const open = await names({ status: "open" });
    expect(open).toEqual([...referredNow, "escalated", "operator", "split", "takenOver", "unresolved"].sort());
    expect(open).not.toContain("completed");
    // The two old ones are past their deadline, one of them with the customer.
    expect(await names({ due: "overdue" })).toEqual(["escalated", "reminded"]);

    const page = await queryQueue({ sort: "due", route: "CUSTOMER" }, officer);
    expect(Object.fromEntries(page.counts.map((c) => [c.status, c.count]))).toEqual({
      PENDING_VERIFICATION: 0,
      MERGED: 0,
      CLOSED_SPAM: 0,
      RECEIVED: 1,
      IN_PROGRESS: 0,
      AWAITING_REQUESTER: 0,
      REFERRED: 6,
      COMPLETED: 1,
      DENIED: 0,
      CLOSED_UNVERIFIED: 0,
    });
  });

  it("reads the filters from the URL", async () => {
    const page = await queryQueue(parseQueueFilters({ route: "UNRESOLVED", referral: "" }), officer);
    expect(page.rows.map((r) => nameOf(r.id))).toEqual(["unresolved"]);
  });
});

describe("the statements behind the referral views", () => {
  // Planning only: each statement is valid SQL for every filter, and a referral filter is a
  // semi-join on referrals, never a scan of them per request.
  it("plan for every route and referral filter, in both orders", async () => {
    const context = { viewerId: officer.id, personal: true, timeZone: "UTC", today: new Date().toISOString().slice(0, 10) };
    for (const params of [
      { route: "UNRESOLVED" },
      { route: "SPLIT", status: "open" },
      ...["awaiting", "acknowledged", "export", "escalated", "closed"].map((referral) => ({ referral })),
    ]) {
      for (const sort of ["due", "received"]) {
        const filters = parseQueueFilters({ ...params, sort });
        for (const sql of [queuePageSql(filters, context), queueCountsSql(filters, context)]) {
          const plan = JSON.stringify(await db.$queryRaw(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`));
          expect(plan, JSON.stringify(params)).not.toMatch(/"Node Type":"Seq Scan","Parent Relationship":"SubPlan"/);
        }
      }
    }
  });
});
