// The words of a recipient notice (GDPR Art. 19): what the recipient is asked to do, for the
// email, the recipient's page, the status page and the timelines. Pure, no server-only imports.

export type NoticeKindValue = "ERASURE" | "CORRECTION" | "RESTRICTION" | "STOP_PROCESSING" | "RESTRICT_PROCESSING" | "ERASE_BY_HAND" | "CORRECT_BY_HAND";

/** An owner's task (stop or restrict a use of the person's data, erase or correct by hand), as against a recipient told of an outcome. */
export function isOwnerTask(kind: NoticeKindValue): boolean {
  return kind === "STOP_PROCESSING" || kind === "RESTRICT_PROCESSING" || kind === "ERASE_BY_HAND" || kind === "CORRECT_BY_HAND";
}

/** Why an owner is asked, for the email and the owner's page. */
export function ownerTaskIntro(kind: NoticeKindValue, reference: string, systemName: string): string {
  if (kind === "CORRECT_BY_HAND") {
    return `A person asked us to correct personal data about them (request ${reference}), and the correction is approved. We correct our other systems automatically where the data map allows it; ${systemName} has to be corrected by a person, and the data map names you as its owner.`;
  }
  if (kind === "ERASE_BY_HAND") {
    return `A person asked us to erase their personal data (request ${reference}), and the erasure is approved. We erase our other systems automatically; ${systemName} has to be erased by a person, and the data map names you as its owner.`;
  }
  return `A person ${kind === "STOP_PROCESSING" ? "objected to" : "asked us to restrict"} some uses of their personal data (request ${reference}). The data map names you as the owner of ${systemName}, which uses personal data for them.`;
}

/** The request types a recipient is told of, and as what. */
export const NOTICE_KIND_FOR_REQUEST: Readonly<Record<string, NoticeKindValue>> = {
  DELETION: "ERASURE",
  CORRECTION: "CORRECTION",
  RESTRICTION: "RESTRICTION",
};

export const NOTICE_WORDS: Record<NoticeKindValue, { done: string; ask: string; confirm: string; title: string; heldNothing: string }> = {
  ERASURE: {
    done: "erased",
    ask: "Please erase the personal data you hold about this person on our behalf or received from us, and confirm below.",
    confirm: "We have erased it",
    title: "erase",
    heldNothing: "We held nothing about this person",
  },
  CORRECTION: {
    done: "corrected",
    ask: "Please correct the personal data you hold about this person on our behalf or received from us in the same way, and confirm below.",
    confirm: "We have corrected it",
    title: "correct",
    heldNothing: "We held nothing about this person",
  },
  RESTRICTION: {
    done: "restricted",
    ask: "Please restrict the processing of the personal data you hold about this person on our behalf or received from us (store it, but do not otherwise use it), and confirm below.",
    confirm: "We have restricted it",
    title: "restrict",
    heldNothing: "We held nothing about this person",
  },
  STOP_PROCESSING: {
    done: "objected to",
    ask: "Please stop using this person's data for the uses below in your system (the person objected to them; GDPR Art. 21), and confirm below.",
    confirm: "We have stopped these uses of their data",
    title: "stop using",
    heldNothing: "Our system does not use this person's data for these uses",
  },
  ERASE_BY_HAND: {
    done: "erased",
    ask: "Please erase this person's data in your system as listed below (keep only what the list says to keep, for the reason given), and confirm below.",
    confirm: "We have erased it as listed",
    title: "erase",
    heldNothing: "Our system held nothing about this person",
  },
  CORRECT_BY_HAND: {
    done: "corrected",
    ask: "Please correct this person's data in your system as the request below says, and confirm below. If your system holds the information differently, correct it in the same sense.",
    confirm: "We have corrected it",
    title: "correct",
    heldNothing: "Our system held nothing about this person",
  },
  RESTRICT_PROCESSING: {
    done: "restricted",
    ask: "Please restrict this person's data in your system for the uses below: keep it stored, but do not use it for them until the privacy team tells you otherwise (GDPR Art. 18), and confirm below.",
    confirm: "We have restricted these uses of their data",
    title: "restrict",
    heldNothing: "Our system does not use this person's data for these uses",
  },
};

/** A notice as the requester and staff see it. */
export type NoticeLine = { sentAt: Date; confirmedAt: Date | null; heldNothing: boolean; byConnector: boolean; kind?: NoticeKindValue };

/** Where one notice stands, in words: "Told on 3 Dec 2026; they confirmed it was done on 4 Dec 2026". */
export function noticeState(
  line: NoticeLine,
  format: (at: Date) => string,
  confirmed = { done: "they confirmed it was done", nothing: "they confirmed they held nothing about you" },
): string {
  if (line.byConnector) return `${line.kind === "CORRECTION" ? "Corrected" : "Erased"} by us directly in their system on ${format(line.confirmedAt ?? line.sentAt)}`;
  const told = `Told on ${format(line.sentAt)}`;
  if (!line.confirmedAt) return `${told}; not confirmed yet`;
  return `${told}; ${line.heldNothing ? confirmed.nothing : confirmed.done} on ${format(line.confirmedAt)}`;
}

/** A "recipients.told" event's data in words: who was emailed, and whose system we erased ourselves. */
export function recipientsToldWords(data: Record<string, unknown>): string {
  const recipients = Array.isArray(data.recipients) ? (data.recipients as { name?: unknown; byConnector?: unknown }[]) : [];
  const name = (r: { name?: unknown }) => (typeof r.name === "string" ? r.name : "an organisation");
  const emailed = recipients.filter((r) => r.byConnector !== true).map(name);
  const direct = recipients.filter((r) => r.byConnector === true).map(name);
  const out: string[] = [];
  if (emailed.length) out.push(`Asked to do the same and confirm: ${emailed.join(", ")}.`);
  if (direct.length) out.push(`${data.kind === "CORRECTION" ? "Corrected" : "Erased"} directly in their systems: ${direct.join(", ")}.`);
  return out.join(" ") || "Nobody to tell.";
}
