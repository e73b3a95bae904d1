import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCurrentPolicy, getPolicyVersion, listPolicyVersions } from "@/lib/policy/queries";
import { policyForReader } from "@/lib/policy/reader";
import { seed } from "@/prisma/seed";
import { policyVersions } from "@/prisma/seed-data/policy-versions";

// What a reader of each language reads of the seeded Jexi policy: the current version is English
// with German and Brazilian Portuguese translations; the earlier one English only.

beforeAll(async () => {
  await seed(db);
});

describe("policyForReader", () => {
  it("gives a reader of the version's own language its own text", async () => {
    const read = await policyForReader((await getCurrentPolicy())!, "en");
    expect(read).toMatchObject({ version: "2026-05-21", title: "Privacy Policy", language: "en", fallback: false });
  });

  it("gives a German reader the published German translation, with the version's name, dates and anchors", async () => {
    const current = (await getCurrentPolicy())!;
    const read = await policyForReader(current, "de");
    expect(read).toMatchObject({ version: "2026-05-21", title: "Datenschutzerklärung", language: "de", fallback: false, status: "current", effectiveAt: current.effectiveAt });
    expect(read.sections.find((s) => s.id === "your-rights")?.heading).toBe("Ihre Datenschutzrechte");
    expect(read.sections.map((s) => s.id)).toEqual(current.sections.map((s) => s.id));
    // The placeholders stay to be filled at render time, as in the version.
    expect(JSON.stringify(read.sections)).toContain("{{privacyEmail}}");
    expect((await policyForReader(current, "pt-BR")).sections.map((s) => s.id)).toEqual(current.sections.map((s) => s.id));
  });

  it("falls back to the version's own text, marked so, where there is no translation", async () => {
    const current = (await getCurrentPolicy())!;
    expect(await policyForReader(current, "fr")).toMatchObject({ title: "Privacy Policy", language: "en", fallback: true });
    // The earlier version has no German translation: a German reader reads it in English.
    const earlier = (await getPolicyVersion("2025-09-01"))!;
    expect(await policyForReader(earlier, "de")).toMatchObject({ version: "2025-09-01", language: "en", fallback: true });
  });
});

describe("the versions list", () => {
  it("says which languages each version is published in", async () => {
    const versions = await listPolicyVersions();
    expect(versions.map((v) => [v.version, v.language, v.translations])).toEqual([
      [
        "2026-05-21",
        "en",
        [
          { language: "de", title: "Datenschutzerklärung" },
          { language: "pt-BR", title: "Política de Privacidade" },
        ],
      ],
      ["2025-09-01", "en", []],
    ]);
  });

  it("seeds each translation once: a second seed leaves the frozen translation as it is", async () => {
    await seed(db);
    expect(await db.policyTranslation.count()).toBe(policyVersions.flatMap((v) => v.translations ?? []).length);
  });
});
