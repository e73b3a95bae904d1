import { describe, expect, it } from "vitest";
import { ReferralStatus } from "@/lib/generated/prisma/enums";
import {
  describeReferral,
  exportPending,
  OPEN_REFERRAL_STATES,
  REFERRAL_FILTER_MATCH,
  REFERRAL_FILTERS,
  referralFilterOf,
  referralState,
} from "@/lib/referrals/state";

const at = new Date("2026-11-22T12:00:00Z");

describe("a referral's state as staff read it", () => {
  it("words each state, with the reminders of one not yet acknowledged", () => {
    expect(describeReferral({ status: "SENT", exportRequestedAt: null, exportDeliveredAt: null, remindersSent: 0 }, 2)).toBe("awaiting acknowledgement");
    expect(describeReferral({ status: "SENT", exportRequestedAt: null, exportDeliveredAt: null, remindersSent: 1 }, 2)).toBe("awaiting acknowledgement (reminder 1 of 2)");
    expect(describeReferral({ status: "ACKNOWLEDGED", exportRequestedAt: null, exportDeliveredAt: null, remindersSent: 1 }, 2)).toBe("acknowledged");
    expect(describeReferral({ status: "ACKNOWLEDGED", exportRequestedAt: at, exportDeliveredAt: null, remindersSent: 0 }, 2)).toBe(
      "acknowledged, export requested",
    );
    // Once we sent the export, nothing waits on us; a new request after that waits again.
    const later = new Date(at.getTime() + 60_000);
    expect(describeReferral({ status: "ACKNOWLEDGED", exportRequestedAt: at, exportDeliveredAt: later, remindersSent: 0 }, 2)).toBe("acknowledged");
    expect(describeReferral({ status: "ACKNOWLEDGED", exportRequestedAt: later, exportDeliveredAt: at, remindersSent: 0 }, 2)).toBe(
      "acknowledged, export requested",
    );
    expect(describeReferral({ status: "ESCALATED", exportRequestedAt: null, exportDeliveredAt: null, remindersSent: 2 }, 2)).toBe("escalated");
    expect(describeReferral({ status: "COMPLETED", exportRequestedAt: null, exportDeliveredAt: null, remindersSent: 0 }, 2)).toBe("completed by customer");
    expect(describeReferral({ status: "REFUSED", exportRequestedAt: null, exportDeliveredAt: null, remindersSent: 0 }, 2)).toBe("refused by customer");
    expect(describeReferral({ status: "WITHDRAWN", exportRequestedAt: null, exportDeliveredAt: null, remindersSent: 0 }, 2)).toBe("withdrawn");
  });

  it("puts every referral under exactly the filter whose SQL matches it", () => {
    for (const status of Object.values(ReferralStatus)) {
      for (const [exportRequestedAt, exportDeliveredAt] of [
        [null, null],
        [at, null],
        [at, new Date(at.getTime() + 1)],
      ] as const) {
        const facts = { status, exportRequestedAt, exportDeliveredAt };
        const filter = referralFilterOf(referralState(facts));
        // What lib/requests/queue-sql.ts asks of the referral row, per filter.
        const matching = REFERRAL_FILTERS.filter((f) => {
          const match = REFERRAL_FILTER_MATCH[f];
          return match.statuses.includes(status) && (match.exportPending === undefined || match.exportPending === exportPending(facts));
        });
        expect(matching, `${status} export requested ${String(exportRequestedAt)} delivered ${String(exportDeliveredAt)}`).toEqual([filter]);
      }
    }
  });

  it("calls closed exactly the referrals that are not open", () => {
    for (const status of Object.values(ReferralStatus)) {
      expect(REFERRAL_FILTER_MATCH.closed.statuses.includes(status), status).toBe(!OPEN_REFERRAL_STATES.includes(status));
    }
  });
});
