import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { readBranding } from "@/lib/branding/settings";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createStaff } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";
import { POST } from "./route";

// The signed-in staff member is whoever the test says; the role check itself is the real one.
let signedIn: StaffUser | null = null;
vi.mock("@/lib/auth/staff", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/staff")>();
  const { allows } = await import("@/lib/auth/roles");
  return {
    ...original,
    requirePermission: async (permission: Parameters<typeof allows>[1]) => {
      if (!signedIn) throw new original.AuthorizationError("UNAUTHENTICATED");
      if (!allows(signedIn, permission)) throw new original.AuthorizationError("FORBIDDEN");
      return signedIn;
    },
  };
});
// Outside Next's request scope there is no page cache to mark stale.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40"/></svg>';

function post(content: string, { origin = new URL(getEnv().APP_URL).origin, name = "logo.png" } = {}) {
  const body = new FormData();
  // The name and type the browser claims say nothing: the bytes decide.
  body.set("logo", new File([content], name, { type: "image/png" }));
  return POST(new Request(`${getEnv().APP_URL}/admin/settings/logo`, { method: "POST", body, headers: { origin } }));
}

let admin: StaffUser;
let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  admin = await createStaff("ADMIN");
  officer = await createStaff("OFFICER");
});

beforeEach(async () => {
  await db.brandLogo.deleteMany();
  signedIn = admin;
});

afterAll(async () => {
  await db.brandLogo.deleteMany();
});

describe("POST /admin/settings/logo", () => {
  it("takes an admin's SVG, whatever the file's name and claimed type, and records who uploaded it", async () => {
    const response = await post(LOGO);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, data: { changed: true } });
    expect((await readBranding(db)).logo).toMatchObject({ contentType: "image/svg+xml", size: LOGO.length });
    const [event] = await db.settingsEvent.findMany({ where: { area: "branding" }, orderBy: { id: "desc" }, take: 1 });
    expect(event).toMatchObject({ actorId: admin.id, action: "branding.logo_uploaded" });
  });

  it("refuses an SVG with a script at the field, storing nothing", async () => {
    const response = await post('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><script>alert(1)</script></svg>');
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ ok: false, code: "SVG_SCRIPT", fieldErrors: { logo: "The SVG contains a script element; upload one without scripts" } });
    expect((await readBranding(db)).logo).toBeNull();
  });

  it("refuses an empty post, an officer, a signed-out visitor and another site, storing nothing", async () => {
    expect(await (await POST(new Request(`${getEnv().APP_URL}/admin/settings/logo`, { method: "POST", body: new FormData(), headers: { origin: new URL(getEnv().APP_URL).origin } }))).json()).toMatchObject({
      ok: false,
      fieldErrors: { logo: "Choose a PNG or SVG file to upload" },
    });
    signedIn = officer;
    const forbidden = await post(LOGO);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ ok: false, formError: "Your role does not allow this." });
    signedIn = null;
    expect((await post(LOGO)).status).toBe(401);
    signedIn = admin;
    expect((await post(LOGO, { origin: "https://elsewhere.example" })).status).toBe(403);
    expect((await readBranding(db)).logo).toBeNull();
  });
});
