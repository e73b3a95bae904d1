import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Erases what a requester (and anyone filing for them) typed or uploaded, and the emails to them not yet sent (whose payload holds the address and links). */
export async function erasePersonalFields(tx: Prisma.TransactionClient, requestId: string, now: Date): Promise<void> {
  await tx.request.update({
    where: { id: requestId },
    data: {
      erasedAt: now,
      requesterName: null,
      requesterEmail: null,
      workspaceReference: null,
      companyEmail: null,
      details: {},
      identitySignature: null,
    },
  });
  await tx.verificationChallenge.updateMany({ where: { requestId, consumedAt: null, supersededAt: null }, data: { supersededAt: now } });
  // Marked DEAD ("ERASED") so no worker sends them; a row a worker holds mid-send becomes DEAD too,
  // and that worker's outcome then changes nothing (its updates need SENDING). The rows stay, as
  // the record that an email was queued and deliberately not sent.
  await tx.emailOutbox.updateMany({
    where: { requestId, status: { in: ["PENDING", "SENDING"] } },
    data: { status: "DEAD", payload: null, lockedUntil: null, lastError: "ERASED" },
  });
  await tx.requestMessage.updateMany({ where: { requestId, author: "REQUESTER" }, data: { body: "" } });
  // Someone who filed for another person, and what they uploaded (lib/representation): the record
  // that a document was given stays, its content does not.
  await tx.representative.updateMany({ where: { requestId }, data: { name: null, email: null, organisation: null, childBirthDate: null } });
  await tx.representationDocument.updateMany({ where: { requestId, ciphertext: { not: null } }, data: { ciphertext: null } });
  await tx.requestToken.updateMany({ where: { requestId, purpose: "SUBJECT_CONFIRM", revokedAt: null }, data: { revokedAt: now } });
  // Answers to the identity questions (lib/verification/identity): used for nothing else, kept no longer.
  await tx.verificationAnswer.updateMany({ where: { requestId, answer: { not: null } }, data: { answer: null } });
}
