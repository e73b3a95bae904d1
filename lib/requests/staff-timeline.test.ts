import { describe, expect, it } from "vitest";
import { staffEventWording } from "@/lib/requests/staff-timeline";

const customer = { referralId: "r1", customerName: "Acme Support Ltd" };

describe("the request page's timeline wording", () => {
  it("says where the routing rules sent a request, and why one needs routing", () => {
    expect(staffEventWording("request.routed", { route: "UNRESOLVED", reason: "UNKNOWN", candidateIds: [] })).toEqual({
      title: "Needs routing",
      detail: "No workspace matched the requester's answers with certainty.",
    });
    expect(staffEventWording("request.routed", { route: "UNRESOLVED", reason: "AMBIGUOUS", candidateIds: ["a", "b"] }).detail).toBe(
      "The requester's answers matched 2 workspaces, so the rules could not choose one.",
    );
    expect(staffEventWording("request.routed", { route: "SPLIT", workspaceId: "w", signals: ["slug", "domain"] })).toEqual({
      title: "Routed: Split (customer and privacy team)",
      detail: "Matched on the workspace slug, workspace domain.",
    });
    expect(staffEventWording("request.rerouted", { kind: "WORKSPACE", workspaceId: "w", includesOperatorPart: true, fromRoute: "UNRESOLVED" }).detail).toBe(
      "From “Needs routing” to a customer's workspace, with a part we answer ourselves.",
    );
    expect(staffEventWording("request.rerouted", { route: "OPERATOR", fromRoute: "CUSTOMER" }).detail).toBe("From “Customer” to the privacy team only.");
  });

  it("says which file housekeeping deleted, and that its record stays", () => {
    expect(staffEventWording("package.purged", { packageId: "p", workspaceExport: false, graceDays: 30 })).toEqual({
      title: "Data package deleted",
      detail: "Its download link had expired 30 days before. Only the file went: its name, size and checksum stay on record.",
    });
    expect(staffEventWording("package.purged", { packageId: "p", workspaceExport: true, graceDays: 1 }).title).toBe("Workspace export deleted");
  });

  it("names the customer in every referral event", () => {
    const actions = [
      "referral.sent",
      "referral.acknowledged",
      "referral.export_requested",
      "referral.export_delivered",
      "referral.export_downloaded",
      "referral.reminded",
      "referral.escalated",
      "referral.completed",
      "referral.refused",
      "referral.resent",
      "referral.links_revoked",
      "referral.taken_over",
      "referral.withdrawn",
    ];
    for (const action of actions) {
      const wording = staffEventWording(action, { ...customer, reminderNumber: 2, remindersSent: 2, revoked: 1, workspaceName: "Acme Help" });
      expect(wording.title, action).toContain("Acme Support Ltd");
      expect(wording.title, action).not.toContain(action);
    }
    expect(staffEventWording("referral.reminded", { ...customer, reminderNumber: 2 }).title).toBe("Reminder 2 sent to Acme Support Ltd");
    expect(staffEventWording("referral.links_revoked", { ...customer, revoked: 1 }).detail).toMatch(/^1 link stopped working/);
    expect(staffEventWording("referral.export_delivered", { ...customer, packageId: "p1", filename: "acme-help.zip", size: 12_595 })).toEqual({
      title: "Workspace export sent to Acme Support Ltd",
      detail: "Its privacy contacts were emailed a new link to download the file (12.3 KB) from the referral page.",
    });
    expect(staffEventWording("referral.sent", { ...customer, customerContactEmail: "privacy@acme.example", workspaceName: "Acme Help", includesOperatorPart: false })).toEqual({
      title: "Referred to Acme Support Ltd (Acme Help)",
      detail: "Emailed to privacy@acme.example. The customer answers the whole request.",
    });
  });

  it("words the other events and leaves their data to the page", () => {
    expect(staffEventWording("note.added", { note: "Called them" })).toEqual({ title: "Internal note" });
    expect(staffEventWording("request.status_link_sent", null).title).toMatch(/^New status link emailed to the requester/);
    expect(staffEventWording("something.new", null)).toEqual({ title: "something.new" });
  });

  it("words every step of a run, with the systems and counts it carries", () => {
    const run = { runId: "r1" };
    expect(staffEventWording("run.planned", { ...run, kind: "ACCESS", systems: ["Jexi product database", "Finance spreadsheet"], skipped: ["Widget"] })).toEqual({
      title: "Search for the person's data planned",
      detail: "To search: Jexi product database, Finance spreadsheet. 1 system not searched (the plan says why).",
    });
    expect(staffEventWording("run.task_done", { ...run, system: "Jexi product database", recordsFound: 17 })).toEqual({ title: "Jexi product database searched", detail: "17 records found." });
    expect(staffEventWording("run.task_done", { ...run, system: "Finance spreadsheet", answeredByOwner: true, files: 1, nothingFound: false }).detail).toBe("Its owner answered, with 1 file.");
    expect(staffEventWording("run.finished", { ...run, outcome: "FAILED", failed: ["CRM"] }).detail).toBe("Not assembled: CRM failed.");
    expect(staffEventWording("run.erased", { ...run, rows: 12, systems: [{ system: "Jexi product database", rows: 12 }] }).detail).toBe(
      "12 rows deleted or changed (Jexi product database: 12). The records found are deleted.",
    );
    expect(staffEventWording("run.erased", { ...run, rows: 2, systems: [], proof: [{ collection: "members", checked: 2, left: 1 }], left: 1 }).detail).toBe(
      "2 rows deleted or changed. The records found are deleted. Checked afterwards: 1 row still holds what was to be erased (members: 1). Look into it before completing the request.",
    );
    expect(staffEventWording("run.finished", { ...run, outcome: "AWAITING_APPROVAL" }).detail).toBe("Nothing is changed until the dry run is approved (for a workspace erasure, by the customer).");
    expect(staffEventWording("hold.placed", { holdId: "h", scope: "PERSON" }).detail).toMatch(/^The person \(every request from this email address\): erasure is refused/);
    for (const action of ["hold.placed", "hold.lifted", "run.erasure_approved", "run.erasure_resumed", "run.erased", "run.erasure_failed", "run.planned", "run.started", "run.task_done", "run.task_failed", "run.task_retried", "run.owner_asked", "run.owner_reminded", "run.owner_silent", "run.finished", "run.cancelled", "run.released"]) {
      expect(staffEventWording(action, { ...run, system: "CRM" }).title, action).not.toContain(action);
    }
  });

  it("says which email confirmed receipt, and by when it was due", () => {
    expect(staffEventWording("request.receipt_confirmed", { template: "verify-email", dueDate: "2026-12-04" })).toEqual({
      title: "Receipt confirmed to the requester",
      detail: "The email asking them to confirm their address went out; it was due by 4 Dec 2026 (11 CCR §7021(a)).",
    });
  });
});
