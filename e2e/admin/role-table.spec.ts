import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { callAction, findAction } from "../support/actions";
import { createCustomerRow, uniqueTag } from "../support/customers";
import { countReferralPackages, latestReferralId } from "../support/db";
import { createPolicyDraftRow } from "../support/policy";
import { connectAccount, createRequestRow, createStaff, deactivateStaff, signInAs, type Role } from "../support/staff";

// Who gets what. Pages: "sign-in" means sent to the sign-in page, numbers are HTTP statuses.
// Actions: called directly over HTTP, bypassing the UI; "ok" or the refusal code they must answer.
type Who = "anonymous" | "deactivated" | Role;
const WHO: Who[] = ["anonymous", "deactivated", "AUDITOR", "OFFICER", "ADMIN"];
type PageExpect = "sign-in" | 200 | 403;

const page = (anonymous: PageExpect, auditor: PageExpect, officer: PageExpect, admin: PageExpect): Record<Who, PageExpect> => ({
  anonymous,
  deactivated: anonymous,
  AUDITOR: auditor,
  OFFICER: officer,
  ADMIN: admin,
});

// Each test's own rows: a request, a staff member to act on, a customer with two workspaces.
// ownAccountId: a sign-in account connected to the staff member acting; targetAccountId: one of the target's.
type Target = { requestId: string; staffId: string; customerId: string; workspaceId: string; spareWorkspaceId: string; ownAccountId: string; targetAccountId: string; policyDraftId: string };

const PAGES: { path: (t: Target) => string; expect: Record<Who, PageExpect> }[] = [
  { path: () => "/admin", expect: page("sign-in", 200, 200, 200) },
  { path: () => "/admin/requests", expect: page("sign-in", 200, 200, 200) },
  { path: ({ requestId }) => `/admin/requests/${requestId}`, expect: page("sign-in", 200, 200, 200) },
  { path: () => "/admin/staff", expect: page("sign-in", 403, 403, 200) },
  { path: () => "/admin/account", expect: page("sign-in", 200, 200, 200) },
  { path: () => "/admin/customers", expect: page("sign-in", 200, 200, 200) },
  { path: () => "/admin/customers/new", expect: page("sign-in", 403, 200, 200) },
  { path: ({ customerId }) => `/admin/customers/${customerId}`, expect: page("sign-in", 200, 200, 200) },
  { path: () => "/admin/reports", expect: page("sign-in", 200, 200, 200) },
  { path: () => "/admin/templates", expect: page("sign-in", 403, 403, 200) },
  { path: () => "/admin/api-keys", expect: page("sign-in", 403, 403, 200) },
  { path: () => "/admin/api", expect: page("sign-in", 200, 200, 200) },
  { path: () => "/admin/webhooks", expect: page("sign-in", 403, 403, 200) },
  { path: () => "/admin/settings", expect: page("sign-in", 403, 403, 200) },
  { path: () => "/admin/policy", expect: page("sign-in", 403, 403, 200) },
  { path: ({ policyDraftId }) => `/admin/policy/drafts/${policyDraftId}`, expect: page("sign-in", 403, 403, 200) },
];

const ACT = "app/(admin)/admin/(dashboard)/requests/[id]/actions.ts";
const STAFF = "app/(admin)/admin/(dashboard)/staff/actions.ts";
const CUSTOMERS = "app/(admin)/admin/(dashboard)/customers/actions.ts";
const ACCOUNT = "app/(admin)/admin/(dashboard)/account/actions.ts";
const KEYS = "app/(admin)/admin/(dashboard)/api-keys/actions.ts";
type ActionExpect = "ok" | "UNAUTHENTICATED" | "FORBIDDEN";
const acts = (auditor: ActionExpect, officer: ActionExpect, admin: ActionExpect): Record<Who, ActionExpect> => ({
  anonymous: "UNAUTHENTICATED",
  deactivated: "UNAUTHENTICATED",
  AUDITOR: auditor,
  OFFICER: officer,
  ADMIN: admin,
});

// Customer and workspace input that no other run has used (legal names and slugs are unique).
const customer = () => ({ legalName: `Role Table ${uniqueTag()} GmbH`, privacyEmails: "privacy@role-table.example", language: "de", dpaReference: "" });
const workspace = () => ({ name: "Role Table Workspace", slug: `rt-${uniqueTag()}`, domains: "" });

