import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, now as clockNow, resetClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { executeTask } from "@/lib/fulfillment/execute";
import { getOwnerTaskView } from "@/lib/fulfillment/manual";
import { answerOwnerTask } from "@/lib/fulfillment/owner";
import { openFile } from "@/lib/fulfillment/records";
import { cancelRun, planRun, startRun } from "@/lib/fulfillment/runs";
import { clearTestMap, saveTestMap } from "@/lib/fulfillment/test-map";
import { stopQueue } from "@/lib/jobs/boss";
import { runDueJobs } from "@/lib/jobs/worker";
import { createSmtpTransport } from "@/lib/mail/transport";
import { deliverDueEmails } from "@/lib/mail/worker";
import { startSmtpSink, type SmtpSink } from "@/lib/testing/smtp-sink";
import { createStaff, eventsOf, expectRefusal, latestEmail, templatesOf, tokenOf, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// A manual system (the finance team's spreadsheet): its owner is emailed a link saying what to
// look for, answers from it, and is reminded, then escalated to the privacy team, when silent.

const DAY = 86_400_000;
let sink: SmtpSink;

beforeAll(async () => {
  await seed(db);
  sink = await startSmtpSink();
});

afterAll(async () => {
  await stopQueue();
  await sink.close();
});

afterEach(async () => {
  resetClock();
  await clearTestMap();
});

async function manualRun() {
  await saveTestMap([
    {
      key: "finance",
      name: "Finance spreadsheet",
      kind: "MANUAL",
      ownerEmail: "finance.owner@jexi.test",
      connection: null,
      collections: { invoices: { fields: ["customer_email", "amount"], categories: { customer_email: ["user.contact.email"], amount: ["user.financial"] } } },
    },
  ]);
  const officer = await createStaff("OFFICER");
  const request = await verifiedRequest();
  const run = await planRun(db, { requestId: request.requestId, staffId: officer.id });
  await startRun(db, run.id, officer.id);
  const task = await db.fulfillmentTask.findFirstOrThrow({ where: { runId: run.id } });
  expect(await executeTask(db, task.id)).toBe("waiting");
  return { ...request, officer, runId: run.id, taskId: task.id };
}

async function ownerLink(requestId: string, template: "manual-task" | "manual-task-reminder" = "manual-task") {
  const email = await latestEmail(requestId, template);
  return { ...email, token: tokenOf(String(email.props.taskUrl)) };
}

describe("a manual system's task", () => {
  it("emails the owner what to look for; the owner's answer completes the task and the run moves on", async () => {
    const run = await manualRun();
    const task = await db.fulfillmentTask.findUniqueOrThrow({ where: { id: run.taskId } });
    expect(task.status).toBe("WAITING_FOR_OWNER");

    const email = await ownerLink(run.requestId);
    expect(email.to).toBe("finance.owner@jexi.test");
    expect(email.props).toMatchObject({
      systemName: "Finance spreadsheet",
      identities: [{ label: "Email", value: run.email }],
      collections: [{ name: "invoices", categories: ["user.contact.email", "user.financial"] }],
    });
    // Only the link's hash is stored.
    const tokens = await db.taskToken.findMany({ where: { taskId: run.taskId } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.tokenHash).not.toContain(email.token);
    // Really sent, over SMTP.
    const { sent } = await deliverDueEmails({ db, transport: createSmtpTransport(sink.url), from: '"Jexi Privacy" <hello@jexi.com>' });
    expect(sent).toBeGreaterThanOrEqual(1);
    const outbox = await db.emailOutbox.findFirstOrThrow({ where: { requestId: run.requestId, template: "manual-task" } });
    expect(outbox.status).toBe("SENT");
    expect(sink.accepted).toContain(`<${outbox.id}@localhost>`);

    const open = await getOwnerTaskView(db, email.token);
    expect(open).toMatchObject({ state: "open", systemName: "Finance spreadsheet", identities: [{ label: "Email", value: run.email }] });

    await expectRefusal(answerOwnerTask(db, email.token, { file: null, nothingFound: false, note: "" }), "OWNER_ANSWER_INVALID");
    const bytes = new TextEncoder().encode("invoice,amount\nINV-1,12.00\n");
    await answerOwnerTask(db, email.token, {
      file: { filename: "invoices.csv", contentType: "text/csv", bytes },
      nothingFound: false,
      note: "One invoice.",
    });
    const done = await db.fulfillmentTask.findUniqueOrThrow({ where: { id: run.taskId }, include: { files: true } });
    expect([done.status, done.ownerNote, done.recordsFound]).toEqual(["DONE", "One invoice.", 1]);
    expect(new TextDecoder().decode(openFile(done.files[0]!.ciphertext!))).toBe("invoice,amount\nINV-1,12.00\n");
    expect((await db.fulfillmentRun.findUniqueOrThrow({ where: { id: run.runId } })).status).toBe("ASSEMBLING");
    expect(await getOwnerTaskView(db, email.token)).toMatchObject({ state: "answered" });
    // A second answer changes nothing.
    await expectRefusal(answerOwnerTask(db, email.token, { file: null, nothingFound: true, note: "" }), "OWNER_TASK_NOT_FOUND");
  });

  it("reminds a silent owner with a fresh link, then tells the privacy team", async () => {
    const env = getEnv();
    const run = await manualRun();
    const first = await ownerLink(run.requestId);
    for (let n = 1; n <= env.MANUAL_TASK_MAX_REMINDERS; n++) {
      expect((await runDueJobs(db, clockNow())).ownerReminded).toBe(0);
      advanceClock(env.MANUAL_TASK_REMINDER_DAYS * DAY + 1000);
      expect((await runDueJobs(db, clockNow())).ownerReminded).toBe(1);
      const reminder = await ownerLink(run.requestId, "manual-task-reminder");
      expect(reminder.props).toMatchObject({ reminderNumber: n, escalatesAfterThis: n === env.MANUAL_TASK_MAX_REMINDERS });
      expect(reminder.token).not.toBe(first.token);
    }
    advanceClock(env.MANUAL_TASK_REMINDER_DAYS * DAY + 1000);
    expect(await runDueJobs(db, clockNow())).toMatchObject({ ownerReminded: 0, ownerEscalated: 1 });
    const task = await db.fulfillmentTask.findUniqueOrThrow({ where: { id: run.taskId } });
    expect(task.ownerEscalatedAt).not.toBeNull();
    expect(task.status).toBe("WAITING_FOR_OWNER");
    const escalated = await latestEmail(run.requestId, "manual-task-escalated");
    expect(escalated.to).toBe("hello@jexi.com");
    expect(escalated.props).toMatchObject({ systemName: "Finance spreadsheet", remindersSent: env.MANUAL_TASK_MAX_REMINDERS });
    const actions = (await eventsOf(run.requestId)).map((e) => e.action);
    expect(actions.filter((a) => a === "run.owner_reminded")).toHaveLength(env.MANUAL_TASK_MAX_REMINDERS);
    expect(actions.at(-1)).toBe("run.owner_silent");
    // Nothing more after the escalation.
    advanceClock(env.MANUAL_TASK_REMINDER_DAYS * DAY + 1000);
    expect(await runDueJobs(db, clockNow())).toMatchObject({ ownerReminded: 0, ownerEscalated: 0 });
    expect((await templatesOf(run.requestId)).filter((t) => t.startsWith("manual-task"))).toHaveLength(2 + env.MANUAL_TASK_MAX_REMINDERS);
  });

  it("refuses an expired link and the links of a cancelled run", async () => {
    const env = getEnv();
    const run = await manualRun();
    const { token } = await ownerLink(run.requestId);
    advanceClock(env.MANUAL_TASK_LINK_DAYS * DAY + 1000);
    expect(await getOwnerTaskView(db, token)).toBeNull();
    await expectRefusal(answerOwnerTask(db, token, { file: null, nothingFound: true, note: "" }), "OWNER_TASK_NOT_FOUND");
    resetClock();
    expect(await getOwnerTaskView(db, token)).toMatchObject({ state: "open" });
    await cancelRun(db, run.runId, run.officer.id);
    expect(await getOwnerTaskView(db, token)).toBeNull();
    expect(await getOwnerTaskView(db, "not-a-real-token-but-long-enough")).toBeNull();
  });
});
