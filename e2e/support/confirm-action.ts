import type { Page } from "@playwright/test";

/** Opens one of the request page's confirmed actions, fills its text if any, and confirms it. */
export async function confirmAction(page: Page, title: string, button: string, text?: { label: string | RegExp; value: string }) {
  const section = page.getByRole("region", { name: title });
  if (text) await section.getByLabel(text.label).fill(text.value);
  await section.getByRole("button", { name: button }).click();
  await section.getByRole("button", { name: `Confirm: ${button.toLowerCase()}` }).click();
}
