import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { DEMO_REQUESTER_EMAIL } from "@/lib/demo/product-data";
import type { ProductDatabase } from "@/lib/demo/product-database";
import { planRun } from "@/lib/fulfillment/runs";
import { autoStartRuns } from "@/lib/fulfillment/sweep";
import { openOutboxPayload } from "@/lib/mail/payload";
import { uploadRepresentationDocument } from "@/lib/representation/documents";
import { decideAsSubject } from "@/lib/representation/subject";
import { getRequestDetail } from "@/lib/requests/handling/detail";
import { queryQueue } from "@/lib/requests/queue";
import { markAsSpam } from "@/lib/requests/spam";
import { getStatusView } from "@/lib/requests/status-view";
import { submitRequest } from "@/lib/requests/submit";
import { demoProductForTests } from "@/lib/testing/demo-product";
import { requestInput } from "@/lib/testing/fixtures";
import { createStaff, eventsOf, expectRefusal, tokenOf } from "@/lib/testing/requests";
import { checkStuckIdentityAnswers, decideIdentity, giveIdentityAnswers, STUCK_CHECK_MS } from "@/lib/verification/identity/flow";
import { comparableFields, createQuestion, QuestionInputSchema, setQuestionActive } from "@/lib/verification/identity/questions";
import { sendVerificationReminders } from "@/lib/verification/reminders";
import { resendVerification } from "@/lib/verification/resend";
import { verifyByLink } from "@/lib/verification/verify";
import { seed } from "@/prisma/seed";

let admin: StaffUser;
let officer: StaffUser;
let product: ProductDatabase;
const fieldIds: Record<string, string> = {};

beforeAll(async () => {
  await seed(db);
  admin = await createStaff("ADMIN");
  officer = await createStaff("OFFICER");
  product = await demoProductForTests("idv_demo", admin.id);
  for (const f of await comparableFields()) fieldIds[f.label.split(" › ").pop()!] = f.value;
  // The demo member Alex Morgan: an owner since March 2025 (lib/demo/product-data.ts).
  await createQuestion(
    QuestionInputSchema.parse({ prompt: "In which month did you sign up?", answerKind: "MONTH", requestTypes: ["PORTABILITY"], fieldId: fieldIds["members.created_at"], matching: "SAME_MONTH" }),
    admin,
  );
  await createQuestion(
    QuestionInputSchema.parse({ prompt: "Your role in your company's account?", answerKind: "TEXT", requestTypes: ["PORTABILITY"], fieldId: fieldIds["members.role"], matching: "EXACT" }),
    admin,
  );
}, 120_000);

afterAll(async () => {
  await product?.stop();
});

const questionIds = async () => (await db.verificationQuestion.findMany({ where: { active: true, requestTypes: { has: "PORTABILITY" } }, orderBy: { position: "asc" } })).map((q) => q.id);

/** An export request by Alex Morgan, confirmed by the emailed link; its status link. */
async function confirmedExport(overrides: Record<string, unknown> = {}) {
  // One demo member files many requests here: the per-address daily limit is another suite's story.
  await db.rateLimitBucket.deleteMany({});
  const submitted = await submitRequest(requestInput({ type: "PORTABILITY", details: { format: "JSON" }, email: DEMO_REQUESTER_EMAIL, ...overrides }), { ip: null });
  if (!submitted.ok || !submitted.data.verificationRequired) throw new Error(JSON.stringify(submitted));
  const { requestId } = submitted.data;
  const row = await db.emailOutbox.findFirstOrThrow({ where: { requestId, template: "verify-email" } });
  const verified = await verifyByLink(tokenOf((openOutboxPayload(row.payload!).props as { verifyUrl: string }).verifyUrl));
  if (!verified.ok) throw new Error(verified.code);
  return { requestId, token: tokenOf(verified.statusPath) };
}

async function answers(month: string, role: string) {
  const [m, r] = await questionIds();
  return { answers: { [m!]: month, [r!]: role }, declaration: true, signature: "Alex Morgan" };
}

