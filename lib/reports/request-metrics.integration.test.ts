import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { DenialBasis, Jurisdiction, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { metricsCsv, requestMetrics } from "@/lib/reports/request-metrics";

// CCPA §7102 metrics against hand-counted requests: categories, outcomes, days to respond, the
// year's bounds in the operator's time zone, and the CCPA-only scope.

async function request(type: RequestType, status: RequestStatus, received: string, closed: string | null = null, jurisdiction: Jurisdiction = "CCPA", denialBasis: DenialBasis | null = null) {
  await db.request.create({
    data: {
      reference: `DSR-${randomUUID().slice(0, 4).toUpperCase()}-${randomUUID().slice(0, 4).toUpperCase()}`,
      type,
      status,
      country: jurisdiction === "CCPA" ? "US" : "DE",
      jurisdiction,
      relationship: "OTHER",
      details: {},
      receivedAt: new Date(received),
      closedAt: closed ? new Date(closed) : null,
      denialBasis,
    },
  });
}

const denied = (deniedUnverifiable: number, deniedExemption: number, deniedUnfounded: number, deniedNotCovered: number, deniedOther: number) => ({
  deniedUnverifiable,
  deniedExemption,
  deniedUnfounded,
  deniedNotCovered,
  deniedOther,
});

describe("request metrics (CCPA §7102)", () => {
  it("counts a year's requests per category, by outcome, with the median and mean days to respond", async () => {
    // 2025 in Los Angeles: 1 Jan 2025 00:00 PST is 08:00 UTC; the year ends at 08:00 UTC on 1 Jan 2026.
    await request("ACCESS", "COMPLETED", "2025-01-01T08:30:00Z", "2025-01-03T08:30:00Z"); // 2 days
    await request("PORTABILITY", "COMPLETED", "2025-06-01T10:00:00Z", "2025-06-11T10:00:00Z"); // 10 days
    await request("ACCESS", "DENIED", "2025-07-01T10:00:00Z", "2025-07-04T10:00:00Z"); // 3 days; denied before bases were asked: other
    await request("ACCESS", "IN_PROGRESS", "2025-12-31T23:00:00Z"); // still 31 Dec in LA
    await request("DELETION", "CLOSED_UNVERIFIED", "2025-03-01T10:00:00Z", "2025-03-31T10:00:00Z"); // not a response
    await request("DELETION", "COMPLETED", "2025-03-02T10:00:00Z", "2025-03-07T10:00:00Z"); // 5 days
    await request("OPT_OUT_SALE", "COMPLETED", "2025-05-05T10:00:00Z", "2025-05-05T22:00:00Z"); // half a day
    // Denials by their basis: each in its own column, an officer's "unverifiable" with the unconfirmed.
    await request("CORRECTION", "DENIED", "2025-08-01T10:00:00Z", "2025-08-02T10:00:00Z", "CCPA", "UNVERIFIABLE");
    await request("CORRECTION", "DENIED", "2025-08-01T10:00:00Z", "2025-08-03T10:00:00Z", "CCPA", "EXEMPTION");
    await request("CORRECTION", "DENIED", "2025-08-01T10:00:00Z", "2025-08-04T10:00:00Z", "CCPA", "UNFOUNDED_OR_EXCESSIVE");
    await request("CORRECTION", "DENIED", "2025-08-01T10:00:00Z", "2025-08-05T10:00:00Z", "CCPA", "NOT_COVERED");
    await request("CORRECTION", "DENIED", "2025-08-01T10:00:00Z", "2025-08-06T10:00:00Z", "CCPA", "OTHER");
    // Outside the year, or not a §7102 category, or not under the CCPA.
    await request("ACCESS", "COMPLETED", "2025-01-01T07:59:00Z", "2025-01-02T07:59:00Z"); // still 2024 in LA
    await request("ACCESS", "COMPLETED", "2026-01-01T08:00:00Z", "2026-01-02T08:00:00Z"); // 2026 in LA
    await request("OBJECTION", "COMPLETED", "2025-04-01T10:00:00Z", "2025-04-02T10:00:00Z");
    await request("DELETION", "COMPLETED", "2025-04-01T10:00:00Z", "2025-04-02T10:00:00Z", "GDPR");

    const rows = await requestMetrics(db, { year: 2025, scope: "ccpa", timeZone: "America/Los_Angeles" });
    expect(rows).toEqual([
      { category: "know", received: 4, complied: 2, ...denied(0, 0, 0, 0, 1), open: 1, medianDays: 3, meanDays: 5 },
      { category: "delete", received: 2, complied: 1, ...denied(1, 0, 0, 0, 0), open: 0, medianDays: 5, meanDays: 5 },
      { category: "correct", received: 5, complied: 0, ...denied(1, 1, 1, 1, 1), open: 0, medianDays: 3, meanDays: 3 },
      { category: "opt_out", received: 1, complied: 1, ...denied(0, 0, 0, 0, 0), open: 0, medianDays: 0.5, meanDays: 0.5 },
      { category: "limit", received: 0, complied: 0, ...denied(0, 0, 0, 0, 0), open: 0, medianDays: null, meanDays: null },
    ]);

    // Every requester: the German deletion counts too.
    const all = await requestMetrics(db, { year: 2025, scope: "all", timeZone: "America/Los_Angeles" });
    expect(all.find((r) => r.category === "delete")).toMatchObject({ received: 3, complied: 2 });
    // In UTC the boundary moves: the request at 07:59 UTC on 1 January is 2025's too, and the one
    // at 08:00 on 1 January 2026 (still 2025 nowhere) is not.
    const utc = await requestMetrics(db, { year: 2025, scope: "ccpa", timeZone: "UTC" });
    expect(utc.find((r) => r.category === "know")).toMatchObject({ received: 5, complied: 3, open: 1 });
    // A year with nothing: every category at zero.
    expect((await requestMetrics(db, { year: 2021, scope: "all", timeZone: "UTC" })).every((r) => r.received === 0 && r.medianDays === null)).toBe(true);

    const csv = metricsCsv(rows, 2025, "ccpa").split("\r\n");
    expect(csv[0]).toBe(
      "year,requests,category,received,complied_with_in_whole_or_in_part,denied_unverifiable,denied_exception_in_law,denied_unfounded_or_excessive,denied_no_such_right,denied_other_reasons,still_open,median_days_to_respond,mean_days_to_respond",
    );
    expect(csv[1]).toBe('2025,California (CCPA),"Requests to know (access and export)",4,2,0,0,0,0,1,1,3.0,5.0');
    expect(csv[3]).toBe('2025,California (CCPA),"Requests to correct",5,0,1,1,1,1,1,0,3.0,3.0');
    expect(csv[5]).toBe('2025,California (CCPA),"Requests to limit the use of sensitive personal information",0,0,0,0,0,0,0,0,,');
  });
});
