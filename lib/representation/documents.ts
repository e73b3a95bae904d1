import "server-only";
import { createHash } from "node:crypto";
import { DomainError } from "@/lib/actions/domain-error";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { RepresentationDocumentKind } from "@/lib/generated/prisma/enums";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { recordEvent } from "@/lib/requests/events";
import { statusLinkHolder } from "@/lib/requests/status-token";
import { getSubmissionContext } from "@/lib/requests/submission-context";
import { decryptBytes, encryptBytes } from "@/lib/security/encryption";
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENTS_PER_REQUEST } from "@/lib/representation/limits";
import { advanceIfReady } from "@/lib/representation/progress";

// Documents a representative gives: the consumer's signed permission (an agent), proof of parental
// responsibility (a parent, when the officer asks). Uploaded from the representative's own status
// link once their address is confirmed, so the portal never stores files for an address nobody
// proved. Sealed like data packages (DATA_PACKAGE_KEY, their own key purpose), checked to be the
// PDF, PNG or JPEG they claim to be, and served to staff only as an attachment.

const PURPOSE = "representation-document";

const SIGNATURES: { type: string; extension: string; starts: number[] }[] = [
  { type: "application/pdf", extension: "pdf", starts: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: "image/png", extension: "png", starts: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", extension: "jpg", starts: [0xff, 0xd8, 0xff] },
];

/** The file's real type from its first bytes (whatever its name or the browser says), or null. */
export function documentTypeOf(bytes: Uint8Array): { type: string; extension: string } | null {
  const found = SIGNATURES.find((s) => s.starts.every((b, i) => bytes[i] === b));
  return found ? { type: found.type, extension: found.extension } : null;
}

export const DOCUMENT_KINDS: RepresentationDocumentKind[] = ["SIGNED_PERMISSION", "PARENTAL_RESPONSIBILITY", "OTHER"];

export type DocumentUploadCode =
  | "NOT_FOUND"
  | "NOT_ALLOWED"
  | "EMAIL_NOT_CONFIRMED"
  | "CLOSED"
  | "DOCUMENT_EMPTY"
  | "DOCUMENT_TOO_LARGE"
  | "DOCUMENT_TYPE"
  | "DOCUMENT_KIND"
  | "TOO_MANY_DOCUMENTS";

/**
 * Stores a document given from a status link. Only the link of the person who filed (not the
 * consumer's) of a request filed by an agent or a parent may add one, while the request is open.
 * An agent's signed permission may be what the request waited for: it then goes ahead.
 */
export async function uploadRepresentationDocument(
  statusToken: string,
  input: { kind: string; filename: string; bytes: Uint8Array },
  at: Date = clockNow(),
): Promise<{ documentId: string }> {
  const link = await statusLinkHolder(db, statusToken, at);
  if (!link) throw new DomainError("NOT_FOUND", "This link does not open a request.");
  if (link.holder !== "REQUESTER") throw new DomainError("NOT_ALLOWED", "Only the person who made the request can add documents.");
  if (!(DOCUMENT_KINDS as string[]).includes(input.kind)) throw new DomainError("DOCUMENT_KIND", "Choose what the document is.");
  if (input.bytes.byteLength === 0) throw new DomainError("DOCUMENT_EMPTY", "Choose a file.");
  if (input.bytes.byteLength > MAX_DOCUMENT_BYTES) throw new DomainError("DOCUMENT_TOO_LARGE", "The file is larger than 10 MB.");
  const real = documentTypeOf(input.bytes);
  if (!real) throw new DomainError("DOCUMENT_TYPE", "Upload a PDF, PNG or JPEG file.");
  const { requestId } = link;
  const { org } = await getSubmissionContext(db);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const ciphertext = encryptBytes(getEnv().DATA_PACKAGE_KEY, PURPOSE, input.bytes);
  const result = await db.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(`SELECT id FROM requests WHERE id = $1::uuid FOR UPDATE`, requestId);
      const request = await tx.request.findUniqueOrThrow({
        where: { id: requestId },
        select: {
          submittedBy: true,
          closedAt: true,
          representative: { select: { emailConfirmedAt: true } },
          _count: { select: { documents: true } },
        },
      });
      if (request.submittedBy === "SELF" || !request.representative) {
        throw new DomainError("NOT_ALLOWED", "Documents are for requests made for someone else.");
      }
      if (request.closedAt) throw new DomainError("CLOSED", "This request is closed.");
      if (!request.representative.emailConfirmedAt) throw new DomainError("EMAIL_NOT_CONFIRMED", "Confirm your email address first.");
      if (request._count.documents >= MAX_DOCUMENTS_PER_REQUEST) {
        throw new DomainError("TOO_MANY_DOCUMENTS", `A request can hold at most ${MAX_DOCUMENTS_PER_REQUEST} documents.`);
      }
      const created = await tx.representationDocument.create({
        data: {
          requestId,
          kind: input.kind as RepresentationDocumentKind,
          filename: safeName(input.filename, real.extension),
          contentType: real.type,
          size: input.bytes.byteLength,
          sha256,
          ciphertext,
          createdAt: at,
        },
        select: { id: true },
      });
      // No filename in the audit trail: people name files after themselves.
      await recordEvent(tx, {
        requestId,
        actorType: "REQUESTER",
        action: "representation.document_uploaded",
        visibility: "PUBLIC",
        data: { documentId: created.id, kind: input.kind, size: input.bytes.byteLength, sha256, contentType: real.type },
        at,
      });
      const advanced = await advanceIfReady(tx, requestId, org, at);
      return { documentId: created.id, advanced };
    },
    // Up to 10 MB goes over the wire inside this transaction.
    { timeout: 30_000 },
  );
  if (result.advanced) wakeOutboxWorker();
  return { documentId: result.documentId };
}

/** A name to offer the file under: no path or control characters, the extension of what it really is. */
function safeName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f"]/g, "_").trim().slice(0, 150);
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, "") || "document";
  return `${stem}.${extension}`;
}

/** A document for staff to read, recorded in the audit trail; null when unknown or erased. */
export async function openRepresentationDocument(
  requestId: string,
  documentId: string,
  staffId: string,
): Promise<{ filename: string; contentType: string; bytes: Uint8Array } | null> {
  const found = await db.representationDocument.findFirst({
    where: { id: documentId, requestId },
    select: { filename: true, contentType: true, ciphertext: true },
  });
  if (!found?.ciphertext) return null;
  const bytes = decryptBytes(getEnv().DATA_PACKAGE_KEY, PURPOSE, found.ciphertext);
  await recordEvent(db, {
    requestId,
    actorType: "STAFF",
    actorId: staffId,
    action: "representation.document_opened",
    visibility: "INTERNAL",
    data: { documentId },
  });
  return { filename: found.filename, contentType: found.contentType, bytes };
}
