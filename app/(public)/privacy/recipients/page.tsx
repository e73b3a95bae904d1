import type { Metadata } from "next";
import { connection } from "next/server";
import { TableHead } from "@/components/ui/table-head";
import { formatInstantDate } from "@/lib/dates/format";
import { getOperatorTimeZone, getOrganizationSettings } from "@/lib/organization/settings";
import type { ChangeLogEntry, RecipientField } from "@/lib/recipients/change-log";
import { CHANGE_LOG_LIMIT, listRecipients, readChangeLog } from "@/lib/recipients/queries";

export const metadata: Metadata = { title: "Who receives data" };

const KIND_LABELS: Record<ChangeLogEntry["kind"], string> = { added: "Added", removed: "Removed", changed: "Changed" };
const FIELD_LABELS: Record<RecipientField, string> = { name: "Name", purpose: "Purpose", country: "Country" };

function describeChange(entry: ChangeLogEntry): string[] {
  if (entry.kind !== "changed") return [entry.purpose, entry.country ? `Country: ${entry.country}` : "Country not stated"];
  return entry.changes.map((c) => `${FIELD_LABELS[c.field]}: ${c.from ?? "not stated"} → ${c.to ?? "not stated"}`);
}


export default async function RecipientsPage() {
  await connection();
  const [recipients, log, org, timeZone] = await Promise.all([listRecipients(), readChangeLog(), getOrganizationSettings(), getOperatorTimeZone()]);

  return (
    <div className="max-w-4xl space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">Who receives data</h1>
        <p>
          The third parties and subprocessors below receive personal data from {org.legalName} for {org.productName}. For each: what
          it is used for, which kinds of data it receives and in which country it processes them. The list is generated from our record
          of the systems that hold personal data, so it changes when that record does; the changes are listed below it.
        </p>
        <p className="text-sm">
          <a href="/privacy">Our privacy policy</a> says how we use and share information. Customers whose data processing agreement
          asks for notice of changes can ask <a href={`mailto:${org.privacyEmail}`}>{org.privacyEmail}</a> to be emailed when this list
          changes.
        </p>
      </header>

      <section aria-labelledby="recipients-heading" className="space-y-3">
        <h2 id="recipients-heading" className="text-2xl font-semibold">
          Third parties and subprocessors
        </h2>
        {recipients.length === 0 ? (
          <p>No third party or subprocessor receives personal data from us at present.</p>
        ) : (
          <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">Third parties and subprocessors, by name</caption>
              <TableHead labels={["Name", "Purpose", "Data categories", "Country"]} />
              <tbody>
                {recipients.map((recipient, index) => (
                  <tr key={index} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {recipient.name}
                    </th>
                    <td className="py-2 pr-4">{recipient.purpose}</td>
                    <td className="py-2 pr-4">
                      {recipient.categories.length === 0 ? (
                        "None mapped yet"
                      ) : (
                        <ul className="space-y-1">
                          {recipient.categories.map((label) => (
                            <li key={label}>{label}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="py-2 pr-4">{recipient.country ?? "Not stated"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
        )}
      </section>

      <section aria-labelledby="changes-heading" className="space-y-3">
        <h2 id="changes-heading" className="text-2xl font-semibold">
          Changes to this list
        </h2>
        {log.length === 0 ? (
          <p>No changes recorded yet.</p>
        ) : (
          <>
            {log.length >= CHANGE_LOG_LIMIT ? <p className="text-sm">The newest {log.length} changes.</p> : null}
            <table className="w-full border-collapse text-left text-sm">
                <caption className="sr-only">Changes to the list of third parties and subprocessors, newest first</caption>
                <TableHead labels={["Date", "Change", "Recipient", "Details"]} />
                <tbody>
                  {log.map((entry) => (
                    <tr key={entry.id} className="border-b border-slate-200 align-top">
                      <td className="py-2 pr-4 whitespace-nowrap">
                        <time dateTime={entry.at.toISOString()}>{formatInstantDate(entry.at, timeZone)}</time>
                      </td>
                      <td className="py-2 pr-4">{KIND_LABELS[entry.kind]}</td>
                      <th scope="row" className="py-2 pr-4 font-medium">
                        {entry.name}
                      </th>
                      <td className="py-2 pr-4">
                        <ul className="space-y-1">
                          {describeChange(entry).map((line, i) => (
                            <li key={i}>{line}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
          </>
        )}
      </section>
    </div>
  );
}
