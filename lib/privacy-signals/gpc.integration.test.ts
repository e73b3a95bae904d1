import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countGpcPage, countsAsPublicPage, gpcFigures, sendsGpc } from "@/lib/privacy-signals/gpc";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { seed } from "@/prisma/seed";

beforeAll(async () => {
  await seed(db);
});

// A year no other test writes in, so the figures are this file's alone.
const YEAR = 2031;

async function submitted(type: "OPT_OUT_SALE" | "ACCESS", gpc: boolean, at: string) {
  const result = await submitRequest(requestInput({ type, country: "US", region: "CA", email: `gpc-${type}-${gpc}@example.test` }), {
    ip: null,
    now: new Date(at),
    gpc,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return db.request.findUniqueOrThrow({ where: { id: result.data.requestId }, include: { events: true } });
}

describe("Global Privacy Control", () => {
  it("reads only the spec's value 1 as the signal", () => {
    expect(sendsGpc(new Headers({ "Sec-GPC": "1" }))).toBe(true);
    expect(sendsGpc(new Headers({ "sec-gpc": " 1 " }))).toBe(true);
    expect(sendsGpc(new Headers({ "Sec-GPC": "0" }))).toBe(false);
    expect(sendsGpc(new Headers({ "Sec-GPC": "true" }))).toBe(false);
    expect(sendsGpc(new Headers())).toBe(false);
  });

  it("counts public pages only, not staff, customer or owner pages", () => {
    expect(countsAsPublicPage("/")).toBe(true);
    expect(countsAsPublicPage("/requests/new")).toBe(true);
    expect(countsAsPublicPage("/administrators")).toBe(true);
    expect(countsAsPublicPage("/admin")).toBe(false);
    expect(countsAsPublicPage("/admin/requests")).toBe(false);
    expect(countsAsPublicPage("/referrals/abc")).toBe(false);
    expect(countsAsPublicPage("/tasks/abc")).toBe(false);
  });

  it("records an opt-out sent with the signal as such, in the row and in its audit event", async () => {
    const request = await submitted("OPT_OUT_SALE", true, `${YEAR}-03-02T10:00:00Z`);
    expect(request.gpcSignal).toBe(true);
    expect(request.status).toBe("RECEIVED");
    expect(request.events[0]!.data).toMatchObject({ type: "OPT_OUT_SALE", gpc: true });
  });

  it("does not mark other requests, or opt-outs without the signal", async () => {
    const access = await submitted("ACCESS", true, `${YEAR}-03-03T10:00:00Z`);
    expect(access.gpcSignal).toBe(false);
    expect(access.events[0]!.data).not.toHaveProperty("gpc");
    const plain = await submitted("OPT_OUT_SALE", false, `${YEAR}-03-04T10:00:00Z`);
    expect(plain.gpcSignal).toBe(false);
  });

  it("counts pages per UTC day and sums the year's figures", async () => {
    await Promise.all([
      countGpcPage(db, new Date(`${YEAR}-05-01T23:59:59Z`)),
      countGpcPage(db, new Date(`${YEAR}-05-01T00:00:00Z`)),
      countGpcPage(db, new Date(`${YEAR}-05-02T00:00:00Z`)),
      // The next year's first day belongs to the next year.
      countGpcPage(db, new Date(`${YEAR + 1}-01-01T00:00:00Z`)),
    ]);
    const days = await db.gpcSignalDay.findMany({ where: { day: { gte: new Date(`${YEAR}-05-01`), lte: new Date(`${YEAR}-05-02`) } }, orderBy: { day: "asc" } });
    expect(days.map((d) => [d.day.toISOString().slice(0, 10), d.pages])).toEqual([
      [`${YEAR}-05-01`, 2],
      [`${YEAR}-05-02`, 1],
    ]);
    expect(await gpcFigures(db, { year: YEAR, timeZone: "America/Los_Angeles" })).toEqual({ optOutRequests: 1, pages: 3 });
    expect(await gpcFigures(db, { year: YEAR + 2, timeZone: "UTC" })).toEqual({ optOutRequests: 0, pages: 0 });
  });
});
