import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { openOutboxPayload } from "@/lib/mail/payload";
import { openRepresentationDocument, uploadRepresentationDocument } from "@/lib/representation/documents";
import { decideAsSubject, subjectConfirmationView } from "@/lib/representation/subject";
import { acknowledgeRequest } from "@/lib/requests/handling/acknowledge";
import { answerFromRequester, askForInformation, listMessages } from "@/lib/requests/handling/ask-for-information";
import { getRequestDetail } from "@/lib/requests/handling/detail";
import { queryQueue } from "@/lib/requests/queue";
import { requestStatusLink } from "@/lib/requests/status-recovery";
import { getStatusView } from "@/lib/requests/status-view";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { createStaff, eventsOf, expectRefusal, tokenOf } from "@/lib/testing/requests";
import { sendVerificationReminders } from "@/lib/verification/reminders";
import { verifyByLink } from "@/lib/verification/verify";
import { seed } from "@/prisma/seed";

let officer: StaffUser;
let auditor: StaffUser;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
  auditor = await createStaff("AUDITOR");
});

let n = 0;
const unique = (name: string) => `${name}.${Date.now().toString(36)}.${++n}@example.test`;
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** Every email queued for a request, opened as the worker would: who it goes to and what it says. */
async function mails(requestId: string) {
  const rows = await db.emailOutbox.findMany({ where: { requestId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({ template: r.template, status: r.status, ...(r.payload ? openOutboxPayload(r.payload) : { to: null, props: {} }) }));
}

function agentInput(overrides: Record<string, unknown> = {}) {
  return requestInput({
    submittedBy: "AGENT",
    name: "Carmen Ruiz",
    email: unique("carmen"),
    country: "US",
    region: "CA",
    representative: { name: "Priya Natarajan", email: unique("priya"), organisation: "OptOut Helpers LLC" },
    ...overrides,
  });
}

/** An agent's request, submitted and with the agent's own address confirmed by the emailed link. */
async function agentRequest(overrides: Record<string, unknown> = {}, now = new Date()) {
  const input = agentInput(overrides);
  const submitted = await submitRequest(input, { ip: null, now });
  if (!submitted.ok || !submitted.data.verificationRequired) throw new Error(JSON.stringify(submitted));
  const { requestId } = submitted.data;
  const verify = (await mails(requestId)).find((m) => m.template === "verify-email")!;
  const verified = await verifyByLink(tokenOf((verify.props as { verifyUrl: string }).verifyUrl), now);
  if (!verified.ok) throw new Error(verified.code);
  const consumerMail = (await mails(requestId)).find((m) => m.template === "agent-request-confirm")!;
  return {
    requestId,
    input: input as unknown as { email: string; representative: { email: string } },
    verifyTo: verify.to,
    agentToken: tokenOf(verified.statusPath),
    consumerMail,
    confirmToken: tokenOf((consumerMail.props as { confirmUrl: string }).confirmUrl),
  };
}

describe("an authorized agent's request", () => {
  it("stores the agent apart from the consumer, sends the code to the agent and writes to nobody else", async () => {
    const input = agentInput();
    const result = await submitRequest(input, { ip: null });
    if (!result.ok || !result.data.verificationRequired) throw new Error(JSON.stringify(result));
    const { requestId } = result.data;
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId }, include: { representative: true } });
    const rep = (input as unknown as { representative: { email: string } }).representative;
    expect(request).toMatchObject({
      submittedBy: "AGENT",
      status: "PENDING_VERIFICATION",
      requesterName: "Carmen Ruiz",
      requesterEmail: input.email,
      jurisdiction: "CCPA",
      representative: { name: "Priya Natarajan", email: rep.email, organisation: "OptOut Helpers LLC", emailConfirmedAt: null, subjectAskedAt: null },
    });
    // CCPA counts from receipt: the due date is set on arrival, before anyone confirms anything.
    expect(request.dueAt).not.toBeNull();
    const sent = await mails(requestId);
    expect(sent.map((m) => [m.template, m.to])).toEqual([["verify-email", rep.email]]);
  });

  it("waits for the signed permission and the consumer's own confirmation after the agent confirms", async () => {
    const { requestId, agentToken, consumerMail, input } = await agentRequest();
    expect(consumerMail.to).toBe(input.email);
    expect(consumerMail.props).toMatchObject({ agentName: "Priya Natarajan", agentOrganisation: "OptOut Helpers LLC" });
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId }, include: { representative: true } });
    expect(request.status).toBe("PENDING_VERIFICATION");
    expect(request.verifiedAt).toBeNull();
    expect(request.representative?.emailConfirmedAt).not.toBeNull();
    expect((await eventsOf(requestId)).map((e) => e.action)).toEqual([
      "request.submitted",
      "representation.email_confirmed",
      "representation.subject_asked",
    ]);
    const view = await getStatusView(agentToken);
    expect(view).toMatchObject({ holder: "REQUESTER", representation: { submittedBy: "AGENT", subjectConfirmedAt: null, documents: [] } });
    // The agent's address is confirmed: no reminder to confirm it again.
    await db.request.update({ where: { id: requestId }, data: { receivedAt: new Date(Date.now() - 30 * 3_600_000) } });
    await sendVerificationReminders(db, new Date());
    expect(await db.emailOutbox.count({ where: { requestId, template: "verify-email" } })).toBe(1);
  });

  it("goes ahead once both arrive, in either order, and tells the agent and the consumer with links of their own", async () => {
    const { requestId, agentToken, confirmToken, input } = await agentRequest();
    expect(await subjectConfirmationView(confirmToken)).toMatchObject({ agentName: "Priya Natarajan", requestTypeLabel: expect.any(String) });
    const confirmed = await decideAsSubject(confirmToken, "CONFIRM");
    if (!confirmed.ok || !confirmed.statusPath) throw new Error("expected a confirmation");
    // Still waiting for the permission.
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("PENDING_VERIFICATION");
    // The link works once.
    expect(await decideAsSubject(confirmToken, "CONFIRM")).toEqual({ ok: false });
    expect(await subjectConfirmationView(confirmToken)).toBeNull();

    await uploadRepresentationDocument(agentToken, { kind: "SIGNED_PERMISSION", filename: "C:\\scans\\permission carmen.pdf", bytes: PDF });
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.status).toBe("RECEIVED");
    expect(request.verifiedAt).not.toBeNull();
    const acks = (await mails(requestId)).filter((m) => m.template === "request-acknowledged");
    expect(acks.map((m) => m.to).sort()).toEqual([input.email, input.representative.email].sort());
    const [agentLink, consumerLink] = [input.representative.email, input.email].map(
      (to) => tokenOf((acks.find((m) => m.to === to)!.props as { statusUrl: string }).statusUrl),
    );
    expect(agentLink).not.toBe(consumerLink);
    expect((await getStatusView(agentLink!))?.holder).toBe("REQUESTER");
    expect((await getStatusView(consumerLink!))?.holder).toBe("SUBJECT");
    expect((await getStatusView(tokenOf(confirmed.statusPath)))?.holder).toBe("SUBJECT");
  });

  it("stores the permission sealed, checks what the file really is, and lets only the agent's link add one", async () => {
    const { requestId, agentToken, confirmToken } = await agentRequest();
    const confirmed = await decideAsSubject(confirmToken, "CONFIRM");
    if (!confirmed.ok || !confirmed.statusPath) throw new Error("expected a confirmation");
    const before = await db.representationDocument.count({ where: { requestId } });
    await expectRefusal(
      uploadRepresentationDocument(agentToken, { kind: "SIGNED_PERMISSION", filename: "permission.pdf", bytes: new TextEncoder().encode("<html><script>") }),
      "DOCUMENT_TYPE",
    );
    await expectRefusal(uploadRepresentationDocument(agentToken, { kind: "SIGNED_PERMISSION", filename: "empty.pdf", bytes: new Uint8Array() }), "DOCUMENT_EMPTY");
    await expectRefusal(
      uploadRepresentationDocument(agentToken, { kind: "SIGNED_PERMISSION", filename: "big.pdf", bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25) }),
      "DOCUMENT_TOO_LARGE",
    );
    await expectRefusal(uploadRepresentationDocument(agentToken, { kind: "PASSPORT", filename: "x.pdf", bytes: PDF }), "DOCUMENT_KIND");
    await expectRefusal(
      uploadRepresentationDocument(tokenOf(confirmed.statusPath), { kind: "SIGNED_PERMISSION", filename: "x.pdf", bytes: PDF }),
      "NOT_ALLOWED",
    );
    await expectRefusal(uploadRepresentationDocument("no-such-link-at-all-xxxxxxxx", { kind: "OTHER", filename: "x.pdf", bytes: PDF }), "NOT_FOUND");
    expect(await db.representationDocument.count({ where: { requestId } })).toBe(before);

    // A PNG named .pdf is stored as the PNG it is; the path is dropped.
    const { documentId } = await uploadRepresentationDocument(agentToken, { kind: "SIGNED_PERMISSION", filename: "../../etc/permission.pdf", bytes: PNG });
    const row = await db.representationDocument.findUniqueOrThrow({ where: { id: documentId } });
    expect(row).toMatchObject({ filename: "permission.png", contentType: "image/png", size: PNG.byteLength });
    expect(Buffer.from(row.ciphertext!).includes(Buffer.from(PNG))).toBe(false);
    const event = (await eventsOf(requestId)).find((e) => e.action === "representation.document_uploaded")!;
    expect(JSON.stringify(event.data)).not.toContain("permission");

    const opened = await openRepresentationDocument(requestId, documentId, officer.id);
    expect(Buffer.from(opened!.bytes).equals(Buffer.from(PNG))).toBe(true);
    expect((await eventsOf(requestId)).at(-1)).toMatchObject({ action: "representation.document_opened", actorId: officer.id, visibility: "INTERNAL" });
  });

  it("closes the request, erases what was given and tells the agent when the consumer says no", async () => {
    const { requestId, agentToken, confirmToken, input } = await agentRequest();
    await uploadRepresentationDocument(agentToken, { kind: "SIGNED_PERMISSION", filename: "p.pdf", bytes: PDF });
    const refused = await decideAsSubject(confirmToken, "REFUSE");
    expect(refused).toEqual({ ok: true, decision: "REFUSE", statusPath: null });
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId }, include: { representative: true, documents: true } });
    expect(request).toMatchObject({ status: "CLOSED_UNVERIFIED", requesterName: null, requesterEmail: null });
    expect(request.representative).toMatchObject({ name: null, email: null, organisation: null });
    expect(request.documents.every((d) => d.ciphertext === null)).toBe(true);
    const refusedMail = (await mails(requestId)).find((m) => m.template === "agent-request-refused")!;
    expect(refusedMail).toMatchObject({ to: input.representative.email, status: "PENDING" });
    // The agent's page says so, and takes no more documents.
    const view = await getStatusView(agentToken);
    expect(view?.status).toBe("CLOSED_UNVERIFIED");
    expect(view?.events.at(-1)?.action).toBe("representation.subject_refused");
    await expectRefusal(uploadRepresentationDocument(agentToken, { kind: "OTHER", filename: "p.pdf", bytes: PDF }), "CLOSED");
  });

  it("asks the agent or the consumer, each answers on their own page, and each sees only their own exchange", async () => {
    const { requestId, agentToken, confirmToken } = await agentRequest();
    const confirmed = await decideAsSubject(confirmToken, "CONFIRM");
    if (!confirmed.ok || !confirmed.statusPath) throw new Error("expected a confirmation");
    await uploadRepresentationDocument(agentToken, { kind: "SIGNED_PERMISSION", filename: "p.pdf", bytes: PDF });
    await acknowledgeRequest(requestId, officer);
    const consumer = (await db.request.findUniqueOrThrow({ where: { id: requestId } })).requesterEmail;

    await askForInformation(requestId, { message: "Please confirm the city you live in.", party: "SUBJECT" }, officer);
    const question = (await mails(requestId)).filter((m) => m.template === "more-information-needed");
    expect(question.map((m) => m.to)).toEqual([consumer]);
    const consumerLink = tokenOf((question[0]!.props as { statusUrl: string }).statusUrl);
    await answerFromRequester(consumerLink, { message: "Sacramento." });
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("IN_PROGRESS");

    expect((await listMessages(requestId, "SUBJECT")).map((m) => [m.author, m.body])).toEqual([
      ["STAFF", "Please confirm the city you live in."],
      ["REQUESTER", "Sacramento."],
    ]);
    expect(await listMessages(requestId, "REQUESTER")).toEqual([]);
    const detail = await getRequestDetail(requestId, officer);
    expect(detail?.messages.map((m) => m.party)).toEqual(["SUBJECT", "SUBJECT"]);
    expect(detail?.representation).toMatchObject({ name: "Priya Natarajan", organisation: "OptOut Helpers LLC" });
    // The queue's "Made by: an authorized agent" finds it; "a parent" does not.
    const { reference } = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect((await queryQueue({ sort: "due", filed: "AGENT", q: reference }, officer)).rows.map((r) => r.id)).toEqual([requestId]);
    expect((await queryQueue({ sort: "due", filed: "PARENT", q: reference }, officer)).rows).toEqual([]);
    expect(detail?.representation?.subjectConfirmedAt).not.toBeNull();
    expect(detail?.representation?.documents).toHaveLength(1);
    // An auditor sees that there was an agent, not who.
    const masked = await getRequestDetail(requestId, auditor);
    expect(masked?.representation).toMatchObject({ name: "P. N.", organisation: null });
    expect(masked?.representation?.email).not.toContain("priya.");
  });

  it("sends a lost status link to whichever of the two asks, each their own", async () => {
    const { requestId, confirmToken, agentToken, input } = await agentRequest();
    await decideAsSubject(confirmToken, "CONFIRM");
    await uploadRepresentationDocument(agentToken, { kind: "SIGNED_PERMISSION", filename: "p.pdf", bytes: PDF });
    const { reference } = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    for (const [email, holder] of [
      [input.representative.email, "REQUESTER"],
      [input.email, "SUBJECT"],
    ] as const) {
      await requestStatusLink({ email, reference }, { ip: null });
      const sent = (await mails(requestId)).filter((m) => m.template === "status-link-requested").at(-1)!;
      expect(sent.to).toBe(email);
      expect((await getStatusView(tokenOf((sent.props as { statusUrl: string }).statusUrl)))?.holder).toBe(holder);
    }
  });
});