// Each action gets input that would succeed for a permitted role, in an order that walks a fresh
// request through its life (note, assign, acknowledge, ask, extend, deny), so only the role decides.
const ACTIONS: { file: string; name: string; input: (t: Target) => unknown; expect: Record<Who, ActionExpect> }[] = [
  { file: ACT, name: "addNoteAction", input: ({ requestId }) => ({ requestId, note: "role table" }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: ACT, name: "assignAction", input: ({ requestId }) => ({ requestId, assigneeId: null }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: ACT, name: "acknowledgeAction", input: ({ requestId }) => ({ requestId }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: ACT, name: "askForInformationAction", input: ({ requestId }) => ({ requestId, message: "Which account?" }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: ACT, name: "extendAction", input: ({ requestId }) => ({ requestId, reason: "Complexity" }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: ACT, name: "denyAction", input: ({ requestId }) => ({ requestId, reason: "Role table", basis: "OTHER" }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: STAFF, name: "inviteStaffAction", input: () => ({ email: `role-${Date.now()}-${Math.random().toString(36).slice(2)}@staff.test`, role: "AUDITOR" }), expect: acts("FORBIDDEN", "FORBIDDEN", "ok") },
  { file: STAFF, name: "changeRoleAction", input: ({ staffId }) => ({ staffId, role: "OFFICER" }), expect: acts("FORBIDDEN", "FORBIDDEN", "ok") },
  { file: STAFF, name: "deactivateStaffAction", input: ({ staffId }) => ({ staffId }), expect: acts("FORBIDDEN", "FORBIDDEN", "ok") },
  { file: STAFF, name: "reactivateStaffAction", input: ({ staffId }) => ({ staffId }), expect: acts("FORBIDDEN", "FORBIDDEN", "ok") },
  { file: STAFF, name: "removeStaffAccountAction", input: ({ staffId, targetAccountId }) => ({ staffId, accountId: targetAccountId }), expect: acts("FORBIDDEN", "FORBIDDEN", "ok") },
  { file: ACCOUNT, name: "disconnectAccountAction", input: ({ ownAccountId }) => ({ accountId: ownAccountId }), expect: acts("ok", "ok", "ok") },
  { file: CUSTOMERS, name: "createCustomerAction", input: () => customer(), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: CUSTOMERS, name: "updateCustomerAction", input: ({ customerId }) => ({ customerId, ...customer() }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: CUSTOMERS, name: "addWorkspaceAction", input: ({ customerId }) => ({ customerId, ...workspace() }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: CUSTOMERS, name: "updateWorkspaceAction", input: ({ workspaceId }) => ({ workspaceId, ...workspace() }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: CUSTOMERS, name: "removeWorkspaceAction", input: ({ spareWorkspaceId }) => ({ workspaceId: spareWorkspaceId }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: KEYS, name: "createApiKeyAction", input: () => ({ name: `Role table ${uniqueTag()}`, scopes: ["requests:read"], expiresOn: "" }), expect: acts("FORBIDDEN", "FORBIDDEN", "ok") },
];

for (const who of WHO) {
  test(`role table: ${who}`, async ({ page: browserPage, context }) => {
    let ownAccountId: string = randomUUID();
    if (who !== "anonymous") {
      const staff = await createStaff(who === "deactivated" ? "ADMIN" : who);
      ownAccountId = (await connectAccount(staff.id, "github")).id;
      await signInAs(context, staff.id);
      if (who === "deactivated") await deactivateStaff(staff.id);
    }
    const request = await createRequestRow();
    const { customerId, workspaceIds } = await createCustomerRow();
    const targetStaffId = (await createStaff("AUDITOR", "target")).id;
    const target: Target = {
      requestId: request.id,
      staffId: targetStaffId,
      customerId,
      workspaceId: workspaceIds[0],
      spareWorkspaceId: workspaceIds[1],
      ownAccountId,
      targetAccountId: (await connectAccount(targetStaffId, "google")).id,
      policyDraftId: await createPolicyDraftRow(targetStaffId),
    };

    for (const row of PAGES) {
      const path = row.path(target);
      const response = await browserPage.goto(path);
      const wanted = row.expect[who];
      if (wanted === "sign-in") await expect(browserPage, `${who} on ${path}`).toHaveURL(/\/admin\/sign-in/);
      else expect(response?.status(), `${who} on ${path}`).toBe(wanted);
    }

    for (const format of ["json", "csv"]) {
      const response = await context.request.get(`/admin/requests/${request.id}/export?format=${format}`, { maxRedirects: 0 });
      const wanted = who === "ADMIN" ? 200 : who === "anonymous" ? 307 : who === "deactivated" ? 401 : 403;
      expect(response.status(), `${who} exporting ${format}`).toBe(wanted);
    }

    // The queue as CSV: every staff role (an auditor's file masks the addresses).
    const queueCsv = await context.request.get("/admin/requests/export?status=open", { maxRedirects: 0 });
    expect(queueCsv.status(), `${who} exporting the queue`).toBe(who === "anonymous" ? 307 : who === "deactivated" ? 401 : 200);
    // The request metrics as CSV: aggregates, for every staff role.
    const metrics = await context.request.get("/admin/reports/csv?year=2026", { maxRedirects: 0 });
    expect(metrics.status(), `${who} downloading the metrics`).toBe(who === "anonymous" ? 307 : who === "deactivated" ? 401 : 200);

    for (const action of ACTIONS) {
      const { id, page: worker } = findAction(action.file, action.name);
      // The page the action is posted to: a customer's page for customer actions, else the request's.
      const routeId = worker.includes("/customers/") ? customerId : request.id;
      const pagePath = "/" + worker.replace(/^app\//, "").replace(/\/page$/, "").replace(/\([^)]+\)\//g, "").replace("[id]", routeId);
      const result = await callAction(context.request, pagePath, id, action.input(target));
      const wanted = action.expect[who];
      if (wanted === "ok") expect(result.ok, `${who} calling ${action.name}: ${result.text.slice(0, 200)}`).toBe(true);
      else if (who === "anonymous") {
        // The proxy turns signed-out visitors away before the action runs; either refusal is fine.
        expect(result.ok, `${who} calling ${action.name}`).toBe(false);
      } else expect(result.code, `${who} calling ${action.name}: ${result.text.slice(0, 200)}`).toBe(wanted);
    }
  });
}

// The officer's referral actions on the request page: route a request to a workspace, then send
// its referral again, revoke its links, send the customer a workspace export and take it over.
// Called over HTTP in that order, so for a permitted role each one finds the referral the previous
// one left; a refused role never gets as far as the domain, so the referral it names does not even
// have to exist.
test.describe("role table: referral actions", () => {
  const ROUTE = "routeRequestAction";
  const REFERRAL_ACTIONS = ["resendReferralAction", "revokeReferralLinksAction"];
  const TAKE_OVER = "takeOverReferralAction";
  const wanted = acts("FORBIDDEN", "ok", "ok");
  // The export is a file, so a multipart post to a route handler (server actions take 64 KB at most).
  const UPLOAD: Record<Who, { status: number; location?: RegExp }> = {
    anonymous: { status: 307, location: /\/admin\/sign-in/ },
    deactivated: { status: 303, location: /\/admin\/sign-in$/ },
    AUDITOR: { status: 403 },
    OFFICER: { status: 303, location: /\?exportSent=1$/ },
    ADMIN: { status: 303, location: /\?exportSent=1$/ },
  };

  for (const who of WHO) {
    test(`referral actions: ${who}`, async ({ context }) => {
      if (who !== "anonymous") {
        const staff = await createStaff(who === "deactivated" ? "OFFICER" : who);
        await signInAs(context, staff.id);
        if (who === "deactivated") await deactivateStaff(staff.id);
      }
      const request = await createRequestRow();
      const { workspaceIds } = await createCustomerRow();
      const pagePath = `/admin/requests/${request.id}`;
      const call = (name: string, input: unknown) => callAction(context.request, pagePath, findAction(ACT, name).id, input);
      const expectOutcome = (name: string, result: { ok: boolean; code?: string; text: string }) => {
        const expected = wanted[who];
        if (expected === "ok") expect(result.ok, `${who} calling ${name}: ${result.text.slice(0, 200)}`).toBe(true);
        else if (who === "anonymous") expect(result.ok, `${who} calling ${name}`).toBe(false);
        else expect(result.code, `${who} calling ${name}: ${result.text.slice(0, 200)}`).toBe(expected);
      };

      const routed = await call(ROUTE, { requestId: request.id, target: { kind: "WORKSPACE", workspaceId: workspaceIds[0], includesOperatorPart: false } });
      expectOutcome(ROUTE, routed);
      const referralId = (await latestReferralId(request.id)) ?? randomUUID();
      expect(Boolean(await latestReferralId(request.id)), `${who}: a referral exists only if routing was allowed`).toBe(wanted[who] === "ok");
      for (const name of REFERRAL_ACTIONS) expectOutcome(name, await call(name, { requestId: request.id, referralId }));

      const upload = await context.request.post(`${pagePath}/referrals/${referralId}/export`, {
        multipart: { file: { name: "role-table-export.json", mimeType: "application/json", buffer: Buffer.from('{"chats":[]}') } },
        // As the browser's form post would: uploads are refused unless the browser says same-origin.
        headers: { "Sec-Fetch-Site": "same-origin" },
        maxRedirects: 0,
      });
      expect(upload.status(), `${who} sending a workspace export`).toBe(UPLOAD[who].status);
      if (UPLOAD[who].location) expect(upload.headers().location, `${who} sending a workspace export`).toMatch(UPLOAD[who].location!);
      expect(await countReferralPackages(referralId), `${who}: an export is stored only if sending was allowed`).toBe(wanted[who] === "ok" ? 1 : 0);

      expectOutcome(TAKE_OVER, await call(TAKE_OVER, { requestId: request.id, referralId }));
    });
  }
});
