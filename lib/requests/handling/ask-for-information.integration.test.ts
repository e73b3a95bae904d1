import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { acknowledgeRequest } from "@/lib/requests/handling/acknowledge";
import { answerFromRequester, askForInformation, listMessages } from "@/lib/requests/handling/ask-for-information";
import { getStatusView } from "@/lib/requests/status-view";
import { createStaff, expectRefusal, lastEvent, latestEmail, templatesOf, tokenOf, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
});

const QUESTION = "Which workspace did you use our chat in?\nThe company's name is enough.";

describe("askForInformation", () => {
  it("stores the question, waits for the requester, audits without the text and emails the question", async () => {
    const { requestId, email } = await verifiedRequest();
    await acknowledgeRequest(requestId, officer);
    const now = new Date();
    const { messageId } = await askForInformation(requestId, { message: `  ${QUESTION}  ` }, officer, now);

    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("AWAITING_REQUESTER");
    expect(await db.requestMessage.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({
      requestId,
      author: "STAFF",
      staffId: officer.id,
      body: QUESTION,
      createdAt: now,
    });
    const event = await lastEvent(requestId);
    expect(event).toMatchObject({
      action: "request.information_requested",
      actorType: "STAFF",
      actorId: officer.id,
      fromStatus: "IN_PROGRESS",
      toStatus: "AWAITING_REQUESTER",
      visibility: "PUBLIC",
      data: { messageId },
    });
    expect(JSON.stringify(event.data)).not.toContain("workspace");

    expect((await templatesOf(requestId)).at(-1)).toBe("more-information-needed");
    const sent = await latestEmail(requestId, "more-information-needed");
    expect(sent.to).toBe(email);
    expect(sent.props).toMatchObject({ question: QUESTION, reference: expect.stringMatching(/^DSR-/), requestTypeLabel: "Access my data" });
    // The emailed link is a fresh, working status link.
    const view = await getStatusView(tokenOf(String(sent.props.statusUrl)));
    expect(view).toMatchObject({ id: requestId, status: "AWAITING_REQUESTER" });
  });

  it("can ask straight from RECEIVED, but not while an answer is awaited or after closing", async () => {
    const { requestId } = await verifiedRequest();
    await askForInformation(requestId, { message: QUESTION }, officer);
    expect(await lastEvent(requestId)).toMatchObject({ fromStatus: "RECEIVED", toStatus: "AWAITING_REQUESTER" });
    await expectRefusal(askForInformation(requestId, { message: "And another?" }, officer), "INVALID_TRANSITION");
    await expectRefusal(askForInformation(requestId, { message: "   " }, officer), "INVALID_INPUT");
  });
});

describe("answerFromRequester", () => {
  it("stores the answer, resumes the work and shows it on the timeline", async () => {
    const { requestId, statusToken } = await verifiedRequest();
    await askForInformation(requestId, { message: QUESTION }, officer);
    const now = new Date(Date.now() + 1000);
    const { messageId } = await answerFromRequester(statusToken, { message: "Acme Support, last March." }, now);

    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("IN_PROGRESS");
    expect(await lastEvent(requestId)).toMatchObject({
      action: "request.information_provided",
      actorType: "REQUESTER",
      actorId: null,
      fromStatus: "AWAITING_REQUESTER",
      toStatus: "IN_PROGRESS",
      visibility: "PUBLIC",
      data: { messageId },
    });
    const messages = await listMessages(requestId);
    expect(messages.map((m) => [m.author, m.body])).toEqual([
      ["STAFF", QUESTION],
      ["REQUESTER", "Acme Support, last March."],
    ]);
    const view = await getStatusView(statusToken);
    expect(view?.events.map((e) => e.action).slice(-2)).toEqual(["request.information_requested", "request.information_provided"]);
  });

  it("refuses an answer nobody asked for, a second answer and an unknown link", async () => {
    const { requestId, statusToken } = await verifiedRequest();
    await expectRefusal(answerFromRequester(statusToken, { message: "Unprompted" }), "INVALID_TRANSITION");
    await askForInformation(requestId, { message: QUESTION }, officer);
    await answerFromRequester(statusToken, { message: "First answer" });
    await expectRefusal(answerFromRequester(statusToken, { message: "Second answer" }), "INVALID_TRANSITION");
    await expectRefusal(answerFromRequester("x".repeat(43), { message: "Hello" }), "NOT_FOUND");
    await expectRefusal(answerFromRequester("bad token!", { message: "Hello" }), "NOT_FOUND");
    expect((await listMessages(requestId)).map((m) => m.body)).toEqual([QUESTION, "First answer"]);
  });

  it("refuses a revoked status link", async () => {
    const { requestId, statusToken } = await verifiedRequest();
    await askForInformation(requestId, { message: QUESTION }, officer);
    await db.requestToken.updateMany({ where: { requestId }, data: { revokedAt: new Date() } });
    await expectRefusal(answerFromRequester(statusToken, { message: "Hello" }), "NOT_FOUND");
  });
});

describe("listMessages", () => {
  it("returns nothing for an unknown or malformed id", async () => {
    expect(await listMessages("00000000-0000-4000-8000-000000000000")).toEqual([]);
    expect(await listMessages("nope")).toEqual([]);
  });
});
