import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { AuthorizationError } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { parseQueueFilters } from "@/lib/requests/queue-filters";
import { EXPORT_CHUNK, exportQueueCsv, recordQueueExport } from "@/lib/requests/queue-export";
import { createStaff } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// The queue as CSV: every matching request across more than one chunk, in the queue's order, the
// requester's address masked for an auditor, and each export on the exporter's trail.

const TAG = `X${randomUUID().slice(0, 3).toUpperCase()}`;
const COUNT = EXPORT_CHUNK + 150;

beforeAll(async () => {
  await seed(db);
  const start = Date.parse("2026-06-01T00:00:00Z");
  await db.request.createMany({
    data: Array.from({ length: COUNT }, (_, i) => ({
      reference: `DSR-${TAG}${String(i).padStart(1, "0").slice(-1)}-${String(i).padStart(4, "0")}`,
      type: i % 2 ? "ACCESS" : "DELETION",
      status: i % 3 ? "RECEIVED" : "COMPLETED",
      country: "DE",
      jurisdiction: "GDPR",
      relationship: "OTHER",
      details: {},
      requesterEmail: `person${i}.${TAG.toLowerCase()}@example.com`,
      receivedAt: new Date(start + i * 60_000),
      dueAt: new Date(start + 30 * 86_400_000),
    })),
  });
}, 60_000);

async function collect(chunks: AsyncGenerator<string>): Promise<string[]> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text.trimEnd().split("\r\n");
}

describe("the queue as CSV", () => {
  it("streams every request the filters match, past one chunk, in the queue's order", async () => {
    const officer = await createStaff("OFFICER");
    const lines = await collect(exportQueueCsv(parseQueueFilters({ type: "DELETION", sort: "received" }), officer));
    expect(lines[0]).toBe("reference,type,status,route,referral,law,received_at,email_confirmed_at,due_date,extended,assignee,requester_email");
    const mine = lines.slice(1).filter((l) => l.includes(TAG.toLowerCase()));
    expect(mine).toHaveLength(Math.ceil(COUNT / 2));
    // Newest first, as sorted; every row whole.
    expect(mine[0]).toMatch(new RegExp(`^DSR-${TAG}\\d-${String(COUNT - 2).padStart(4, "0")},Delete my data,`));
    expect(mine.at(-1)).toContain(`person0.${TAG.toLowerCase()}@example.com`);
    expect(mine.every((l) => l.split(",").length === 12)).toBe(true);
  });

  it("masks the requester's address for an auditor, and refuses an auditor's address search", async () => {
    const auditor = await createStaff("AUDITOR");
    const lines = await collect(exportQueueCsv(parseQueueFilters({ status: "COMPLETED" }), auditor));
    const mine = lines.filter((l) => l.includes(`DSR-${TAG}`));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.join("\n")).not.toMatch(new RegExp(`person\\d+\\.${TAG.toLowerCase()}@`));
    await expect(collect(exportQueueCsv(parseQueueFilters({ q: `person1.${TAG.toLowerCase()}@example.com` }), auditor))).rejects.toBeInstanceOf(AuthorizationError);
  });

  it("records who exported with which filters, without the address searched for", async () => {
    const officer = await createStaff("OFFICER");
    await recordQueueExport(officer, parseQueueFilters({ status: "open", q: "someone@example.com" }));
    const [event] = await db.staffEvent.findMany({ where: { staffId: officer.id } });
    expect(event).toMatchObject({ action: "queue.exported", actorId: officer.id, data: { status: "open", search: "email" } });
    expect(JSON.stringify(event!.data)).not.toContain("someone@example.com");
  });
});
