import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/(public)/brand/logo/route";
import type { StaffUser } from "@/lib/auth/staff";
import { LOGO_CSP } from "@/lib/branding/serve";
import { readBranding } from "@/lib/branding/settings";
import { brandingHistory, removeLogo, updateAccentColor, uploadLogo } from "@/lib/branding/update";
import { db } from "@/lib/db";
import { createStaff } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

const bytes = (s: string) => new TextEncoder().encode(s);
const LOGO = bytes('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" fill="#0f766e"/></svg>');
const OTHER = bytes('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="20"/></svg>');
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const brandingEvents = () => db.settingsEvent.findMany({ where: { area: "branding" }, orderBy: { id: "asc" } });
const get = (query = "", headers: Record<string, string> = {}) => GET(new NextRequest(`http://localhost/brand/logo${query}`, { headers }));

let admin: StaffUser;

beforeAll(async () => {
  await seed(db);
  admin = await createStaff("ADMIN");
});

beforeEach(async () => {
  await db.brandLogo.deleteMany();
  await db.organizationSettings.update({ where: { id: 1 }, data: { accentColor: null } });
});

afterAll(async () => {
  await db.brandLogo.deleteMany();
  await db.organizationSettings.update({ where: { id: 1 }, data: { accentColor: null } });
});

describe("logo", () => {
  it("uploads, replaces and removes the logo, each step in the history by its sha256, type and size, never its bytes", async () => {
    const before = (await brandingEvents()).length;
    expect(await uploadLogo(db, LOGO, admin)).toMatchObject({ changed: true, logo: { sha256: sha(LOGO), contentType: "image/svg+xml", size: LOGO.length } });
    expect((await readBranding(db)).logo).toEqual({ sha256: sha(LOGO), contentType: "image/svg+xml", width: 300, height: 100, size: LOGO.length });

    await uploadLogo(db, OTHER, admin);
    await removeLogo(db, admin);
    expect((await readBranding(db)).logo).toBeNull();

    const events = (await brandingEvents()).slice(before);
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["branding.logo_uploaded", admin.id],
      ["branding.logo_replaced", admin.id],
      ["branding.logo_removed", admin.id],
    ]);
    expect(events[1]!.data).toEqual({
      logo: { sha256: sha(OTHER), contentType: "image/svg+xml", size: OTHER.length, width: 100, height: 100 },
      previous: { sha256: sha(LOGO), contentType: "image/svg+xml", size: LOGO.length, width: 300, height: 100 },
    });
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain("<svg");

    const history = await brandingHistory(db);
    expect(history.slice(0, 3).map((h) => [h.by, h.change])).toEqual([
      [admin.email, `Logo removed (was SVG, 1 KB, sha256 ${sha(OTHER).slice(0, 12)}…)`],
      [admin.email, `Logo replaced (was SVG, 1 KB, sha256 ${sha(LOGO).slice(0, 12)}…) by SVG, 1 KB, sha256 ${sha(OTHER).slice(0, 12)}…`],
      [admin.email, `Logo uploaded: SVG, 1 KB, sha256 ${sha(LOGO).slice(0, 12)}…`],
    ]);
  });

  it("records nothing for the same file again, or for removing no logo", async () => {
    await uploadLogo(db, LOGO, admin);
    const before = (await brandingEvents()).length;
    expect(await uploadLogo(db, LOGO, admin)).toMatchObject({ changed: false });
    await removeLogo(db, admin);
    expect(await removeLogo(db, admin)).toEqual({ removed: false });
    expect((await brandingEvents()).length).toBe(before + 1);
  });

  it("refuses an SVG with a script with its message, keeping the logo there was", async () => {
    await uploadLogo(db, LOGO, admin);
    const before = (await brandingEvents()).length;
    const hostile = bytes('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><script>alert(1)</script></svg>');
    await expect(uploadLogo(db, hostile, admin)).rejects.toMatchObject({ code: "SVG_SCRIPT", message: "The SVG contains a script element; upload one without scripts" });
    expect((await readBranding(db)).logo?.sha256).toBe(sha(LOGO));
    expect((await brandingEvents()).length).toBe(before);
  });
});

describe("accent colour", () => {
  it("stores a passing colour in lower case and goes back to the portal's own, each change with its old value", async () => {
    await updateAccentColor(db, { accentColor: "#0F766E" }, admin);
    expect((await readBranding(db)).accentColor).toBe("#0f766e");
    await updateAccentColor(db, { accentColor: "" }, admin);
    expect((await readBranding(db)).accentColor).toBeNull();
    const [reset, set] = await brandingHistory(db);
    expect(set!.change).toBe("Accent colour: “the portal's own” → “#0f766e”");
    expect(reset!.change).toBe("Accent colour: “#0f766e” → “the portal's own”");
  });

  it("refuses a colour under 4.5:1 with the measured ratio, changing nothing", async () => {
    await updateAccentColor(db, { accentColor: "#1d4ed8" }, admin);
    const before = (await brandingEvents()).length;
    await expect(updateAccentColor(db, { accentColor: "#7dd3fc" }, admin)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["accentColor"], message: "#7dd3fc has 1.6:1 against white; WCAG AA needs 4.5:1. Choose a darker colour" })],
    });
    expect((await readBranding(db)).accentColor).toBe("#1d4ed8");
    expect(await updateAccentColor(db, { accentColor: "#1D4ED8" }, admin)).toEqual({ changed: false, accentColor: "#1d4ed8" });
    expect((await brandingEvents()).length).toBe(before);
  });
});

describe("GET /brand/logo", () => {
  it("answers 404 when there is no logo", async () => {
    const response = await get();
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("sends the logo's bytes with its type, nosniff, a policy that runs nothing, and its sha256 as ETag", async () => {
    await uploadLogo(db, LOGO, admin);
    const response = await get();
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(LOGO);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/svg+xml",
      "x-content-type-options": "nosniff",
      "content-security-policy": LOGO_CSP,
      etag: `"${sha(LOGO)}"`,
      "cache-control": "no-cache",
    });
    expect(LOGO_CSP).toMatch(/^default-src 'none'; style-src 'unsafe-inline';/);
  });

  it("is cached for good only at the address of this logo's version, and answers 304 to a browser that has it", async () => {
    await uploadLogo(db, LOGO, admin);
    expect((await get(`?v=${sha(LOGO).slice(0, 16)}`)).headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await get(`?v=${sha(OTHER).slice(0, 16)}`)).headers.get("cache-control")).toBe("no-cache");
    const revalidated = await get("", { "if-none-match": `"${sha(LOGO)}"` });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    expect((await get("", { "if-none-match": `"${sha(OTHER)}"` })).status).toBe(200);
  });
});
