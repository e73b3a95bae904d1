import { expect, test } from "@playwright/test";
import { withDb } from "../support/staff";

// The published request metrics in German and Brazilian Portuguese. A portal spec: publishing is
// the whole portal's setting, which reports.spec.ts switches on and off while the other specs run;
// this one runs alone and puts the setting back as it found it.

/** Whether the metrics are public; an admin's switch (/admin/reports, tested in reports.spec.ts). */
async function publishMetrics(on: boolean): Promise<boolean> {
  return withDb(async (c) => {
    const before = await c.query<{ publish_request_metrics: boolean }>("SELECT publish_request_metrics FROM organization_settings WHERE id = 1");
    await c.query("UPDATE organization_settings SET publish_request_metrics = $1 WHERE id = 1", [on]);
    return before.rows[0]?.publish_request_metrics ?? false;
  });
}

test("the published request metrics read in German and in Brazilian Portuguese", async ({ page: visitor }) => {
  const publishedBefore = await publishMetrics(true);
  const lastYear = new Date().getUTCFullYear() - 1;
  try {
    expect((await visitor.goto("/de/privacy/request-metrics"))?.status()).toBe(200);
    await expect(visitor.locator("html")).toHaveAttribute("lang", "de");
    await expect(visitor.getByRole("heading", { level: 1, name: "Kennzahlen zu Datenschutzanträgen" })).toBeVisible();
    const german = visitor.getByRole("table", { name: `Anträge von Einwohnern Kaliforniens, eingegangen ${lastYear}` });
    await expect(german.getByRole("rowheader", { name: "Löschanträge" })).toBeVisible();
    await expect(german.getByRole("columnheader", { name: "Median der Tage bis zur Antwort" })).toBeVisible();

    expect((await visitor.goto("/pt-BR/privacy/request-metrics"))?.status()).toBe(200);
    await expect(visitor.locator("html")).toHaveAttribute("lang", "pt-BR");
    await expect(visitor.getByRole("heading", { level: 1, name: "Estatísticas de solicitações de privacidade" })).toBeVisible();
    const portuguese = visitor.getByRole("table", { name: `Solicitações de residentes da Califórnia recebidas em ${lastYear}` });
    await expect(portuguese.getByRole("rowheader", { name: "Solicitações de exclusão" })).toBeVisible();
    await expect(portuguese.getByRole("columnheader", { name: "Mediana de dias para responder" })).toBeVisible();
    await expect(visitor.getByRole("navigation", { name: "Idioma" }).getByRole("link")).toHaveCount(5);
  } finally {
    await publishMetrics(publishedBefore);
  }
});
