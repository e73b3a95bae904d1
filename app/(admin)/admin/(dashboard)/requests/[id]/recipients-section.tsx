import { UntrustedText } from "@/components/ui/untrusted-text";
import { db } from "@/lib/db";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { listNotices, recipientsToTell } from "@/lib/recipients/notices";
import { NOTICE_KIND_FOR_REQUEST, noticeState } from "@/lib/recipients/notice-words";

// Who a deletion, correction or restriction is passed on to (GDPR Art. 19): before completion,
// who will be told; afterwards, who was told, how, and whether they confirmed.
export async function RecipientsSection({
  requestId,
  type,
  open,
  personalVisible,
  dayOf,
}: {
  requestId: string;
  type: RequestType;
  open: boolean;
  personalVisible: boolean;
  dayOf: (at: Date) => string;
}) {
  const kind = NOTICE_KIND_FOR_REQUEST[type];
  if (!kind) return null;
  const notices = await listNotices(db, requestId);
  const upcoming = open && notices.length === 0 ? await recipientsToTell(db, requestId, kind) : [];
  if (!notices.length && !upcoming.length) return null;
  return (
    <section aria-labelledby="recipients-heading">
      <h2 id="recipients-heading" className="text-lg font-semibold text-slate-900">
        Recipients told
      </h2>
      {notices.length === 0 ? (
        <>
          <p className="mt-2 text-slate-800">
            Completing this request tells each of these (GDPR Art. 19); the requester sees the list and each confirmation on the status page.
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-900">
            {upcoming.map((r) => (
              <li key={r.systemId ?? r.customerId}>
                {r.name}:{" "}
                {r.channel === "CONNECTOR" ? `${kind === "CORRECTION" ? "corrected" : "erased"} directly through its connection` : `emailed at ${r.sentTo.join(", ")}, with a link to confirm`}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-300 text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">Recipient</th>
                <th scope="col" className="py-2 pr-4 font-medium">Where it stands</th>
                <th scope="col" className="py-2 font-medium">Their note</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {notices.map((n) => (
                <tr key={n.id} className="align-top">
                  <td className="py-2 pr-4 text-slate-900">
                    {n.recipientName}
                    {n.sentTo.length ? <span className="block text-slate-700">{n.sentTo.join(", ")}</span> : null}
                  </td>
                  <td className="py-2 pr-4 text-slate-900">
                    {noticeState({ ...n, byConnector: n.channel === "CONNECTOR" }, dayOf)}
                    {n.remindersSent ? `; reminded ${n.remindersSent} ${n.remindersSent === 1 ? "time" : "times"}` : ""}
                    {n.escalatedAt && !n.confirmedAt ? "; reminders used up, reach them another way" : ""}
                  </td>
                  <td className="py-2 text-slate-900">
                    {n.note ? personalVisible ? <UntrustedText>{n.note}</UntrustedText> : "Masked for your role" : "–"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
