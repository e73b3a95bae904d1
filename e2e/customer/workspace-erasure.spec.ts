import { expect, test } from "@playwright/test";
import pg from "pg";
import { seriousViolations } from "../support/axe";
import { messagesTo, type Mail } from "../support/mailbox";
import { ACME_INBOX, submitAcmeDeletion } from "../support/referrals";
import { createStaff, signInAs } from "../support/staff";

// The processor case of an erasure on the demo product database the e2e server runs with: an end
// user of Acme's chatbot asks for deletion, the request is referred to Acme, and Acme instructs the
// erasure from its referral page: it finds the data in its workspace, reads the dry run, approves
// it and reads the outcome with the proof. The same address in Globex's workspace keeps its rows.
// The officer's request page shows the same. The rows are this test's own (its own address).

async function productQuery(sql: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_PRODUCT_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** The person as an end user of Acme's workspace (a chat of two messages) and of Globex's (one message). */
async function seedEndUser(email: string): Promise<{ acme: number; globex: number }> {
  const acme = 1_000_000 + Math.floor(Math.random() * 100_000_000) * 2;
  const globex = acme + 1;
  const at = "2026-11-02T09:00:00Z";
  await productQuery("INSERT INTO end_users VALUES ($1, 'acme-help', $2, 'Nia Brandt', 'acme-e2e', $3), ($4, 'globex', $2, 'Nia B.', 'gx-e2e', $3)", [acme, email, at, globex]);
  await productQuery("INSERT INTO conversations VALUES ($1, 'acme-help', $1, 'chat', 'Refund', $2), ($3, 'globex', $3, 'email', 'Parcel', $2)", [acme, at, globex]);
  await productQuery(
    "INSERT INTO messages VALUES ($1, $1, 'acme-help', 'end_user', 'My order never came.', $2), ($3, $1, 'acme-help', 'ai', 'I have refunded it.', $2), ($4, $4, 'globex', 'end_user', 'Where is my parcel?', $2)",
    [acme, at, -acme, globex],
  );
  return { acme, globex };
}

const rowsIn = async (table: string, workspace: string, email: string) =>
  (
    await productQuery(
      table === "end_users"
        ? "SELECT count(*)::int AS n FROM end_users WHERE email = $1 AND workspace_slug = $2"
        : `SELECT count(*)::int AS n FROM ${table} t JOIN end_users u ON u.id = ${table === "conversations" ? "t.end_user_id" : "(SELECT end_user_id FROM conversations c WHERE c.id = t.conversation_id)"} WHERE u.email = $1 AND t.workspace_slug = $2`,
      [email, workspace],
    )
  )[0]!.n;

test("a customer instructs a workspace-scoped erasure from its referral and reads the proof", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const referral = await submitAcmeDeletion(page, "Nia Brandt");
  await seedEndUser(referral.requesterEmail);

  await page.goto(referral.referralLink);
  const section = page.getByRole("region", { name: "Erase this person's data in your workspace" });
  await expect(section).toContainText("Only Acme Help is searched: your other workspaces and Jexi's own records are not part of it.");
  await section.getByRole("button", { name: "Find this person's data in Acme Help" }).click();
  await expect(page.getByRole("status").filter({ hasText: "We are looking for the data" })).toBeFocused();

  // The dry run, once the search has ended (the page refreshes itself meanwhile).
  await expect(section.getByRole("heading", { name: "What the erasure would do" })).toBeVisible({ timeout: 60_000 });
  await expect(section).toContainText("In Acme Help: 4 rows would be deleted, 0 rows changed and 0 rows kept as they are.");
  const table = section.getByRole("table", { name: "Jexi product database: the requester's rows in Acme Help" });
  await expect(table.getByRole("row", { name: /^end_users 1 Deleted/ })).toContainText(referral.requesterEmail);
  await expect(table.getByRole("row", { name: /^messages 2 Deleted/ })).toBeVisible();
  await expect(section).not.toContainText("globex");
  await expect(section).toContainText("Erasing cannot be undone. It affects only Acme Help");
  expect(await seriousViolations(page)).toEqual([]);
  // Nothing is erased before the approval.
  expect(await rowsIn("messages", "acme-help", referral.requesterEmail)).toBe(2);

  await section.getByRole("button", { name: "Approve and erase" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Erasure approved" })).toBeFocused();
  await expect(section.getByRole("heading", { name: /^Erased on / })).toBeVisible({ timeout: 60_000 });
  await expect(section).toContainText("4 rows deleted or changed, in Acme Help only. Checked afterwards: we looked up all 4 rows again, and none still holds what was erased.");
  const proof = section.getByRole("table", { name: "Proof of erasure, per collection" });
  await expect(proof.getByRole("row", { name: /messages 2 0$/ })).toBeVisible();
  await expect(section.getByRole("button", { name: /Find this person's data/ })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // Erased in Acme's workspace; Globex's end user with the same address keeps every row.
  for (const t of ["end_users", "conversations", "messages"]) expect(await rowsIn(t, "acme-help", referral.requesterEmail)).toBe(0);
  for (const t of ["end_users", "conversations", "messages"]) expect(await rowsIn(t, "globex", referral.requesterEmail)).toBe(1);

  // Acme's privacy contacts are emailed the outcome, with a fresh link to the referral page.
  const subject = `Privacy request ${referral.reference}: the data in your workspace is erased`;
  let done: Mail | undefined;
  await expect.poll(async () => (done = (await messagesTo(ACME_INBOX)).find((m) => m.subject === subject)), { timeout: 30_000 }).toBeTruthy();
  expect(done!.text).toContain("Checked afterwards: we looked up all 4 rows again, and none still holds what was erased.");
  expect(done!.text).not.toContain(referral.requesterEmail);

  // The officer sees the same on the request page, without the rows.
  const context = await browser.newContext();
  try {
    await signInAs(context, (await createStaff("OFFICER")).id);
    const admin = await context.newPage();
    await admin.goto(`/admin/requests?q=${referral.reference}`);
    await admin.getByRole("link", { name: referral.reference }).click();
    const erasure = admin.getByRole("region", { name: "Erasure in the workspace, instructed by Acme Support Ltd" });
    await expect(erasure).toContainText("Erased");
    await expect(erasure).toContainText("4 rows looked up again afterwards, none holds what was erased");
    await expect(admin.getByText("The customer approved the erasure in its workspace")).toBeVisible();
    await expect(admin.getByText("Acme Support Ltd told that the workspace erasure is done")).toBeVisible();
    expect(await seriousViolations(admin)).toEqual([]);
  } finally {
    await context.close();
  }
});