describe("a parent's request for a child", () => {
  function parentInput(overrides: Record<string, unknown> = {}) {
    const born = new Date();
    born.setUTCFullYear(born.getUTCFullYear() - 12);
    return requestInput({
      submittedBy: "PARENT",
      name: "Leo Schmidt",
      email: unique("leo"),
      country: "DE",
      representative: { name: "Anna Schmidt", email: unique("anna"), guardianRelationship: "PARENT", childBirthDate: born.toISOString().slice(0, 10) },
      ...overrides,
    });
  }

  it("goes ahead on the parent's address, writes only to the parent, and takes proof of parental responsibility", async () => {
    const input = parentInput() as unknown as { email: string; representative: { email: string; childBirthDate: string } };
    const submitted = await submitRequest(input, { ip: null });
    if (!submitted.ok || !submitted.data.verificationRequired) throw new Error(JSON.stringify(submitted));
    const { requestId } = submitted.data;
    const verify = (await mails(requestId))[0]!;
    expect(verify.to).toBe(input.representative.email);
    const verified = await verifyByLink(tokenOf((verify.props as { verifyUrl: string }).verifyUrl));
    if (!verified.ok) throw new Error(verified.code);
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId }, include: { representative: true } });
    expect(request).toMatchObject({ status: "RECEIVED", submittedBy: "PARENT", requesterName: "Leo Schmidt" });
    expect(request.representative).toMatchObject({ guardianRelationship: "PARENT", subjectAskedAt: null });
    expect(request.representative?.childBirthDate?.toISOString().slice(0, 10)).toBe(input.representative.childBirthDate);
    // The child's address finds their data; nobody writes to it.
    expect((await mails(requestId)).every((m) => m.to === input.representative.email)).toBe(true);

    await acknowledgeRequest(requestId, officer);
    await expectRefusal(askForInformation(requestId, { message: "Are you the child?", party: "SUBJECT" }, officer), "INVALID_INPUT");
    await askForInformation(requestId, { message: "Please upload proof of parental responsibility." }, officer);
    const token = tokenOf(verified.statusPath);
    await uploadRepresentationDocument(token, { kind: "PARENTAL_RESPONSIBILITY", filename: "birth-certificate.pdf", bytes: PDF });
    const view = await getStatusView(token);
    expect(view?.representation).toMatchObject({ submittedBy: "PARENT", guardianRelationship: "PARENT" });
    expect(view?.representation?.documents.map((d) => d.kind)).toEqual(["PARENTAL_RESPONSIBILITY"]);

    // The child's address does not get a status link.
    await requestStatusLink({ email: input.email, reference: request.reference }, { ip: null });
    expect((await mails(requestId)).some((m) => m.template === "status-link-requested")).toBe(false);
  });

  it("refuses an adult's or an unborn child's date, a missing relationship, and the agent's or parent's address given twice", async () => {
    const at18 = new Date();
    at18.setUTCFullYear(at18.getUTCFullYear() - 18);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ representative: { name: "A", email: unique("a"), guardianRelationship: "PARENT", childBirthDate: at18.toISOString().slice(0, 10) } }, "representative.childBirthDate", /under 18/],
      [{ representative: { name: "A", email: unique("a"), guardianRelationship: "PARENT", childBirthDate: "2999-01-01" } }, "representative.childBirthDate", /future/],
      [{ representative: { name: "A", email: unique("a"), guardianRelationship: "PARENT", childBirthDate: "2015-02-30" } }, "representative.childBirthDate", /date of birth/],
      [{ representative: { name: "A", email: unique("a"), childBirthDate: "2015-02-03" } }, "representative.guardianRelationship", /related/],
      [{ email: "same@example.test", representative: { name: "A", email: "same@example.test", guardianRelationship: "PARENT", childBirthDate: "2015-02-03" } }, "representative.email", /your own email/],
      [{ representative: undefined }, "representative.name", /own full name/],
    ];
    const before = await db.request.count();
    for (const [overrides, path, message] of cases) {
      const result = await submitRequest(parentInput(overrides), { ip: null });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.fieldErrors?.[path], `${path} for ${JSON.stringify(overrides)}`).toMatch(message);
    }
    expect(await db.request.count()).toBe(before);
  });
});
