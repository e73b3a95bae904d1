import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { createRequestRow, createStaff, signInAs } from "../support/staff";

// The overview's figures over time (issue 13): three charts drawn on the server, each with its
// table; a bar opens the queue with its filter.

test("the overview charts the last 12 months, and a bar opens the queue filtered", async ({ page, context }) => {
  await signInAs(context, (await createStaff("OFFICER")).id);
  await page.goto("/admin");
  const charts = page.getByRole("region", { name: "Over the last 12 months" });
  for (const title of ["Open requests by time left", "Requests received per month", "Closed on time, per month (%)"]) {
    await expect(charts.getByRole("figure", { name: title })).toBeVisible();
  }
  // Each month has a row in the tables behind the charts.
  await expect(charts.getByRole("table", { name: "Requests received per month, by type" }).getByRole("row")).toHaveCount(13);
  expect(await seriousViolations(page)).toEqual([]);
  // No JavaScript of a chart library: the bars are plain SVG links.
  await charts.getByRole("link", { name: /^Later: \d+ \(opens the queue\)$/ }).click();
  await expect(page).toHaveURL(/\/admin\/requests\?status=open&due=later$/);
  await expect(page.getByLabel("Due", { exact: true })).toHaveValue("later");

  // A month's bar of received requests opens the queue with that month, newest first.
  const { reference } = await createRequestRow();
  await page.goto("/admin");
  const thisMonth = charts.getByRole("figure", { name: "Requests received per month" }).getByRole("link", { name: /opens the queue/ }).last();
  const month = /received=(\d{4}-\d{2})/.exec((await thisMonth.getAttribute("href")) ?? "")![1]!;
  await thisMonth.click();
  await expect(page).toHaveURL(new RegExp(`/admin/requests\\?received=${month}&sort=received$`));
  await expect(page.getByLabel("Received in")).toHaveValue(month);
  await expect(page.getByRole("region", { name: /^Requests by date received/ }).getByRole("link", { name: reference })).toBeVisible();
});
