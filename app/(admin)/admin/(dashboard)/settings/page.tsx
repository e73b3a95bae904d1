import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/staff";
import { formatInstant } from "@/lib/dates/format";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ORGANIZATION_LABELS } from "@/lib/organization/schema";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { organizationHistory } from "@/lib/organization/update";
import { BrandingSection } from "./branding-section";
import { OrganizationForm } from "./organization-form";
import { HandlingSection } from "./handling-section";
import { RequestTypesSection } from "./request-types-section";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const admin = await requirePagePermission("settings.manage", "/admin/settings");
  const [org, history] = await Promise.all([readOrganizationDetails(db), organizationHistory(db)]);
  return (
    <div className="max-w-3xl space-y-10">
      <h1 className="text-2xl font-bold text-slate-900">Settings</h1>
      <section aria-labelledby="organisation-heading" className="rounded-md border border-slate-300 bg-white p-6">
        <h2 id="organisation-heading" className="text-lg font-semibold text-slate-900">
          Organisation
        </h2>
        <p className="mt-1 text-slate-700">Who you are, as the portal, the privacy policy and every email say it. Changes apply at once.</p>
        <OrganizationForm
          timeZoneLocked={getEnv().OPERATOR_TIME_ZONE ?? null}
          values={{
            legalName: org.legalName,
            productName: org.productName,
            websiteUrl: org.websiteUrl,
            privacyEmail: org.privacyEmail,
            supportEmail: org.supportEmail,
            dpoName: org.dpoName ?? "",
            dpoEmail: org.dpoEmail ?? "",
            euRepresentative: org.euRepresentative ?? "",
            ukRepresentative: org.ukRepresentative ?? "",
            registeredAddress: org.registeredAddress,
            companyNumber: org.companyNumber ?? "",
            timeZone: org.timeZone,
          }}
        />
      </section>
      <BrandingSection timeZone={org.timeZone} />
      <RequestTypesSection timeZone={org.timeZone} />
      <HandlingSection admin={admin} timeZone={org.timeZone} />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="text-lg font-semibold text-slate-900">
          Changes
        </h2>
        {history.length === 0 ? (
          <p className="mt-2 text-slate-700">No change since the portal was set up.</p>
        ) : (
          <ol className="mt-2 space-y-3">
            {history.map((entry) => (
              <li key={entry.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <p className="font-medium text-slate-900">
                  {formatInstant(entry.at, org.timeZone)} · {entry.by ?? "a former staff member"}
                </p>
                <ul className="mt-1 list-disc pl-5 text-slate-700">
                  {entry.changes.map((c) => (
                    <li key={c.field}>
                      {ORGANIZATION_LABELS[c.field] ?? c.field}: “{c.from ?? "empty"}” → “{c.to ?? "empty"}”
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