describe("configuring the questions", () => {
  it("offers only fields found by email in connected systems, and never checks a correction against stored data", async () => {
    const labels = (await comparableFields()).map((f) => f.label);
    expect(labels).toContain("Jexi product database › members.role");
    expect(labels.some((l) => l.endsWith("members.email"))).toBe(false);
    // A field of a collection not found by email (accounts is reached through members).
    expect(labels.some((l) => l.endsWith("accounts.plan"))).toBe(false);
    const correction = QuestionInputSchema.safeParse({ prompt: "Role?", answerKind: "TEXT", requestTypes: ["CORRECTION"], fieldId: fieldIds["members.role"], matching: "EXACT" });
    expect(correction.success).toBe(false);
    expect(correction.error?.issues[0]?.message).toMatch(/never verified with data the person may be contesting/);
    const optOut = QuestionInputSchema.safeParse({ prompt: "Role?", answerKind: "TEXT", requestTypes: ["OPT_OUT_SALE"], matching: "EXACT" });
    expect(optOut.success).toBe(false);
    const month = QuestionInputSchema.safeParse({ prompt: "When?", answerKind: "TEXT", requestTypes: ["ACCESS"], fieldId: fieldIds["members.created_at"], matching: "SAME_MONTH" });
    expect(month.error?.issues[0]?.path).toEqual(["matching"]);
  });

  it("records every change in the data map's audit trail, and retired questions are not asked", async () => {
    const { questionId } = await createQuestion(
      QuestionInputSchema.parse({ prompt: "A ticket reference?", answerKind: "TEXT", requestTypes: ["ACCESS"], matching: "SAME_DIGITS" }),
      admin,
    );
    await setQuestionActive(questionId, false, admin);
    await expectRefusal(setQuestionActive(questionId, false, admin), "NOT_FOUND");
    const actions = (await db.dataMapEvent.findMany({ where: { action: { startsWith: "verification_question." } }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(["verification_question.created", "verification_question.deactivated"]);
    // No active ACCESS question: an access request is verified by its email alone.
    const { requestId } = await confirmedExport({ type: "ACCESS", details: {} });
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "RECEIVED", identityCheck: "NOT_NEEDED" });
  });
});

describe("a request that needs the higher standard", () => {
  it("asks the questions after the email check and acknowledges nothing yet", async () => {
    const { requestId, token } = await confirmedExport();
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "PENDING_VERIFICATION", identityCheck: "AWAITING_ANSWERS", verifiedAt: null });
    expect((await eventsOf(requestId)).map((e) => e.action)).toEqual(["request.submitted", "verification.questions_asked"]);
    expect(await db.emailOutbox.count({ where: { requestId, template: "request-acknowledged" } })).toBe(0);
    const view = await getStatusView(token);
    expect(view?.identity).toMatchObject({ check: "AWAITING_ANSWERS", answeredBy: "REQUESTER" });
    expect(view?.identity.questions.map((q) => q.prompt)).toEqual(["In which month did you sign up?", "Your role in your company's account?"]);
    // The address is confirmed: no reminder to confirm it, and no new code on request.
    await db.request.update({ where: { id: requestId }, data: { receivedAt: new Date(Date.now() - 30 * 3_600_000) } });
    await sendVerificationReminders(db, new Date());
    expect(await db.emailOutbox.count({ where: { requestId, template: "verify-email" } })).toBe(1);
    expect(await resendVerification(requestId)).toEqual({ ok: false, code: "NOT_PENDING" });
  });

  it("refuses incomplete answers or a missing declaration, storing nothing", async () => {
    const { requestId, token } = await confirmedExport();
    const [m, r] = await questionIds();
    const refused = await giveIdentityAnswers(token, { answers: { [m!]: "2025-03", [r!]: "  " }, declaration: false, signature: "" }).then(
      () => null,
      (e: { code: string; fieldErrors?: Record<string, string> }) => e,
    );
    expect(refused?.code).toBe("INVALID_INPUT");
    expect(refused?.fieldErrors).toEqual({
      [`answers.${r}`]: "Answer this question",
      declaration: "Tick the declaration to send your answers",
      signature: "Type your full name",
    });
    expect(await db.verificationAnswer.count({ where: { requestId } })).toBe(0);
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).identityCheck).toBe("AWAITING_ANSWERS");
  });

  it("passes answers that match the product database, then verifies, acknowledges and lets a run search", async () => {
    const { requestId, token } = await confirmedExport();
    expect(await giveIdentityAnswers(token, await answers("2025-03", " Owner "))).toEqual({ check: "PASSED" });
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId }, include: { identityAnswers: true } });
    expect(request).toMatchObject({ status: "RECEIVED", identityCheck: "PASSED", identitySignature: "Alex Morgan" });
    expect(request.identityDeclaredAt).not.toBeNull();
    expect(request.identityAnswers.map((a) => a.outcome)).toEqual(["MATCHED", "MATCHED"]);
    expect(await db.emailOutbox.count({ where: { requestId, template: "request-acknowledged" } })).toBe(1);
    // No answer in the audit trail.
    expect(JSON.stringify((await eventsOf(requestId)).map((e) => e.data))).not.toMatch(/Owner|2025-03/);
    await expect(planRun(db, { requestId, staffId: officer.id })).resolves.toMatchObject({ runId: expect.any(String) });
    // Answers are given once.
    await expectRefusal(giveIdentityAnswers(token, await answers("2025-03", "owner")), "NOT_AWAITING_ANSWERS");
  });

  it("fails answers that do not match: nothing is searched until the officer decides, with a reason", async () => {
    const { requestId, token } = await confirmedExport();
    expect(await giveIdentityAnswers(token, await answers("2024-11", "owner"))).toEqual({ check: "FAILED" });
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId }, include: { identityAnswers: { orderBy: { createdAt: "asc" } } } });
    expect(request).toMatchObject({ status: "RECEIVED", identityCheck: "FAILED" });
    expect(request.identityAnswers.map((a) => a.outcome).sort()).toEqual(["MATCHED", "NOT_MATCHED"]);
    await expectRefusal(planRun(db, { requestId, staffId: officer.id }), "IDENTITY_NOT_CONFIRMED");
    await db.organizationSettings.update({ where: { id: 1 }, data: { autoRunTypes: ["PORTABILITY"] } });
    try {
      await autoStartRuns(db, new Date());
      expect(await db.fulfillmentRun.count({ where: { requestId } })).toBe(0);
    } finally {
      await db.organizationSettings.update({ where: { id: 1 }, data: { autoRunTypes: [] } });
    }

    // The queue's "Identity check: waiting for your decision" lists it until the officer decides.
    const { reference } = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    const waiting = async () => (await queryQueue({ sort: "due", identity: "officer", q: reference }, officer)).rows.map((r) => r.id);
    expect(await waiting()).toEqual([requestId]);

    const detail = await getRequestDetail(requestId, officer);
    expect(detail?.identity).toMatchObject({ check: "FAILED", signature: "Alex Morgan" });
    expect(detail?.identity.answers.map((a) => a.answer)).toEqual(["2024-11", "owner"]);
    await expectRefusal(decideIdentity(requestId, { decision: "PASSED", reason: "  " }, officer), "INVALID_INPUT");
    await decideIdentity(requestId, { decision: "PASSED", reason: "Confirmed by phone against the contract on file." }, officer);
    expect((await eventsOf(requestId)).at(-1)).toMatchObject({ action: "verification.identity_decided", actorId: officer.id, data: { from: "FAILED", to: "PASSED" } });
    await expect(planRun(db, { requestId, staffId: officer.id })).resolves.toMatchObject({ runId: expect.any(String) });
    expect(await waiting()).toEqual([]);
    await expectRefusal(decideIdentity(requestId, { decision: "PASSED", reason: "again" }, officer), "INVALID_TRANSITION");
  });

  it("leaves answers to the officer when the system cannot be asked, and says why", async () => {
    const system = await db.dataSystem.findFirstOrThrow({ where: { collections: { some: { name: "members" } } } });
    const connection = system.connection as Record<string, unknown>;
    await db.dataSystem.update({ where: { id: system.id }, data: { connection: { ...connection, port: 1 } } });
    try {
      const { requestId, token } = await confirmedExport();
      expect(await giveIdentityAnswers(token, await answers("2025-03", "owner"))).toEqual({ check: "FOR_OFFICER" });
      const stored = await db.verificationAnswer.findMany({ where: { requestId } });
      expect(stored.map((a) => a.outcome)).toEqual(["UNAVAILABLE", "UNAVAILABLE"]);
      expect(stored[0]!.note).toMatch(/officer judges this answer/);
      expect(stored[0]!.note).not.toContain(DEMO_REQUESTER_EMAIL);
      expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("RECEIVED");
      await decideIdentity(requestId, { decision: "FAILED", reason: "Could not confirm." }, officer);
      expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).identityCheck).toBe("FAILED");
    } finally {
      await db.dataSystem.update({ where: { id: system.id }, data: { connection: connection as object } });
    }
  });

  it("finishes a check a crash left half done", async () => {
    const { requestId, token } = await confirmedExport();
    const [m, r] = await questionIds();
    // As if the process died after storing the answers, before comparing them.
    const past = new Date(Date.now() - STUCK_CHECK_MS - 1000);
    await db.request.update({ where: { id: requestId }, data: { identityCheck: "CHECKING", identityDeclaredAt: past, identitySignature: "Alex Morgan" } });
    for (const [id, answer] of [
      [m!, "2025-03"],
      [r!, "owner"],
    ] as const) {
      const q = await db.verificationQuestion.findUniqueOrThrow({ where: { id } });
      await db.verificationAnswer.create({ data: { requestId, questionId: id, prompt: q.prompt, answer } });
    }
    expect(await checkStuckIdentityAnswers(db, new Date())).toBeGreaterThanOrEqual(1);
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ identityCheck: "PASSED", status: "RECEIVED" });
    expect((await getStatusView(token))?.identity.check).toBe("PASSED");
  });

  it("erases the answers and the signature with the request's other personal data", async () => {
    const { requestId, token } = await confirmedExport();
    await giveIdentityAnswers(token, await answers("2024-11", "owner"));
    await markAsSpam(requestId, officer);
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId }, include: { identityAnswers: true } });
    expect(request.identitySignature).toBeNull();
    expect(request.identityAnswers.every((a) => a.answer === null && a.outcome !== null)).toBe(true);
    // Spam also refuses the address for a while; the demo member files again below.
    await db.blockedSender.deleteMany({});
  });

  it("asks the consumer, not their agent, on an agent's request", async () => {
    await db.rateLimitBucket.deleteMany({});
    const PDF = new TextEncoder().encode("%PDF-1.7\n%%EOF\n");
    const submitted = await submitRequest(
      requestInput({
        type: "PORTABILITY",
        details: { format: "CSV" },
        email: DEMO_REQUESTER_EMAIL,
        submittedBy: "AGENT",
        representative: { name: "Priya Natarajan", email: `agent.${Date.now()}@agents.test` },
      }),
      { ip: null },
    );
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    const { requestId } = submitted.data;
    const mail = async (template: string) => openOutboxPayload((await db.emailOutbox.findFirstOrThrow({ where: { requestId, template } })).payload!).props as Record<string, string>;
    const agent = await verifyByLink(tokenOf((await mail("verify-email")).verifyUrl!));
    if (!agent.ok) throw new Error(agent.code);
    await uploadRepresentationDocument(tokenOf(agent.statusPath), { kind: "SIGNED_PERMISSION", filename: "p.pdf", bytes: PDF });
    const consumer = await decideAsSubject(tokenOf((await mail("agent-request-confirm")).confirmUrl!), "CONFIRM");
    if (!consumer.ok || !consumer.statusPath) throw new Error("expected a confirmation");
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "PENDING_VERIFICATION", identityCheck: "AWAITING_ANSWERS" });
    expect((await getStatusView(tokenOf(agent.statusPath)))?.identity.answeredBy).toBe("SUBJECT");
    // The consumer is told, with their own link, that the questions wait for them.
    const told = await db.emailOutbox.findMany({ where: { requestId, template: "more-information-needed" } });
    expect(told.map((m) => openOutboxPayload(m.payload!).to)).toEqual([DEMO_REQUESTER_EMAIL]);
    await expectRefusal(giveIdentityAnswers(tokenOf(agent.statusPath), await answers("2025-03", "owner")), "NOT_ALLOWED");
    expect(await giveIdentityAnswers(tokenOf(consumer.statusPath), await answers("2025-03", "owner"))).toEqual({ check: "PASSED" });
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("RECEIVED");
  });
});

describe("a correction", () => {
  it("is never checked against the data it may correct: the officer judges its answers", async () => {
    const { questionId } = await createQuestion(
      QuestionInputSchema.parse({ prompt: "Your role?", answerKind: "TEXT", requestTypes: ["CORRECTION"], matching: "EXACT" }),
      admin,
    );
    // Even a question pointed at a field by hand (bypassing the form's rule) is not compared.
    await db.verificationQuestion.update({ where: { id: questionId }, data: { fieldId: fieldIds["members.role"] } });
    const { requestId, token } = await confirmedExport({ type: "CORRECTION", details: { whatIsWrong: "My role", correctValue: "admin" } });
    expect(await giveIdentityAnswers(token, { answers: { [questionId]: "owner" }, declaration: true, signature: "Alex Morgan" })).toEqual({ check: "FOR_OFFICER" });
    const [answer] = await db.verificationAnswer.findMany({ where: { requestId } });
    expect(answer).toMatchObject({ outcome: "FOR_OFFICER", note: expect.stringMatching(/7060/) });
    await setQuestionActive(questionId, false, admin);
  });
});
