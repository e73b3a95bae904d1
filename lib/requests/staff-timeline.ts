import { formatCalendarDate } from "@/lib/dates/format";
import { fileSize } from "@/lib/packages/display";
import { recipientsToldWords } from "@/lib/recipients/notice-words";
import { ROUTE_LABELS } from "@/lib/referrals/state";
import type { RequestRoute } from "@/lib/generated/prisma/enums";

// How an audit event reads on the request page, for staff: what happened, in words, with the
// facts the event carries. lib/requests/timeline.ts words the public events for the requester.
// `detail` is left out where the event's own data says it best (a note, a reason): the page then
// shows that data as it is.

export type StaffEventWording = { title: string; detail?: string };

const TITLES: Record<string, string> = {
  "request.submitted": "Request submitted",
  "request.verified": "Email confirmed",
  "request.acknowledged": "Acknowledged: work started",
  "request.information_requested": "Asked the requester for more information",
  "request.information_provided": "The requester answered",
  "request.deadline_extended": "Deadline extended",
  "request.denied": "Denied",
  "request.completed": "Completed",
  "request.appealed": "Appealed",
  "request.assigned": "Assigned",
  "request.unassigned": "Unassigned",
  "request.closed_unverified": "Closed: email not confirmed",
  "note.added": "Internal note",
  "package.attached": "Data package attached",
  "package.downloaded": "Data package downloaded",
  "package.downloaded_by_staff": "Data package downloaded by staff",
  "run.package_ready": "Package assembled, waiting for review",
  "run.record_excluded": "Record left out of the package (the reason is kept with it)",
  "run.record_included": "Record taken back into the package",
  "run.released": "Package released to the requester; the records found are deleted",
  "run.report_previewed": "Report previewed",
  "run.correction_proposed": "New values proposed for the correction",
  "verification.locked": "Confirmation locked after too many wrong codes",
  "verification.codes_locked": "Codes stopped for this request after too many wrong codes (the emailed link still works)",
  "verification.resent": "Confirmation email sent again",
  "verification.reminded": "Reminder to confirm the email sent",
  "record.exported": "Record exported",
  "representation.email_confirmed": "The agent or parent confirmed their own email address",
  "representation.subject_asked": "The consumer was emailed to confirm the agent's request",
  "representation.subject_confirmed": "The consumer confirmed directly that they authorised the agent",
  "representation.subject_refused": "The consumer said they did not authorise the agent: closed, personal data erased",
  "representation.document_uploaded": "Document uploaded by the agent or parent",
  "representation.document_opened": "Agent's or parent's document opened by staff",
  "verification.questions_asked": "Identity questions asked (the higher standard of verification)",
  "verification.answers_given": "Identity questions answered, with the declaration under penalty of perjury",
  "verification.identity_checked": "Answers compared with the mapped systems",
  "verification.identity_decided": "Identity check decided by staff",
  "request.status_link_sent": "New status link emailed to the requester (asked for with the email address and reference)",
};

function text(value: unknown, fallback: string): string {
  return typeof value === "string" && value ? value : fallback;
}

