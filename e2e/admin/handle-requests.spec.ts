import { expect, test, type Browser, type Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { codeIn, linkIn, uniqueEmail, waitForMail } from "../support/mailbox";
import { chooseType, fillRequester, type Requester } from "../support/request-form";
import { createStaff } from "../support/staff";

/** A person submits through the public form and confirms by code; returns the reference. */
async function submitAndVerify(page: Page, type: string, who: Requester, fillDetails?: (page: Page) => Promise<void>): Promise<string> {
  await page.goto("/requests/new");
  await chooseType(page, type);
  if (fillDetails) await fillDetails(page);
  await fillRequester(page, who);
  await page.getByRole("button", { name: "Send request" }).click();
  const mail = await waitForMail(who.email, /Confirm your privacy request/);
  await page.getByLabel("Confirmation code").fill(codeIn(mail));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Your privacy request" })).toBeVisible();
  return mail.subject.match(/DSR-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
}

/** The officer signs in the real way: a magic link over SMTP. */
async function officerPage(browser: Browser): Promise<Page> {
  const officer = await createStaff("OFFICER");
  const page = await (await browser.newContext()).newPage();
  await page.goto("/admin/sign-in");
  await page.getByLabel("Work email").fill(officer.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(linkIn(await waitForMail(officer.email, /Sign in/), "/api/auth/callback/email?"));
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  return page;
}

async function openFromQueue(page: Page, email: string, reference: string) {
  await page.goto("/admin/requests");
  await page.getByLabel("Reference, email or name").fill(email);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
}

async function confirmAction(page: Page, title: string, button: string, text?: { label: string | RegExp; value: string }) {
  const section = page.getByRole("region", { name: title });
  if (text) await section.getByLabel(text.label).fill(text.value);
  await section.getByRole("button", { name: button }).click();
  await section.getByRole("button", { name: `Confirm: ${button.toLowerCase()}` }).click();
}

test("an officer extends and completes an access request, and the requester downloads the package", async ({ page: requesterPage, browser }) => {
  const requester = { name: "Lena Fischer", email: uniqueEmail("access"), country: "Germany" };
  const reference = await submitAndVerify(requesterPage, "Access my data", requester);

  const officer = await officerPage(browser);
  await openFromQueue(officer, requester.email, reference);
  await expect(officer.getByText(requester.email)).toBeVisible();

  await expect(officer.getByRole("link", { name: "Assigned to me (0)" })).toBeVisible();
  await confirmAction(officer, "Acknowledge and start", "Acknowledge");
  await expect(officer.getByText("In progress", { exact: true }).first()).toBeVisible();
  // Picking it up makes it the officer's (issue 13, "Assignment"): the nav counts it and lists it.
  await expect(officer.getByRole("region", { name: "Request", exact: true })).toContainText(/Assignee\s*officer/);
  await officer.getByRole("link", { name: "Assigned to me (1)" }).click();
  await officer.getByRole("link", { name: reference }).click();

  await confirmAction(officer, "Extend the deadline", "Extend deadline", { label: /Reason/, value: "We hold data in several systems and need time to collect it." });
  await expect(officer.getByText(/\(extended\)/)).toBeVisible();
  await expect(officer.getByRole("region", { name: "Extend the deadline" })).toHaveCount(0);
  const extended = await waitForMail(requester.email, /We need more time for your request/);
  expect(extended.text).toContain("We hold data in several systems");

  const contents = JSON.stringify({ subject: requester.email, conversations: 3 });
  await officer.getByLabel(/^File \(up to/).setInputFiles({ name: "lena-data.json", mimeType: "application/json", buffer: Buffer.from(contents) });
  await officer.getByRole("button", { name: "Attach file" }).click();
  await expect(officer.getByText("Data package attached.")).toBeVisible();

  await confirmAction(officer, "Complete", "Complete request");
  await expect(officer.getByText("Completed", { exact: true }).first()).toBeVisible();

  const done = await waitForMail(requester.email, /is complete/);
  await requesterPage.goto(linkIn(done, "/requests/status/"));
  const downloadLink = requesterPage.getByRole("link", { name: "Download lena-data.json" });
  const [download] = await Promise.all([requesterPage.waitForEvent("download"), downloadLink.click()]);
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  expect(await readFile(path!, "utf8")).toBe(contents);
  await requesterPage.reload();
  await expect(requesterPage.getByRole("listitem").filter({ hasText: /download/i }).first()).toBeVisible();
});

test("an officer denies a request and the requester appeals from the status page", async ({ page: requesterPage, browser }) => {
  const requester = { name: "Sam Carter", email: uniqueEmail("deny"), country: "United States", region: "Virginia" };
  const reference = await submitAndVerify(requesterPage, "Delete my data", requester, (p) => p.getByRole("radio", { name: "All personal information about me" }).check());
  // While an answer is owed, the page promises a date; once denied it no longer does (below).
  await expect(requesterPage.getByRole("term").filter({ hasText: "We will answer by" })).toHaveCount(1);

  const officer = await officerPage(browser);
  await openFromQueue(officer, requester.email, reference);
  // The state's own law, and its Attorney General by name (issue 13, point 6).
  await expect(officer.getByRole("region", { name: "Request", exact: true })).toContainText("Virginia Consumer Data Protection Act");
  await expect(officer.getByRole("region", { name: "Deny" })).toContainText("the Virginia Attorney General (www.oag.state.va.us)");
  // The basis is asked for: without it the denial is not sent.
  const deny = officer.getByRole("region", { name: "Deny" });
  await deny.getByLabel(/Reason for the denial/).fill("We must keep billing records for tax law.");
  await deny.getByRole("button", { name: "Deny request" }).click();
  await expect(deny.getByLabel(/^Basis/)).toHaveAccessibleDescription("Choose the basis for the denial");
  await deny.getByLabel(/^Basis/).selectOption({ label: "An exception in the law applies (a legal obligation, legal claims, others' rights)" });
  await confirmAction(officer, "Deny", "Deny request");
  await expect(officer.locator(":focus")).toContainText("Denied: the requester is emailed your reason");
  await expect(officer.getByText("Denied", { exact: true }).first()).toBeVisible();
  await expect(officer.getByText(/Basis: An exception in the law applies/)).toBeVisible();

  const answer = await waitForMail(requester.email, /Our answer to your request/);
  expect(answer.text).toContain("We must keep billing records for tax law.");
  expect(answer.text).toMatch(/appeal/i);
  expect(answer.text).toContain("the Virginia Attorney General (www.oag.state.va.us)");

  await requesterPage.goto(linkIn(answer, "/requests/status/"));
  // The status page gives the decision itself: the reasons, whom to complain to, and the appeal; no deadline left to promise.
  const decision = requesterPage.getByRole("region", { name: "Our decision" });
  await expect(decision).toContainText("We must keep billing records for tax law.");
  await expect(decision).toContainText("complain to the Virginia Attorney General (www.oag.state.va.us)");
  await expect(decision.getByRole("link", { name: "appeal this decision" })).toHaveAttribute("href", "#appeal-heading");
  await expect(requesterPage.getByRole("term").filter({ hasText: "We will answer by" })).toHaveCount(0);
  expect(await seriousViolations(requesterPage)).toEqual([]);
  await requesterPage.getByLabel("Why should we reconsider?").fill("Only some of the records are billing records.");
  await requesterPage.getByRole("button", { name: "Send appeal" }).click();
  await expect(requesterPage.getByText("Appeal a decision", { exact: true })).toBeVisible();
  await expect(requesterPage.getByText("US state privacy law")).toBeVisible();
  // The appeal's page says it was sent, of which request, shows what was written and leads back (issue 11, point 3).
  await expect(requesterPage.getByRole("status").filter({ hasText: "Appeal sent" })).toContainText(`your appeal of request ${reference}`);
  await expect(requesterPage.getByRole("region", { name: "What you wrote" })).toContainText("Only some of the records are billing records.");
  await requesterPage.getByRole("link", { name: `Back to request ${reference}` }).click();
  await expect(requesterPage.getByRole("region", { name: "Our decision" })).toBeVisible();

  // The officer finds the appeal routed to the privacy team, with nothing to route (issue 13, point 8).
  await officer.reload();
  await officer.getByText("Appealed in").getByRole("link").click();
  const route = officer.getByRole("region", { name: "Route", exact: true });
  await expect(route).toContainText("Privacy team");
  await expect(route).not.toContainText("Not routed yet");
  await expect(officer.getByRole("region", { name: "Route the request" })).toHaveCount(0);
});

test("extending is refused where the law allows no extension, and an access request can be answered in words alone", async ({ page: requesterPage, browser }) => {
  const requester = { name: "Ana Souza", email: uniqueEmail("lgpd"), country: "Brazil" };
  const reference = await submitAndVerify(requesterPage, "Access my data", requester);
  const officer = await officerPage(browser);
  await openFromQueue(officer, requester.email, reference);
  // LGPD has no extension: the action is not offered at all.
  await expect(officer.getByRole("region", { name: "Acknowledge and start" })).toBeVisible();
  await expect(officer.getByRole("region", { name: "Extend the deadline" })).toHaveCount(0);

  // Answered in words, without a file (issue 13, point 9): the answer is required then, and the
  // requester reads it in the email and on the status page, with nothing to download.
  const complete = officer.getByRole("region", { name: "Complete" });
  await complete.getByRole("button", { name: "Complete request" }).click();
  await expect(complete).toContainText("Your answer (sent to the requester) is required");
  await confirmAction(officer, "Complete", "Complete request", { label: /Your answer/, value: "We searched every system and hold no data about you." });
  await expect(officer.locator(":focus")).toContainText("Completed: the requester is emailed.");
  const done = await waitForMail(requester.email, /is complete/);
  expect(done.text).toContain("We searched every system and hold no data about you.");
  expect(done.text).not.toContain("Download my data");
  await requesterPage.goto(linkIn(done, "/requests/status/"));
  await expect(requesterPage.getByRole("region", { name: "Timeline" })).toContainText("Our answer: We searched every system and hold no data about you.");
});

test("an officer asks for more information and the requester's answer lands in the timeline", async ({ page: requesterPage, browser }) => {
  const requester = { name: "Mei Lin", email: uniqueEmail("ask"), country: "Singapore" };
  const reference = await submitAndVerify(requesterPage, "Correct my data", requester, async (p) => {
    await p.getByLabel("Which information is wrong?").fill("My company name");
    await p.getByLabel("What should it say instead?").fill("Lin Trading Pte Ltd");
  });

  const officer = await officerPage(browser);
  await openFromQueue(officer, requester.email, reference);
  await confirmAction(officer, "Ask the requester for more information", "Send question", { label: "Your question", value: "Which workspace is the company name shown in?" });
  // What happened is said, and focused (issue 13, point 5).
  await expect(officer.locator(":focus")).toContainText("Question sent: the requester is emailed it");
  // Staff words on the staff side (issue 13, points 1 and 3): the status and the timeline speak of
  // the requester, what they asked reads as questions and answers, and no code or JSON shows.
  await expect(officer.getByText("Waiting for the requester", { exact: true }).first()).toBeVisible();
  const timeline = officer.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("→ Waiting for the requester");
  await expect(timeline).toContainText("Type: Correct my data · Law: PDPA (Singapore)");
  await expect(timeline).not.toContainText("Waiting for your reply");
  await expect(timeline).not.toContainText("request.submitted");
  await expect(timeline).not.toContainText('{"');
  const asked = officer.getByRole("region", { name: "Request", exact: true });
  await expect(asked).toContainText("What is wrong");
  await expect(asked).toContainText("My company name");
  await expect(asked).not.toContainText("whatIsWrong");

  const question = await waitForMail(requester.email, /We need more information about your request/);
  await requesterPage.goto(linkIn(question, "/requests/status/"));
  await expect(requesterPage.getByText("Which workspace is the company name shown in?")).toBeVisible();
  await requesterPage.getByLabel("Your answer").fill("The billing workspace.");
  await requesterPage.getByRole("button", { name: "Send answer" }).click();
  await expect(requesterPage.getByText("Thank you. Your answer is with the privacy team.")).toBeVisible();

  await officer.reload();
  await expect(officer.getByText("The billing workspace.")).toBeVisible();
  await expect(officer.getByText("In progress", { exact: true }).first()).toBeVisible();
});

test("a Californian's request shows the officer when its receipt was confirmed", async ({ page: requesterPage, browser }) => {
  const requester = { name: "Rosa Diaz", email: uniqueEmail("ccpa"), country: "United States", region: "California" };
  // The confirmation email reached the inbox, which is what confirms receipt (11 CCR §7021(a)).
  const reference = await submitAndVerify(requesterPage, "Access my data", requester);

  const officer = await officerPage(browser);
  await officer.goto("/admin/requests");
  await officer.getByLabel("Reference, email or name").fill(requester.email);
  await officer.getByRole("button", { name: "Apply filters" }).click();
  await expect(officer.getByRole("link", { name: reference })).toBeVisible();
  await expect(officer.getByText(/Confirm receipt by/)).toHaveCount(0);
  await officer.getByRole("link", { name: reference }).click();
  await expect(officer.getByText("Receipt confirmation (CCPA)")).toBeVisible();
  await expect(officer.getByText(/^Sent \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC \(due by \d{1,2} \w{3} \d{4}\)$/)).toBeVisible();
});
