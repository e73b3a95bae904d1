import { expect, test, type Browser, type Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { confirmAction } from "../support/confirm-action";
import { requestByEmail } from "../support/db";
import { codeIn, linkIn, uniqueEmail, waitForMail } from "../support/mailbox";
import { chooseType } from "../support/request-form";
import { createStaff, signInAs } from "../support/staff";

// Someone asking for someone else (issue 11): an authorized agent for a consumer, who confirms
// from their own inbox; a parent for a child. Each step as the people involved would take it.

const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function officerPage(browser: Browser, requestId: string): Promise<Page> {
  const officer = await createStaff("OFFICER", "representation");
  const context = await browser.newContext();
  await signInAs(context, officer.id);
  const page = await context.newPage();
  await page.goto(`/admin/requests/${requestId}`);
  return page;
}

/** The form, filled by an agent for a consumer in California; sent; on the "check your email" page. */
async function fileAsAgent(page: Page, agentEmail: string, consumerEmail: string) {
  await page.goto("/requests/new");
  await page.getByRole("radio", { name: /^Someone who authorised me/ }).check();
  await chooseType(page, "Access my data");
  await page.getByLabel("Your full name", { exact: true }).fill("Priya Natarajan");
  await page.getByLabel("Your email address", { exact: true }).fill(agentEmail);
  await page.getByLabel("Your organisation (optional)").fill("OptOut Helpers LLC");
  await page.getByLabel("Their full name", { exact: true }).fill("Carmen Ruiz");
  await page.getByLabel("Their email address", { exact: true }).fill(consumerEmail);
  await page.getByLabel("Country where they live").selectOption({ label: "United States" });
  await page.getByLabel("State").selectOption({ label: "California" });
  await page.getByRole("radio", { name: "I have an account with us, or work for a company that does" }).check();
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

test.describe.serial("an authorized agent files for a consumer, who confirms", () => {
  const agent = uniqueEmail("agent");
  const consumer = uniqueEmail("consumer");
  let agentStatus = "";

  test("the form asks whose request it is and refuses the consumer's address as the agent's own", async ({ page }) => {
    await page.goto("/requests/new");
    await page.getByRole("radio", { name: /^Someone who authorised me/ }).check();
    await expect(page.getByRole("group", { name: "About you, the authorized agent" })).toBeVisible();
    await expect(page.getByRole("group", { name: "About the person the request is for" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    // The consumer's fields speak of them, not of "you".
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page.getByText("Enter their full name")).toBeVisible();
    await expect(page.getByText("Enter your own full name")).toBeVisible();

    await chooseType(page, "Access my data");
    await page.getByLabel("Your full name", { exact: true }).fill("Priya Natarajan");
    await page.getByLabel("Your email address", { exact: true }).fill(consumer);
    await page.getByLabel("Their full name", { exact: true }).fill("Carmen Ruiz");
    await page.getByLabel("Their email address", { exact: true }).fill(consumer);
    await page.getByLabel("Country where they live").selectOption({ label: "United States" });
    await page.getByLabel("State").selectOption({ label: "California" });
    await page.getByRole("radio", { name: "I have an account with us, or work for a company that does" }).check();
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page.getByText("Give your own email address here, not the one of the person you ask for")).toBeVisible();
    await expect(page.getByLabel("Your email address", { exact: true })).toBeFocused();
    expect(await requestByEmail(consumer)).toBeNull();
  });

  test("the agent confirms their own address and uploads the signed permission", async ({ page }) => {
    await fileAsAgent(page, agent, consumer);
    await expect(page.getByText(/We sent a 6-digit code to a/)).toBeVisible();
    const mail = await waitForMail(agent, /Confirm your privacy request/);
    await page.getByLabel("Confirmation code").fill(codeIn(mail));
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("heading", { name: "Your privacy request", exact: true })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Your email is confirmed" })).toBeVisible();
    const section = page.getByRole("region", { name: "You act as an authorized agent" });
    await expect(section).toContainText("Not received yet: upload it below");
    await expect(section).toContainText("We emailed them on");
    expect(await seriousViolations(page)).toEqual([]);
    agentStatus = page.url().split("?")[0]!;

    await section.getByLabel("File", { exact: true }).setInputFiles({ name: "carmen-permission.pdf", mimeType: "application/pdf", buffer: PDF });
    await section.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByText("Document received").first()).toBeVisible();
    await expect(section).toContainText("The consumer's signed permission, ");
    await expect(section).toContainText(/Received on/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the consumer confirms from their own inbox, and both are told the request is under way", async ({ page }) => {
    const ask = await waitForMail(consumer, /Did you ask someone to make a privacy request for you/);
    expect(ask.text).toContain("Priya Natarajan of OptOut Helpers LLC");
    await page.goto(linkIn(ask, "/requests/confirm/"));
    await expect(page.getByRole("heading", { name: "Did you authorise this request?" })).toBeVisible();
    await expect(page.getByText("Priya Natarajan of OptOut Helpers LLC")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Yes, I authorised it" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Thank you for confirming" })).toContainText("We have started work");
    await expect(page.getByRole("region", { name: "Made for you by your authorized agent" })).toContainText("You confirmed on");
    expect(await seriousViolations(page)).toEqual([]);
    await waitForMail(consumer, /We have your request/);
    await waitForMail(agent, /We have your request/);

    await page.goto(agentStatus);
    await expect(page.getByRole("region", { name: "You act as an authorized agent" })).toContainText(/The consumer's own confirmation\s*Confirmed on/);
  });

  test("the officer sees both confirmations and the permission, and asks the consumer directly", async ({ browser }) => {
    const stored = await requestByEmail(consumer);
    const officer = await officerPage(browser, stored!.id);
    const panel = officer.getByRole("region", { name: "Authorized agent", exact: true });
    await expect(panel).toContainText("Priya Natarajan");
    await expect(panel).toContainText(/The agent's own email\s*Confirmed/);
    await expect(panel).toContainText(/The consumer's own confirmation\s*Confirmed/);
    const [download] = await Promise.all([officer.waitForEvent("download"), panel.getByRole("link", { name: "carmen-permission.pdf" }).click()]);
    expect(download.suggestedFilename()).toBe("carmen-permission.pdf");
    expect(await seriousViolations(officer)).toEqual([]);

    await confirmAction(officer, "Acknowledge and start", "Acknowledge");
    await confirmAction(officer, "Ask the consumer for more information", "Send question to the consumer", {
      label: "Your question to the consumer",
      value: "Which city do you live in?",
    });
    const question = await waitForMail(consumer, /question|information/i);
    const page = await officer.context().newPage();
    // The question is the consumer's: the agent's page neither shows it nor offers to answer it.
    await page.goto(agentStatus);
    await expect(page.getByText("Which city do you live in?")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Send answer" })).toHaveCount(0);
    await page.goto(linkIn(question, "/requests/status/"));
    await expect(page.getByText("Which city do you live in?")).toBeVisible();
    await page.getByLabel(/Your answer/).fill("Sacramento.");
    await page.getByRole("button", { name: /Send answer/ }).click();
    await expect(page.getByText("Answer sent")).toBeVisible();
    await officer.reload();
    await expect(officer.getByRole("region", { name: "Messages" })).toContainText("The consumer");
    await expect(officer.getByRole("region", { name: "Messages" })).toContainText("Sacramento.");
    await officer.context().close();
  });
});

test("a consumer who did not authorise an agent closes the request, and the agent is told", async ({ page }) => {
  const agent = uniqueEmail("agent-refused");
  const consumer = uniqueEmail("consumer-refused");
  await fileAsAgent(page, agent, consumer);
  await page.goto(linkIn(await waitForMail(agent, /Confirm your privacy request/), "/requests/verify/link/"));
  await page.getByRole("button", { name: "Confirm my request" }).click();
  await expect(page.getByRole("heading", { name: "Your privacy request", exact: true })).toBeVisible();
  const agentStatus = page.url().split("?")[0]!;

  await page.goto(linkIn(await waitForMail(consumer, /Did you ask someone/), "/requests/confirm/"));
  await page.getByRole("button", { name: "No, I did not" }).click();
  await expect(page.getByRole("heading", { name: "Thank you: the request is closed" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await waitForMail(agent, /is closed: not confirmed by the consumer/);

  await page.goto(agentStatus);
  await expect(page.getByText("Closed: not authorised")).toBeVisible();
  await expect(page.getByRole("button", { name: "Upload" })).toHaveCount(0);
});

test.describe.serial("a parent files for a child", () => {
  const parent = uniqueEmail("parent");
  const child = uniqueEmail("child");
  let statusUrl = "";

  test("the parent gives the child's details and their own, confirms, and the request is under way", async ({ page }) => {
    const born = new Date();
    born.setUTCFullYear(born.getUTCFullYear() - 11);
    await page.goto("/requests/new");
    await page.getByRole("radio", { name: /^My child, as their parent or guardian/ }).check();
    await chooseType(page, "Delete my data");
    await page.getByRole("radio", { name: /^All personal information about me/ }).check();
    await page.getByLabel("Your full name", { exact: true }).fill("Anna Schmidt");
    await page.getByLabel("Your email address", { exact: true }).fill(parent);
    await page.getByRole("radio", { name: "Legal guardian" }).check();
    await page.getByLabel("Your child's date of birth").fill(born.toISOString().slice(0, 10));
    await page.getByLabel("Your child's full name").fill("Leo Schmidt");
    await page.getByLabel("The email address your child uses with us").fill(child);
    await page.getByLabel("Country where your child lives").selectOption({ label: "Germany" });
    await page.getByRole("radio", { name: "I have an account with us, or work for a company that does" }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

    await page.goto(linkIn(await waitForMail(parent, /Confirm your privacy request/), "/requests/verify/link/"));
    await page.getByRole("button", { name: "Confirm my request" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Email confirmed" })).toBeVisible();
    const section = page.getByRole("region", { name: "You act as the child's legal guardian" });
    await expect(section).toContainText("proof that you have parental responsibility");
    expect(await seriousViolations(page)).toEqual([]);
    statusUrl = page.url().split("?")[0]!;
    await waitForMail(parent, /We have your request/);
  });

  test("the officer asks for proof of parental responsibility, which the parent uploads", async ({ browser, page }) => {
    const stored = await requestByEmail(child);
    const officer = await officerPage(browser, stored!.id);
    const panel = officer.getByRole("region", { name: "Parent or guardian", exact: true });
    await expect(panel).toContainText("Legal guardian");
    await expect(panel).toContainText("None uploaded.");
    await confirmAction(officer, "Acknowledge and start", "Acknowledge");
    await expect(officer.getByRole("region", { name: "Ask the consumer for more information" })).toHaveCount(0);
    await confirmAction(officer, "Ask the parent or guardian for more information", "Send question to the parent or guardian", {
      label: "Your question to the parent or guardian",
      value: "Please upload a court order or birth certificate that shows your guardianship.",
    });
    await waitForMail(parent, /question|information/i);

    await page.goto(statusUrl);
    await expect(page.getByText("Please upload a court order")).toBeVisible();
    const section = page.getByRole("region", { name: "You act as the child's legal guardian" });
    await expect(section.getByLabel("What it is")).toHaveValue("PARENTAL_RESPONSIBILITY");
    await section.getByLabel("File", { exact: true }).setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a scan") });
    await section.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByText("Upload a PDF, PNG or JPEG file.")).toBeVisible();
    await page.getByRole("region", { name: "You act as the child's legal guardian" }).getByLabel("File", { exact: true }).setInputFiles({
      name: "guardianship.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await page.getByRole("region", { name: "You act as the child's legal guardian" }).getByRole("button", { name: "Upload" }).click();
    await expect(page.getByText("Document received").first()).toBeVisible();

    await officer.reload();
    await expect(officer.getByRole("region", { name: "Parent or guardian", exact: true }).getByRole("link", { name: "guardianship.pdf" })).toBeVisible();
    await officer.context().close();
  });
});