function routeLabel(value: unknown): string | null {
  return typeof value === "string" && value in ROUTE_LABELS ? ROUTE_LABELS[value as RequestRoute] : null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The erasure's proof: the erased rows looked up again afterwards. */
function proofWords(proof: unknown, left: unknown, correction = false): string {
  if (!Array.isArray(proof)) return "";
  const lines = proof as { collection?: unknown; checked?: unknown; left?: unknown }[];
  const checked = lines.reduce((n, p) => n + (typeof p.checked === "number" ? p.checked : 0), 0);
  if (left === 0) return ` Checked afterwards: ${plural(checked, "row")} looked up again, ${correction ? "each holds its new values" : "none holds what was erased"}.`;
  const where = lines.filter((p) => typeof p.left === "number" && p.left > 0).map((p) => `${text(p.collection, "a collection")}: ${String(p.left)}`);
  const rows = typeof left === "number" ? plural(left, "row") : "some rows";
  if (correction) return ` Checked afterwards: ${rows} ${left === 1 ? "does" : "do"} not hold the new values (${where.join(", ")}). Look into it before completing the request.`;
  return ` Checked afterwards: ${rows} still ${left === 1 ? "holds" : "hold"} what was to be erased (${where.join(", ")}). Look into it before completing the request.`;
}

const SIGNALS: Record<string, string> = {
  slug: "workspace slug",
  domain: "workspace domain",
  companyEmailDomain: "domain of the company's email address",
  name: "workspace name",
  customerName: "customer's name",
};

export function staffEventWording(action: string, data: unknown): StaffEventWording {
  const d = (data ?? {}) as Record<string, unknown>;
  const customer = text(d.customerName, "the customer");
  switch (action) {
    case "request.submitted":
      if (typeof d.channel === "string") return { title: "Request filed through the API", detail: `By the key “${d.channel}”, for the person it is about.` };
      return { title: TITLES[action]! };
    case "request.verified":
      if (typeof d.vouchedBy === "string") return { title: "Verified by the channel", detail: `The key “${d.vouchedBy}” vouched for the person's identity; no email code was sent.` };
      return { title: TITLES[action]! };
    case "verification.vouched":
      return { title: "The channel vouched for the person", detail: `The key “${text(d.channel, "unknown")}” may vouch for identity, so no email code was sent.` };
    case "request.routed": {
      if (d.route === "UNRESOLVED") {
        const candidates = Array.isArray(d.candidateIds) ? d.candidateIds.length : 0;
        return {
          title: "Needs routing",
          detail:
            d.reason === "AMBIGUOUS"
              ? `The requester's answers matched ${plural(candidates, "workspace")}, so the rules could not choose one.`
              : "No workspace matched the requester's answers with certainty.",
        };
      }
      if (typeof d.appealOf === "string") return { title: "Routed: privacy team only", detail: `An appeal of ${d.appealOf}, our own decision: the privacy team answers it.` };
      const signals = Array.isArray(d.signals) ? d.signals.map((s) => SIGNALS[String(s)] ?? String(s)) : [];
      return {
        title: `Routed: ${routeLabel(d.route) ?? "unknown route"}`,
        detail: signals.length ? `Matched on the ${signals.join(", ")}.` : d.route === "OPERATOR" ? "Only data we control is concerned." : undefined,
      };
    }
    case "request.rerouted": {
      const from = routeLabel(d.fromRoute);
      const to =
        d.route === "OPERATOR"
          ? "the privacy team only"
          : `a customer's workspace${d.includesOperatorPart === true ? ", with a part we answer ourselves" : ""}`;
      return { title: "Routed by staff", detail: `${from ? `From “${from}” to` : "To"} ${to}.` };
    }
    case "referral.sent":
      return {
        title: `Referred to ${customer}${typeof d.workspaceName === "string" ? ` (${d.workspaceName})` : ""}`,
        detail: `Emailed to ${text(d.customerContactEmail, "the customer's privacy contacts")}. ${
          d.includesOperatorPart === true ? "We answer the part we control ourselves." : "The customer answers the whole request."
        }`,
      };
    case "referral.acknowledged":
      return { title: `${customer} acknowledged the referral`, detail: "Reminders stop." };
    case "referral.export_requested":
      return { title: `${customer} asked us for an export`, detail: "It needs the workspace data we hold for it to answer the requester." };
    case "referral.export_delivered":
      // No file name: auditors read this timeline too, and the referral lists the file (masked for them).
      return {
        title: `Workspace export sent to ${customer}`,
        detail: `Its privacy contacts were emailed a new link to download the file${typeof d.size === "number" ? ` (${fileSize(d.size)})` : ""} from the referral page.`,
      };
    case "referral.export_downloaded":
      return { title: `${customer} downloaded the workspace export` };
    case "package.purged":
      // lib/packages/purge.ts: no file name, like every package event.
      return {
        title: d.workspaceExport === true ? "Workspace export deleted" : "Data package deleted",
        detail: `Its download link had expired ${typeof d.graceDays === "number" ? plural(d.graceDays, "day") : "the grace period"} before. Only the file went: its name, size and checksum stay on record.`,
      };
    case "referral.reminded":
      return { title: `Reminder ${typeof d.reminderNumber === "number" ? `${d.reminderNumber} ` : ""}sent to ${customer}` };
    case "referral.escalated":
      return {
        title: `Escalated: ${customer} did not answer`,
        detail: `No acknowledgement after ${typeof d.remindersSent === "number" ? plural(d.remindersSent, "reminder") : "the reminders"}: the request is back with the privacy team. The customer's link still works.`,
      };
    case "referral.completed":
      return { title: `${customer} completed its part`, detail: "Its note was emailed to the requester." };
    case "referral.refused":
      return { title: `${customer} refused its part`, detail: "Its reasons were emailed to the requester." };
    case "referral.resent":
      return { title: `Referral sent again to ${customer}`, detail: "With a new link; reminders start again." };
    case "referral.links_revoked":
      return {
        title: `${customer}'s links revoked`,
        detail: `${typeof d.revoked === "number" ? plural(d.revoked, "link") : "Its links"} stopped working. The referral stays open: send it again for a new link.`,
      };
    case "referral.taken_over":
      return { title: `Taken over from ${customer}`, detail: "We answer the referred part ourselves; the customer's links no longer work." };
    case "request.receipt_confirmed":
      return {
        title: "Receipt confirmed to the requester",
        detail: `The ${d.template === "verify-email" ? "email asking them to confirm their address" : "acknowledgement email"} went out${typeof d.dueDate === "string" ? `; it was due by ${formatCalendarDate(d.dueDate, "medium")} (11 CCR §7021(a))` : ""}.`,
      };
    case "referral.erasure_requested":
      return {
        title: `${customer} asked us to erase the person's data in its workspace${typeof d.workspaceName === "string" ? ` ${d.workspaceName}` : ""}`,
        detail: "A search limited to that workspace's content started; nothing is erased until the customer approves its dry run on the referral page.",
      };
    case "referral.erasure_cancelled":
      return { title: `${customer} cancelled the workspace erasure`, detail: "Nothing was erased; the rows found are deleted." };
    case "referral.erasure_owners_asked": {
      const systems = Array.isArray(d.systems) ? d.systems.map(String) : [];
      return {
        title: "Owners asked to erase workspace content by hand",
        detail: `The portal cannot erase in ${systems.join(", ")}: their owners were emailed a task for ${text(d.workspaceName, "the customer's workspace")}.`,
      };
    }
    case "referral.workspace_erased":
      return {
        title: `${customer} told that the workspace erasure is done`,
        detail: `${typeof d.rows === "number" ? plural(d.rows, "row") : "The rows"} deleted or changed in its workspace only.${
          typeof d.checked === "number" && typeof d.left === "number"
            ? d.left === 0
              ? ` Checked afterwards: ${plural(d.checked, "row")} looked up again, none holds what was erased.`
              : ` Checked afterwards: ${plural(d.left, "row")} of ${d.checked} still ${d.left === 1 ? "holds" : "hold"} what was to be erased. Look into it.`
            : ""
        }${d.told === false ? " The customer has no privacy contact to email." : " Its privacy contacts were emailed the outcome."}`,
      };
    case "referral.withdrawn":
      return {
        title: `Referral to ${customer} withdrawn`,
        detail: `The request was routed elsewhere; the customer's links no longer work.${typeof d.note === "string" ? ` ${d.note}` : ""}`,
      };
    case "run.planned": {
      const systems = Array.isArray(d.systems) ? d.systems.map(String) : [];
      const skipped = Array.isArray(d.skipped) ? d.skipped.length : 0;
      return {
        title: d.kind === "WORKSPACE_EXPORT" ? "Workspace export planned" : d.kind === "WORKSPACE_ERASURE" ? "Workspace erasure planned" : "Search for the person's data planned",
        detail: `${systems.length ? `To search: ${systems.join(", ")}.` : "No system to search."}${skipped ? ` ${plural(skipped, "system")} not searched (the plan says why).` : ""}`,
      };
    }
    case "run.started":
      return { title: "Search started", detail: typeof d.tasks === "number" ? `${plural(d.tasks, "system")} to search.` : undefined };
    case "run.task_done":
      return {
        title: `${text(d.system, "A system")} searched`,
        detail:
          d.answeredByOwner === true
            ? `Its owner answered${d.nothingFound === true ? ": nothing found" : ""}${typeof d.files === "number" && d.files ? `, with ${plural(d.files, "file")}` : ""}.`
            : typeof d.recordsFound === "number"
              ? `${plural(d.recordsFound, "record")} found.`
              : undefined,
      };
    case "run.task_failed":
      return { title: `Searching ${text(d.system, "a system")} failed`, detail: "The run panel shows the error; retry the system when it is fixed." };
    case "run.task_retried":
      return { title: `Search of ${text(d.system, "a system")} retried` };
    case "run.owner_asked":
      return { title: `Owner of ${text(d.system, "a system")} asked to look`, detail: "Emailed a link to answer from." };
    case "run.owner_reminded":
      return { title: `Owner of ${text(d.system, "a system")} reminded${typeof d.reminderNumber === "number" ? ` (reminder ${d.reminderNumber})` : ""}` };
    case "run.owner_silent":
      return { title: `Owner of ${text(d.system, "a system")} did not answer`, detail: "The reminders are used up: answer the task yourself or cancel the run." };
    case "run.finished":
      if (d.outcome === "AWAITING_APPROVAL") return { title: "Search finished", detail: "Nothing is changed until the dry run is approved (for a workspace erasure, by the customer)." };
      return d.outcome === "FAILED"
        ? { title: "Search ended with a failure", detail: `Not assembled: ${Array.isArray(d.failed) && d.failed.length ? d.failed.map(String).join(", ") : "a system"} failed.` }
        : { title: "Search finished", detail: "The package is being assembled." };
    case "hold.placed":
      return { title: "Legal hold placed", detail: `${d.scope === "PERSON" ? "The person (every request from this email address)" : "This request"}: erasure is refused while it lasts. The reason is kept with the hold.` };
    case "hold.lifted":
      return { title: "Legal hold lifted" };
    case "run.erasure_approved":
      if (d.kind === "WORKSPACE_ERASURE") {
        return { title: "The customer approved the erasure in its workspace", detail: "Approved from the referral page; its workspace's content is erased in the background." };
      }
      if (d.kind === "CORRECTION") return { title: "Correction approved", detail: "The new values are written in the systems in the background." };
      return { title: "Erasure approved", detail: "The systems are erased in the background, the rows that point at others first." };
    case "run.erasure_resumed":
      return { title: d.kind === "CORRECTION" ? "Correction resumed" : "Erasure resumed", detail: "It goes on from the last batch written." };
    case "run.erased": {
      const systems = Array.isArray(d.systems) ? (d.systems as { system?: unknown; rows?: unknown }[]) : [];
      if (d.kind === "CORRECTION") {
        return {
          title: "Corrected",
          detail: `${typeof d.rows === "number" ? plural(d.rows, "row") : "The rows"} given their new values${systems.length ? ` (${systems.map((x) => `${text(x.system, "a system")}: ${typeof x.rows === "number" ? x.rows : 0}`).join(", ")})` : ""}. The records found are deleted.${proofWords(d.proof, d.left, true)}`,
        };
      }
      return {
        title: "Erased",
        detail: `${typeof d.rows === "number" ? plural(d.rows, "row") : "The rows"} deleted or changed${systems.length ? ` (${systems.map((x) => `${text(x.system, "a system")}: ${typeof x.rows === "number" ? x.rows : 0}`).join(", ")})` : ""}. The records found are deleted.${proofWords(d.proof, d.left)}`,
      };
    }
    case "run.erasure_failed":
      return { title: "Erasure stopped", detail: `${text(d.reason, "A system refused it.")} Resume it once that is fixed.` };
    case "run.assembly_failed":
      return { title: "The package could not be put together", detail: "Every retry failed. Cancel the run and attach a file by hand, or plan a new run." };
    case "run.cancelled":
      return { title: "Search cancelled", detail: "The records found so far, a draft package and the owners' links are gone." };
    case "recipients.told":
      return { title: "Recipients told", detail: recipientsToldWords(d) };
    case "recipients.confirmed":
      return { title: `${text(d.recipient, "A recipient")} confirmed`, detail: d.heldNothing === true ? "They held nothing about the person." : "They did it on their side." };
    case "processing.owners_asked": {
      const systems = Array.isArray(d.systems) ? d.systems.map(String) : [];
      const uses = Array.isArray(d.uses) ? d.uses.map(String) : [];
      if (d.kind === "CORRECT_BY_HAND") {
        return { title: "Owners asked to correct by hand", detail: `The portal cannot correct ${systems.join(", ")}: their owners were emailed what the requester asked to correct.` };
      }
      if (d.kind === "ERASE_BY_HAND") {
        return { title: "Owners asked to erase by hand", detail: `The portal cannot erase in ${systems.join(", ")}: their owners were emailed what to erase and keep.` };
      }
      return {
        title: d.kind === "RESTRICT_PROCESSING" ? "Owners asked to restrict uses" : "Owners asked to stop uses",
        detail: `${systems.length ? `Emailed the owners of ${systems.join(", ")}` : "No new system to ask"} for: ${uses.join(", ")}.${typeof d.alreadyAsked === "number" && d.alreadyAsked ? ` ${plural(d.alreadyAsked, "system")} asked before.` : ""}`,
      };
    }
    case "processing.confirmed":
      return {
        title: `Owner of ${text(d.recipient, "a system")} confirmed`,
        detail:
          d.kind === "ERASE_BY_HAND"
            ? d.heldNothing === true
              ? "The system held nothing about the person."
              : "Erased by hand as listed."
            : d.heldNothing === true
              ? "The system does not use the person's data for those uses."
              : "The uses are stopped or restricted for the person.",
      };
    case "recipients.reminded":
      return { title: `${text(d.recipient, "A recipient")} reminded${typeof d.reminderNumber === "number" ? ` (reminder ${d.reminderNumber})` : ""}` };
    case "recipients.silent":
      return { title: `${text(d.recipient, "A recipient")} did not confirm`, detail: "The reminders are used up: reach them another way." };
    case "request.duplicate_flagged":
      return {
        title: `Possible duplicate of ${text(d.of, "an earlier request")}`,
        detail: "Same confirmed email address and type as that request, which is not finished. Merge it into that one, or keep both.",
      };
    case "request.merged":
      return { title: `Merged into ${text(d.into, "an earlier request")}`, detail: "Answered together with it. The requester's status page says so." };
    case "request.merged_in":
      return { title: `${text(d.from, "A later request")} merged into this one`, detail: "The answer to this request covers both." };
    case "request.duplicate_kept":
      return { title: `Kept apart from ${text(d.of, "the earlier request")}`, detail: "Not a duplicate: each request is answered on its own." };
    case "request.marked_spam":
      return {
        title: "Marked as spam",
        detail: `Closed without an email; the name, email address and details were erased.${
          typeof d.blockedUntil === "string" ? ` The address is refused new requests until ${formatCalendarDate(d.blockedUntil.slice(0, 10))}.` : ""
        }`,
      };
    case "request.denied": {
      const evidence = d.evidence as { total?: unknown; requests?: { reference?: unknown; type?: unknown; receivedAt?: unknown }[] } | undefined;
      if (!evidence || typeof evidence.total !== "number") return { title: TITLES[action]! };
      const listed = (evidence.requests ?? []).map((r) => `${text(r.reference, "?")} (${text(r.type, "?")}, ${formatCalendarDate(text(r.receivedAt, "").slice(0, 10))})`);
      return {
        title: "Denied: manifestly unfounded or excessive",
        detail: `Reason: ${text(d.reason, "not given")}\nEvidence kept with the decision: ${plural(evidence.total, "other request")} from the same address in the 12 months before${
          listed.length ? `: ${listed.join(", ")}` : ""
        }.`,
      };
    }
    default:
      return { title: TITLES[action] ?? action };
  }
}
