import { expect, test } from "@playwright/test";
import { callAction, findAction } from "../support/actions";
import { createRequestRow, createStaff, deactivateStaff, signInAs, type Role } from "../support/staff";

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

const PAGES: { path: (requestId: string) => string; expect: Record<Who, PageExpect> }[] = [
  { path: () => "/admin", expect: page("sign-in", 200, 200, 200) },
  { path: () => "/admin/requests", expect: page("sign-in", 200, 200, 200) },
  { path: (id) => `/admin/requests/${id}`, expect: page("sign-in", 200, 200, 200) },
  { path: () => "/admin/staff", expect: page("sign-in", 403, 403, 200) },
];

const ACT = "app/(admin)/admin/(dashboard)/requests/[id]/actions.ts";
const STAFF = "app/(admin)/admin/(dashboard)/staff/actions.ts";
type ActionExpect = "ok" | "UNAUTHENTICATED" | "FORBIDDEN";
const acts = (auditor: ActionExpect, officer: ActionExpect, admin: ActionExpect): Record<Who, ActionExpect> => ({
  anonymous: "UNAUTHENTICATED",
  deactivated: "UNAUTHENTICATED",
  AUDITOR: auditor,
  OFFICER: officer,
  ADMIN: admin,
});

// Each action gets input that would succeed for a permitted role, in an order that walks a fresh
// request through its life (note, assign, acknowledge, ask, extend, deny), so only the role decides.
type Target = { requestId: string; staffId: string };
const ACTIONS: { file: string; name: string; input: (t: Target) => unknown; expect: Record<Who, ActionExpect> }[] = [
  { file: ACT, name: "addNoteAction", input: ({ requestId }) => ({ requestId, note: "role table" }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: ACT, name: "assignAction", input: ({ requestId }) => ({ requestId, assigneeId: null }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: ACT, name: "acknowledgeAction", input: ({ requestId }) => ({ requestId }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: ACT, name: "askForInformationAction", input: ({ requestId }) => ({ requestId, message: "Which account?" }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: ACT, name: "extendAction", input: ({ requestId }) => ({ requestId, reason: "Complexity" }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: ACT, name: "denyAction", input: ({ requestId }) => ({ requestId, reason: "Role table" }), expect: acts("FORBIDDEN", "ok", "ok") },
  { file: STAFF, name: "inviteStaffAction", input: () => ({ email: `role-${Date.now()}-${Math.random().toString(36).slice(2)}@staff.test`, role: "AUDITOR" }), expect: acts("FORBIDDEN", "FORBIDDEN", "ok") },
  { file: STAFF, name: "changeRoleAction", input: ({ staffId }) => ({ staffId, role: "OFFICER" }), expect: acts("FORBIDDEN", "FORBIDDEN", "ok") },
  { file: STAFF, name: "deactivateStaffAction", input: ({ staffId }) => ({ staffId }), expect: acts("FORBIDDEN", "FORBIDDEN", "ok") },
  { file: STAFF, name: "reactivateStaffAction", input: ({ staffId }) => ({ staffId }), expect: acts("FORBIDDEN", "FORBIDDEN", "ok") },
];

for (const who of WHO) {
  test(`role table: ${who}`, async ({ page: browserPage, context }) => {
    if (who !== "anonymous") {
      const staff = await createStaff(who === "deactivated" ? "ADMIN" : who);
      await signInAs(context, staff.id);
      if (who === "deactivated") await deactivateStaff(staff.id);
    }
    const request = await createRequestRow();
    const target: Target = { requestId: request.id, staffId: (await createStaff("AUDITOR", "target")).id };

    for (const row of PAGES) {
      const path = row.path(request.id);
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

    for (const action of ACTIONS) {
      const { id, page: worker } = findAction(action.file, action.name);
      const pagePath = "/" + worker.replace(/^app\//, "").replace(/\/page$/, "").replace(/\([^)]+\)\//g, "").replace("[id]", request.id);
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
