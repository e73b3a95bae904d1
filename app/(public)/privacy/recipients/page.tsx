import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { TableHead } from "@/components/ui/table-head";
import { formatInstantDate } from "@/lib/dates/format";
import { localePath } from "@/lib/i18n/locales";
import { readerLocale } from "@/lib/i18n/server";
import { getOperatorTimeZone, getOrganizationSettings } from "@/lib/organization/settings";
import type { ChangeLogEntry } from "@/lib/recipients/change-log";
import { CHANGE_LOG_LIMIT, listRecipients, readChangeLog } from "@/lib/recipients/queries";

type Translate = Awaited<ReturnType<typeof getTranslations<"pages.recipients">>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.recipients"))("title") };
}

/** A change's lines as the reader reads them; names, purposes and countries are the operator's words. */
function describeChange(entry: ChangeLogEntry, t: Translate): string[] {
  if (entry.kind !== "changed") return [entry.purpose, entry.country ? t("country", { country: entry.country }) : t("countryMissing")];
  return entry.changes.map((c) => t("fieldChange", { field: t(`columns.${c.field}`), from: c.from ?? t("notStated"), to: c.to ?? t("notStated") }));
}

export default async function RecipientsPage() {
  await connection();
  const [recipients, log, org, timeZone, locale, t] = await Promise.all([
    listRecipients(),
    readChangeLog(),
    getOrganizationSettings(),
    getOperatorTimeZone(),
    readerLocale(),
    getTranslations("pages.recipients"),
  ]);

  return (
    <div className="max-w-4xl space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p>{t("intro", { company: org.legalName, product: org.productName })}</p>
        <p className="text-sm">
          {t.rich("policyNote", {
            email: org.privacyEmail,
            policy: (chunks) => <a href={localePath(locale, "/privacy")}>{chunks}</a>,
            mail: (chunks) => <a href={`mailto:${org.privacyEmail}`}>{chunks}</a>,
          })}
        </p>
      </header>

      <section aria-labelledby="recipients-heading" className="space-y-3">
        <h2 id="recipients-heading" className="text-2xl font-semibold">
          {t("listHeading")}
        </h2>
        {recipients.length === 0 ? (
          <p>{t("listEmpty")}</p>
        ) : (
          <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{t("listCaption")}</caption>
              <TableHead labels={[t("columns.name"), t("columns.purpose"), t("columns.categories"), t("columns.country")]} />
              <tbody>
                {recipients.map((recipient, index) => (
                  <tr key={index} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {recipient.name}
                    </th>
                    <td className="py-2 pr-4">{recipient.purpose}</td>
                    <td className="py-2 pr-4">
                      {recipient.categories.length === 0 ? (
                        t("noCategories")
                      ) : (
                        <ul className="space-y-1">
                          {recipient.categories.map((label) => (
                            <li key={label}>{label}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="py-2 pr-4">{recipient.country ?? t("countryNotStated")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
        )}
      </section>

      <section aria-labelledby="changes-heading" className="space-y-3">
        <h2 id="changes-heading" className="text-2xl font-semibold">
          {t("changesHeading")}
        </h2>
        {log.length === 0 ? (
          <p>{t("changesEmpty")}</p>
        ) : (
          <>
            {log.length >= CHANGE_LOG_LIMIT ? <p className="text-sm">{t("changesNewest", { count: log.length })}</p> : null}
            <table className="w-full border-collapse text-left text-sm">
                <caption className="sr-only">{t("changesCaption")}</caption>
                <TableHead labels={[t("changeColumns.date"), t("changeColumns.change"), t("changeColumns.recipient"), t("changeColumns.details")]} />
                <tbody>
                  {log.map((entry) => (
                    <tr key={entry.id} className="border-b border-slate-200 align-top">
                      <td className="py-2 pr-4 whitespace-nowrap">
                        <time dateTime={entry.at.toISOString()}>{formatInstantDate(entry.at, timeZone, "long", locale)}</time>
                      </td>
                      <td className="py-2 pr-4">{t(`kinds.${entry.kind}`)}</td>
                      <th scope="row" className="py-2 pr-4 font-medium">
                        {entry.name}
                      </th>
                      <td className="py-2 pr-4">
                        <ul className="space-y-1">
                          {describeChange(entry, t).map((line, i) => (
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
