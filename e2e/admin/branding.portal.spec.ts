import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { createStaff, signInAs } from "../support/staff";

// Settings → Branding: an admin gives the public pages a logo and an accent colour without a
// redeploy. An SVG with a script and a colour too light for white text are refused with their
// reason and change nothing. It changes how every public page looks, so it runs in the last
// project and puts the portal's own look back.

const svg = (inner: string) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><title>logo ${Date.now()}</title>${inner}</svg>`);

/** The request button's background on the policy page, as the browser paints it. */
async function requestButtonColour(visitor: Page): Promise<string> {
  await visitor.goto("/privacy");
  return visitor.getByRole("link", { name: "Make a privacy request", exact: true }).evaluate((a) => getComputedStyle(a).backgroundColor);
}

test("an admin brands the public pages with a logo and an accent colour, is refused a scripted SVG and a colour that fails contrast, and puts the portal's look back", async ({
  browser,
  page: visitor,
}) => {
  const context = await browser.newContext();
  const admin = await createStaff("ADMIN");
  await signInAs(context, admin.id);
  const page = await context.newPage();
  await page.goto("/admin/settings");
  const branding = page.getByRole("region", { name: "Branding", exact: true });
  const logoForm = branding.getByRole("form", { name: "Logo", exact: true });
  const accentForm = branding.getByRole("form", { name: "Accent colour", exact: true });
  const file = logoForm.getByLabel(/^(Upload a logo|Replace the logo)$/);
  const upload = logoForm.getByRole("button", { name: "Upload logo" });
  await expect(upload).toBeEnabled();
  const portalColour = await requestButtonColour(visitor);

  // An SVG with a script: refused at the field with the reason, and no logo appears.
  await file.setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: svg("<script>alert(1)</script>") });
  await upload.click();
  await expect(file).toBeFocused();
  await expect(file).toHaveAccessibleDescription(/The SVG contains a script element; upload one without scripts/);
  await visitor.goto("/privacy");
  await expect(visitor.getByRole("banner").getByRole("img")).toHaveCount(0);

  // A clean SVG: the public header shows it, named by the product's name once.
  await file.setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: svg('<rect width="120" height="40" fill="#0f766e"/>') });
  await upload.click();
  await expect(logoForm.getByRole("status")).toContainText("Logo uploaded: the public pages show it now.");
  await expect(logoForm.getByRole("img", { name: "The current logo" })).toBeVisible();
  await visitor.goto("/privacy");
  const home = visitor.getByRole("banner").getByRole("link").first();
  const logo = home.getByRole("img");
  await expect(logo).toHaveAttribute("alt", /\S/);
  const productName = (await logo.getAttribute("alt"))!;
  await expect(home).toHaveAccessibleName(`${productName} Privacy Center`);
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const served = await visitor.request.get((await logo.getAttribute("src"))!);
  expect(served.headers()["content-type"]).toBe("image/svg+xml");
  expect(served.headers()["content-security-policy"]).toMatch(/^default-src 'none'/);
  // Only that address skips the pages' policy (proxy.ts).
  expect((await visitor.request.get("/brand/logo/elsewhere")).headers()["content-security-policy"]).toContain("script-src 'self' 'nonce-");

  // A colour too light for white text: the ratio is shown as it is typed, and saving is refused.
  const accent = accentForm.getByLabel("Accent colour", { exact: true });
  await expect(accent).toBeEnabled();
  const original = await accent.inputValue();
  await accent.fill("#7dd3fc");
  await expect(accentForm.getByText("Contrast with white: 1.6:1. Fails WCAG AA (4.5:1 needed): choose a darker colour.")).toBeVisible();
  await accentForm.getByRole("button", { name: "Save colour" }).click();
  await expect(accent).toBeFocused();
  await expect(accent).toHaveAccessibleDescription(/#7dd3fc has 1\.6:1 against white; WCAG AA needs 4\.5:1\. Choose a darker colour/);
  expect(await requestButtonColour(visitor)).toBe(portalColour);

  // A passing colour, picked: the text field follows, and the request button wears it.
  await accentForm.getByLabel("Or pick it").fill("#0f766e");
  await expect(accent).toHaveValue("#0f766e");
  await expect(accentForm.getByText("Contrast with white: 5.4:1. Passes WCAG AA (4.5:1 needed).")).toBeVisible();
  await accentForm.getByRole("button", { name: "Save colour" }).click();
  await expect(accentForm.getByRole("status")).toContainText("Saved: buttons and links are now #0f766e.");
  expect(await requestButtonColour(visitor)).toBe("rgb(15, 118, 110)");
  expect(await seriousViolations(visitor)).toEqual([]);

  await page.reload();
  const history = branding.getByRole("region", { name: "Changes to branding" });
  await expect(history.getByText(`Accent colour: “${original || "the portal's own"}” → “#0f766e”`).first()).toBeVisible();
  await expect(history.getByText(/^Logo (uploaded|replaced)/).first()).toBeVisible();
  await expect(history).toContainText(admin.email);
  expect(await seriousViolations(page)).toEqual([]);

  // Back to the portal's own look.
  await logoForm.getByRole("button", { name: "Remove logo" }).click();
  await expect(logoForm.getByRole("status")).toContainText("Logo removed: the header shows the product's name again.");
  await expect(accent).toHaveValue("#0f766e");
  await accent.fill(original);
  await accentForm.getByRole("button", { name: "Save colour" }).click();
  await expect(accentForm.getByRole("status")).toContainText(original ? `Saved: buttons and links are now ${original}.` : "Saved: buttons and links use the portal's own blue.");
  expect(await requestButtonColour(visitor)).toBe(portalColour);
  await expect(visitor.getByRole("banner").getByRole("img")).toHaveCount(0);
  await expect(visitor.getByRole("banner").getByRole("link").first()).toHaveAccessibleName(`${productName} Privacy Center`);
});
