import type { GuardianRelationship, RepresentationDocumentKind, SubmittedBy } from "@/lib/generated/prisma/enums";

// How representation reads, for requesters and staff alike. No server imports.

export const DOCUMENT_KIND_LABELS: Record<RepresentationDocumentKind, string> = {
  SIGNED_PERMISSION: "The consumer's signed permission",
  PARENTAL_RESPONSIBILITY: "Proof of parental responsibility",
  OTHER: "Something else the privacy team asked for",
};

export const SUBMITTED_BY_LABELS: Record<SubmittedBy, string> = {
  SELF: "The person it is about",
  AGENT: "An authorized agent",
  PARENT: "A parent or guardian of a child",
};

export const GUARDIAN_LABELS: Record<GuardianRelationship, string> = {
  PARENT: "Parent",
  LEGAL_GUARDIAN: "Legal guardian",
};

/** Why an upload from the status page was refused (lib/representation/documents.ts codes). */
export const DOCUMENT_UPLOAD_ERRORS: Record<string, string> = {
  NOT_FOUND: "This link does not open a request any more.",
  NOT_ALLOWED: "Only the person who made the request can add documents to it.",
  EMAIL_NOT_CONFIRMED: "Confirm your email address with the code we sent you first.",
  CLOSED: "This request is closed, so it takes no more documents.",
  DOCUMENT_EMPTY: "Choose a file to upload.",
  DOCUMENT_TOO_LARGE: "The file is larger than 10 MB. Upload a smaller scan or photo.",
  DOCUMENT_TYPE: "Upload a PDF, PNG or JPEG file. Other kinds of file are not accepted.",
  DOCUMENT_KIND: "Choose what the document is.",
  TOO_MANY_DOCUMENTS: "This request already holds the most documents it can. Write to the privacy team if you need to send more.",
  CROSS_SITE: "The upload came from another website and was refused.",
  INTERNAL: "Something went wrong on our side. Nothing was stored; please try again in a moment.",
};
