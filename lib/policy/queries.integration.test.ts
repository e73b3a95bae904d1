import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCurrentPolicy, getPolicyVersion, listPolicyVersions } from "@/lib/policy/queries";
import { seed } from "@/prisma/seed";

async function counts() {
  const [settings, policies, customers, workspaces] = await Promise.all([
    db.organizationSettings.count(),
    db.policyVersion.count(),
    db.customer.count(),
    db.workspace.count(),
  ]);
  return { settings, policies, customers, workspaces };
}

const DAY = 24 * 60 * 60 * 1000;

function utcDay(offsetDays: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + offsetDays * DAY);
}

describe("seed", () => {
  it("creates the demo data once and changes nothing when run again", async () => {
    await seed(db);
    const first = await counts();
    expect(first).toEqual({ settings: 1, policies: 2, customers: 2, workspaces: 2 });

    await db.organizationSettings.update({ where: { id: 1 }, data: { privacyEmail: "edited@jexi.example" } });
    await Promise.all([seed(db), seed(db)]);

    expect(await counts()).toEqual(first);
    // An admin's edit survives the seed that runs on every start.
    expect((await db.organizationSettings.findUniqueOrThrow({ where: { id: 1 } })).privacyEmail).toBe("edited@jexi.example");
    const globex = await db.workspace.findUniqueOrThrow({ where: { slug: "globex" }, include: { customer: true } });
    expect(globex.customer).toMatchObject({ legalName: "Globex Retail GmbH", language: "de" });
  });
});

describe("policy queries", () => {
  beforeAll(async () => {
    await seed(db);
  });

  it("returns the newest version in force as the current policy", async () => {
    const policy = await getCurrentPolicy();
    expect(policy).toMatchObject({ version: "2026-05-21", status: "current" });
    expect(policy?.effectiveAt.toISOString()).toBe("2026-05-21T00:00:00.000Z");
    expect(policy?.sections.map((s) => s.id)).toContain("ai-processing");
  });

  it("returns the version that was in force on an earlier date", async () => {
    const policy = await getCurrentPolicy(new Date("2026-01-15T12:00:00Z"));
    expect(policy?.version).toBe("2025-09-01");
    expect(await getCurrentPolicy(new Date("2025-01-01T00:00:00Z"))).toBeNull();
  });

  it("counts a version as current from the first moment of its effective day", async () => {
    expect((await getCurrentPolicy(new Date("2026-05-21T00:00:00Z")))?.version).toBe("2026-05-21");
    expect((await getCurrentPolicy(new Date("2026-05-20T23:59:59Z")))?.version).toBe("2025-09-01");
  });

  it("finds a version by its name and marks it as earlier", async () => {
    const policy = await getPolicyVersion("2025-09-01");
    expect(policy).toMatchObject({ version: "2025-09-01", status: "earlier" });
    expect(policy?.sections.map((s) => s.id)).not.toContain("ai-processing");
    expect((await getPolicyVersion("2026-05-21"))?.status).toBe("current");
  });

  it("returns null for an unknown version", async () => {
    expect(await getPolicyVersion("1999-01-01")).toBeNull();
    expect(await getPolicyVersion("")).toBeNull();
  });

  it("does not make a published but future-dated version current", async () => {
    await db.policyVersion.create({
      data: {
        version: "future",
        title: "Privacy Policy",
        summary: "Announced in advance.",
        sections: [{ id: "who-we-are", heading: "Soon", blocks: [{ kind: "p", text: "Coming." }] }],
        effectiveAt: utcDay(1),
        updatedAt: utcDay(0),
        publishedAt: new Date(),
      },
    });

    expect((await getCurrentPolicy())?.version).toBe("2026-05-21");
    expect((await getPolicyVersion("future"))?.status).toBe("upcoming");
    // Once its day comes, it takes over.
    expect((await getCurrentPolicy(new Date(utcDay(1).getTime() + 60_000)))?.version).toBe("future");
  });

  it("hides drafts from every query", async () => {
    await db.policyVersion.create({
      data: {
        version: "draft",
        title: "Privacy Policy",
        summary: "Not yet published.",
        sections: [{ id: "who-we-are", heading: "Draft", blocks: [{ kind: "p", text: "Draft." }] }],
        effectiveAt: utcDay(-1),
        updatedAt: utcDay(-1),
        publishedAt: null,
      },
    });

    expect((await getCurrentPolicy())?.version).toBe("2026-05-21");
    expect(await getPolicyVersion("draft")).toBeNull();
    expect((await listPolicyVersions()).map((v) => v.version)).not.toContain("draft");
  });

  it("lists published versions newest first with their status", async () => {
    const versions = await listPolicyVersions();
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      ["future", "upcoming"],
      ["2026-05-21", "current"],
      ["2025-09-01", "earlier"],
    ]);
  });
});

describe("the operator's day", () => {
  it("puts a version in force on its effective day where the operator is, not in UTC", async () => {
    // Noon UTC on 1 June 2030 is already 2 June in Kiritimati (UTC+14).
    const now = new Date("2030-06-01T12:00:00Z");
    await db.policyVersion.create({
      data: {
        version: "kiritimati",
        title: "Privacy Policy",
        summary: "In force from 2 June where the operator is.",
        sections: [{ id: "who-we-are", heading: "June", blocks: [{ kind: "p", text: "From 2 June." }] }],
        effectiveAt: new Date("2030-06-02T00:00:00Z"),
        updatedAt: new Date("2030-05-01T00:00:00Z"),
        publishedAt: new Date("2030-05-01T00:00:00Z"),
      },
    });
    expect((await getCurrentPolicy(now))?.version).not.toBe("kiritimati");
    expect((await getPolicyVersion("kiritimati", now))?.status).toBe("upcoming");
    await db.organizationSettings.update({ where: { id: 1 }, data: { timeZone: "Pacific/Kiritimati" } });
    try {
      expect((await getCurrentPolicy(now))?.version).toBe("kiritimati");
      expect((await getPolicyVersion("kiritimati", now))?.status).toBe("current");
      expect((await listPolicyVersions(now))[0]).toMatchObject({ version: "kiritimati", status: "current" });
    } finally {
      await db.organizationSettings.update({ where: { id: 1 }, data: { timeZone: "UTC" } });
    }
  });
});
