import type { Metadata } from "next";
import { headers } from "next/headers";
import { sendsGpc } from "@/lib/privacy-signals/gpc";
import { RELATIONSHIP_LABELS, REQUEST_TYPE_DESCRIPTIONS, REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { countryOptions, regionOptions } from "@/lib/requests/regions";
import { db } from "@/lib/db";
import { readOfferedTypes } from "@/lib/requests/offered-types-settings";
import type { RequestTypeValue } from "@/lib/requests/schema";
import { DETAIL_WORDS } from "./detail-words";
import { REPRESENTATION_WORDS } from "./representation-words";
import { RequestForm, type RequestFormOptions } from "./request-form";

// Only the types the operator offers (Settings → Request types): the form lists what it is given.
function formOptions(offered: RequestTypeValue[]): RequestFormOptions {
  return {
    countries: countryOptions(),
    regions: { US: regionOptions("US"), CA: regionOptions("CA") },
    types: Object.fromEntries(offered.map((t) => [t, { label: REQUEST_TYPE_LABELS[t], description: REQUEST_TYPE_DESCRIPTIONS[t] }])) as RequestFormOptions["types"],
    relationships: RELATIONSHIP_LABELS,
    details: DETAIL_WORDS,
    representation: REPRESENTATION_WORDS,
  };
}

export const metadata: Metadata = { title: "Make a privacy request" };

export default async function NewRequestPage({ searchParams }: { searchParams: Promise<{ type?: string }> }) {
  const [{ type }, requestHeaders, offered] = await Promise.all([searchParams, headers(), readOfferedTypes(db)]);
  const initialType = (offered as readonly string[]).includes(type ?? "") ? (type as RequestTypeValue) : undefined;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Make a privacy request</h1>
      <p className="mt-3 text-slate-700">
        Tell us what you would like us to do. You don&apos;t need an account and there is no fee. We will email you a
        6-digit code to confirm the address is yours, then answer within the time the law where you live allows.
      </p>
      <p className="mt-2 text-sm text-slate-600">All fields are required unless marked optional.</p>
      <RequestForm
        options={formOptions(offered)}
        initialType={initialType}
        optOutNote={
          <>
            <p className="text-slate-700">
              We will stop any sale or sharing of your personal information for cross-context advertising. You don&apos;t need to confirm
              your identity for this request; we still email you a confirmation.
            </p>
            {sendsGpc(requestHeaders) ? (
              <p className="rounded-md border-l-4 border-green-700 bg-green-50 p-4 text-green-900">
                Your browser sends Global Privacy Control, so this browser is already opted out: you don&apos;t need this form for that.
                Send it if you want the opt-out to cover the personal information we hold about you. We record that your browser sent
                the signal.
              </p>
            ) : null}
          </>
        }
        checkingNote={
          <p className="rounded-md border-l-4 border-blue-700 bg-blue-50 p-4 text-blue-900">
            One moment: many requests have come from your network, so your browser is doing a short check before sending yours.
          </p>
        }
      />
    </div>
  );
}
