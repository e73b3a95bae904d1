import { expect, test } from "@playwright/test";
import { callAction, findAction } from "../support/actions";
import { countPolicyVersions, createPolicyDraftRow, policyDraft } from "../support/policy";
import { createStaff, signInAs, type Role } from "../support/staff";

// Only admins write the policy: officers and auditors see neither the pages nor the link, and
// its actions, posted by hand, refuse them and change nothing.

const ACTIONS = "app/(admin)/admin/(dashboard)/policy/actions.ts";

for (const role of ["OFFICER", "AUDITOR"] as Role[]) {
  test(`an ${role.toLowerCase()} can neither open nor change the policy's drafts`, async ({ page, context }) => {
    const owner = await createStaff("ADMIN");
    const draftId = await createPolicyDraftRow(owner.id, "Not for officers");
    const before = await policyDraft(draftId);
    const versions = await countPolicyVersions();
    await signInAs(context, (await createStaff(role)).id);

    await page.goto("/admin");
    await expect(page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Policy", exact: true })).toHaveCount(0);
    expect((await page.goto("/admin/policy"))?.status()).toBe(403);
    expect((await page.goto(`/admin/policy/drafts/${draftId}`))?.status()).toBe(403);

    const path = `/admin/policy/drafts/${draftId}`;
    const draft = { draftId, baseUpdatedAt: before!.updatedAt, title: "Taken over", summary: "S", markdown: "## A\n\nText.\n", changeSummary: "", placeholders: {}, effectiveAt: "2099-01-01" };
    expect((await callAction(context.request, path, findAction(ACTIONS, "saveDraftAction").id, draft)).code).toBe("FORBIDDEN");
    expect((await callAction(context.request, path, findAction(ACTIONS, "publishDraftAction").id, { ...draft, version: "" })).code).toBe("FORBIDDEN");
    expect((await callAction(context.request, path, findAction(ACTIONS, "deleteDraftAction").id, { draftId })).code).toBe("FORBIDDEN");
    expect(await policyDraft(draftId)).toEqual(before);
    expect(await countPolicyVersions()).toBe(versions);
  });
}

test("an admin's save over a newer save is refused, and says why", async ({ page, context }) => {
  const admin = await createStaff("ADMIN");
  const draftId = await createPolicyDraftRow(admin.id, "Two editors");
  await signInAs(context, admin.id);
  await page.goto(`/admin/policy/drafts/${draftId}`);
  const title = page.getByLabel("Title", { exact: true });
  await expect(title).toHaveValue("Two editors");
  await expect(title).toBeEnabled();

  // Someone else saves first, from their own copy of the page.
  const before = await policyDraft(draftId);
  const save = findAction(ACTIONS, "saveDraftAction").id;
  const theirs = await callAction(context.request, `/admin/policy/drafts/${draftId}`, save, { draftId, baseUpdatedAt: before!.updatedAt, title: "Their title", summary: "A summary.", markdown: "## About this policy\n\nWrite to [PRIVACY EMAIL].\n", changeSummary: "", placeholders: {}, effectiveAt: "" });
  expect(theirs.ok, theirs.text.slice(0, 200)).toBe(true);

  await title.fill("My title");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Someone saved this draft after you opened it")).toBeVisible();
  expect((await policyDraft(draftId))?.title).toBe("Their title");
});
