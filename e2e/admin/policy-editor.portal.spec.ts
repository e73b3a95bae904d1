import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { countPolicyVersions } from "../support/policy";
import { createStaff, signInAs } from "../support/staff";

// The policy editor, end to end: an admin starts from the current version, pastes in a line with
// two blanks, sees it in the preview, is refused publishing while a blank is left, fills both and
// publishes. The new version is the current policy for everyone from then on, and a published
// version can never be removed, so this runs in the "portal" project, after every other spec but
// those of the same project: its text is the current text plus one bullet, so the portal specs
// after it find every section they look for.

const LINE = "- Privacy requests by email: [PRIVACY EMAIL], answered within [REPLY TIME].";

test("an admin publishes a new version from the current one, with its blanks filled and a change summary, which the site shows and compares", async ({ browser, page: visitor }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const admin = await createStaff("ADMIN");
  await signInAs(context, admin.id);
  const page = await context.newPage();
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Policy", exact: true }).click();
  await page.getByRole("button", { name: "New draft from current version" }).click();
  await expect(page).toHaveURL(/\/admin\/policy\/drafts\/[0-9a-f-]{36}$/);

  // The draft holds the current version's text (read once the form has loaded it).
  const text = page.getByLabel("Policy text", { exact: true });
  await expect(text).toHaveValue(/^## Who we are and what this policy covers \{#who-we-are\}/);
  await expect(text).toBeEnabled();
  const current = await text.inputValue();
  expect(current).toContain("- Post: {{registeredAddress}}");
  await text.fill(current.replace("- Post: {{registeredAddress}}", `- Post: {{registeredAddress}}\n${LINE}`));

  // The preview shows the new line, its blanks still in brackets.
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("article").getByText("Privacy requests by email: [PRIVACY EMAIL], answered within [REPLY TIME].")).toBeVisible();
  const blanks = page.getByRole("region", { name: "Placeholders" });
  await expect(blanks.getByRole("listitem")).toHaveCount(2);
  // The obvious setting is offered, not chosen.
  await expect(blanks.getByLabel("Fill [PRIVACY EMAIL] with")).toHaveValue("privacyEmail");
  await expect(blanks.getByRole("listitem").filter({ hasText: "[PRIVACY EMAIL]" })).toContainText("Suggested: confirm or choose another");
  expect(await seriousViolations(page)).toEqual([]);

  // Publishing is refused while a blank is left, naming them, and nothing is published.
  const versions = await countPolicyVersions();
  await page.getByRole("button", { name: "Publish…" }).click();
  await expect(blanks).toContainText("Not yet done: [PRIVACY EMAIL], [REPLY TIME].");
  await expect(page.getByRole("button", { name: "Confirm: publish" })).toHaveCount(0);

  // Map one to the setting, fill the other once.
  await blanks.getByRole("button", { name: "Use Privacy email for [PRIVACY EMAIL]" }).click();
  await blanks.getByLabel("Fill [REPLY TIME] with").selectOption({ label: "A text, written here" });
  await blanks.getByLabel("Text for [REPLY TIME]").fill("30 days");
  await expect(preview.getByRole("article").getByText(/Privacy requests by email: \S+@\S+, answered within 30 days\./)).toBeVisible();
  await expect(blanks.getByRole("listitem").filter({ hasText: "[REPLY TIME]" })).toContainText("Done.");

  // Saved as a draft: the words say what changed, and the list names who edited it last.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft saved:" })).toContainText("Draft saved: Policy text, Placeholder [PRIVACY EMAIL], Placeholder [REPLY TIME].");

  // Compared with the current version, the draft adds that one line.
  await preview.getByText(/^Compare with the current version/).click();
  const draftChanges = preview.getByRole("list", { name: "Changed lines" }).getByRole("listitem").filter({ has: page.locator("ins, del") });
  await expect(draftChanges).toHaveCount(1);
  await expect(draftChanges).toContainText("+ Added");
  await expect(draftChanges).toContainText(LINE);

  const summary = "We now say how fast we answer privacy requests sent by email.";
  await page.getByLabel("What changed", { exact: true }).fill(summary);
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("Effective date", { exact: true }).fill(today);
  await page.getByRole("button", { name: "Publish…" }).click();
  const confirm = page.getByRole("group", { name: "Publish this draft as a new version?" });
  await expect(confirm).toContainText("A published version can never be edited or deleted");
  expect(await countPolicyVersions()).toBe(versions);
  await confirm.getByRole("button", { name: "Confirm: publish" }).click();

  await expect(page).toHaveURL(/\/admin\/policy\?published=/);
  const version = new URL(page.url()).searchParams.get("published")!;
  expect(version.startsWith(today)).toBe(true);
  await expect(page.getByText(`Version ${version} published.`)).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText(`as version ${version}, effective ${today}`);
  await expect(history.getByRole("listitem").filter({ hasText: admin.email }).filter({ hasText: "Placeholder [REPLY TIME]: “empty” → “text “30 days”" })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Drafts" }).getByRole("link", { name: "Privacy Policy" })).toHaveCount(0);

  // Everyone sees it as the current policy, its change summary at the top.
  await visitor.goto("/privacy");
  const changes = visitor.getByRole("region", { name: "What changed in this version" });
  await expect(changes).toContainText(summary);
  await expect(visitor.getByRole("main").getByText(/Privacy requests by email: \S+@\S+, answered within 30 days\./)).toBeVisible();
  await visitor.goto(`/privacy/versions/${version}`);
  await expect(visitor.getByText("This is the current version of our privacy policy")).toBeVisible();
  await expect(visitor.getByRole("region", { name: "What changed in this version" })).toContainText(summary);

  // The versions page compares it with the one before: one line added, nothing removed.
  await visitor.goto("/privacy/versions");
  await visitor.getByRole("link", { name: `What changed from the previous version (${version})` }).click();
  await expect(visitor).toHaveURL(new RegExp(`/privacy/versions/compare\\?from=2026-05-21&to=${version}$`));
  await expect(visitor.getByText("1 line added, 0 lines removed.")).toBeVisible();
  const added = visitor.getByRole("list", { name: "Changed lines" }).getByRole("listitem").filter({ has: visitor.locator("ins") });
  await expect(added).toHaveCount(1);
  await expect(added).toContainText("+ Added");
  await expect(added).toContainText(/- Privacy requests by email: \S+@\S+, answered within 30 days\./);
  expect(await seriousViolations(visitor)).toEqual([]);

  // The same comparison works without JavaScript, from the form's two lists.
  await visitor.getByLabel("Earlier version").selectOption(version);
  await visitor.getByLabel("Later version").selectOption("2025-09-01");
  await visitor.getByRole("button", { name: "Compare" }).click();
  await expect(visitor).toHaveURL(new RegExp(`from=${version}&to=2025-09-01$`));
  await expect(visitor.getByRole("heading", { name: `From version ${version} to version 2025-09-01` })).toBeVisible();
  await visitor.goto("/privacy/versions/compare?from=1999-01-01&to=2026-05-21");
  await expect(visitor.getByText("There is no published version called “1999-01-01” to compare from.")).toBeVisible();
});

// A published translation can never be removed either (a trigger refuses it), and each e2e run
// starts from a fresh database: so, like the version above, this adds what no later spec reads.
// It translates the current version (the one the test above published) into Spanish, which no
// spec reads but this one; German and French stay as they were.
test("an admin translates the current version into Spanish, is refused while a section's anchor is lost, publishes it, and Spanish readers read it", async ({ browser, page: visitor }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const admin = await createStaff("ADMIN");
  await signInAs(context, admin.id);
  const page = await context.newPage();
  await page.goto("/admin/policy");
  const current = page.getByRole("region", { name: "Published versions" }).getByRole("row").filter({ hasText: "Current" });
  // Spanish is offered; the version's own language is not.
  const into = current.getByLabel(/^Translate version \S+ into$/);
  await expect(into.getByRole("option", { name: "English" })).toHaveCount(0);
  await into.selectOption({ label: "Spanish" });
  await current.getByRole("button", { name: /^Translate version/ }).click();
  await expect(page).toHaveURL(/\/admin\/policy\/drafts\/[0-9a-f-]{36}$/);
  const heading = page.getByRole("heading", { level: 1, name: /^Translate version/ });
  await expect(heading).toHaveText(/^Translate version \S+ into Spanish$/);
  const version = (await heading.textContent())!.replace(/^Translate version (\S+) into Spanish$/, "$1");
  // A translation takes the version's dates and name.
  await expect(page.getByLabel("Effective date", { exact: true })).toHaveCount(0);

  // Prefilled with the version's text; the preview reads it as Spanish once translated.
  const text = page.getByLabel("Policy text", { exact: true });
  await expect(text).toHaveValue(/^## Who we are and what this policy covers \{#who-we-are\}/);
  await expect(text).toBeEnabled();
  const original = await text.inputValue();
  await page.getByLabel("Title", { exact: true }).fill("Política de privacidad");
  await text.fill(original.replace("## Who we are and what this policy covers {#who-we-are}", "## Quiénes somos y qué cubre esta política"));
  await expect(page.getByRole("region", { name: "Preview" }).getByRole("article")).toHaveAttribute("lang", "es");

  // The heading lost its anchor: links to #who-we-are would break in Spanish, so publishing is refused.
  await page.getByRole("button", { name: "Publish…" }).click();
  await expect(page.getByText(/This one's are missing \{#who-we-are\}; not in the version: \{#[a-z-]+\}/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm: publish" })).toHaveCount(0);

  await text.fill(original.replace("## Who we are and what this policy covers {#who-we-are}", "## Quiénes somos y qué cubre esta política {#who-we-are}"));
  await page.getByRole("button", { name: "Publish…" }).click();
  const confirm = page.getByRole("group", { name: `Publish this translation of version ${version}?` });
  await expect(confirm).toContainText("A published translation can never be edited or deleted");
  await confirm.getByRole("button", { name: "Confirm: publish" }).click();

  await expect(page).toHaveURL(new RegExp(`/admin/policy\\?translated=${version}&language=es$`));
  await expect(page.getByText(`Version ${version} published in Spanish.`)).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText(`as the Spanish translation of version ${version}.`);
  await expect(page.getByRole("list", { name: `Languages of version ${version}` }).getByRole("listitem")).toContainText(["English (original)", "Spanish (translation)"]);
  // Published in Spanish once: it is no longer offered.
  await expect(page.getByRole("region", { name: "Published versions" }).getByRole("row").filter({ hasText: "Current" }).getByLabel(/^Translate version/).getByRole("option", { name: "Spanish" })).toHaveCount(0);

  await visitor.goto("/es/privacy");
  const article = visitor.getByRole("article");
  await expect(article).toHaveAttribute("lang", "es");
  await expect(article.getByRole("heading", { level: 1 })).toHaveText("Política de privacidad");
  await expect(article.locator('[id="who-we-are"]')).toHaveText("Quiénes somos y qué cubre esta política");
  await expect(visitor.getByRole("note").filter({ hasText: "no está disponible en español" })).toHaveCount(0);
  // French readers still read English, told so.
  await visitor.goto("/fr/privacy");
  await expect(visitor.getByRole("article")).toHaveAttribute("lang", "en");
});
