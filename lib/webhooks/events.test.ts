import { describe, expect, it } from "vitest";
import { webhookEventsFor } from "@/lib/webhooks/events";

describe("webhookEventsFor", () => {
  it("turns a status change into status_changed, and names verification and completion", () => {
    expect(webhookEventsFor({ action: "request.verified", fromStatus: "PENDING_VERIFICATION", toStatus: "RECEIVED" }).map((c) => c.type)).toEqual([
      "request.status_changed",
      "request.verified",
    ]);
    expect(webhookEventsFor({ action: "request.completed", fromStatus: "IN_PROGRESS", toStatus: "COMPLETED" }).map((c) => c.type)).toEqual([
      "request.status_changed",
      "request.completed",
    ]);
    // An extension keeps the status: nothing to tell.
    expect(webhookEventsFor({ action: "request.deadline_extended", fromStatus: "IN_PROGRESS", toStatus: "IN_PROGRESS" })).toEqual([]);
    expect(webhookEventsFor({ action: "note.added" })).toEqual([]);
  });

  it("gives a referral's new state and a run's outcome, and copies no free text from the event", () => {
    expect(webhookEventsFor({ action: "referral.refused", data: { referralId: "r1", note: "Ada asked us to stop" } })).toEqual([
      { type: "referral.changed", data: { referralId: "r1", state: "refused", action: "referral.refused" } },
    ]);
    expect(webhookEventsFor({ action: "run.erased", data: { runId: "x", rows: 3 } })).toEqual([{ type: "run.finished", data: { runId: "x", outcome: "erased", action: "run.erased" } }]);
    expect(webhookEventsFor({ action: "referral.reminded", data: { referralId: "r1" } })).toEqual([]);
  });
});
