import type { Metadata } from "next";
import { headers } from "next/headers";
import { sendsGpc } from "@/lib/privacy-signals/gpc";
import { RELATIONSHIP_LABELS, REQUEST_TYPE_DESCRIPTIONS, REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { countryOptions, regionOptions } from "@/lib/requests/regions";
import { REQUEST_TYPES, type RequestTypeValue } from "@/lib/requests/schema";
import { RequestForm, type RequestFormOptions } from "./request-form";

function formOptions(): RequestFormOptions {
  return {
    countries: countryOptions(),
    regions: { US: regionOptions("US"), CA: regionOptions("CA") },
    types: Object.fromEntries(REQUEST_TYPES.map((t) => [t, { label: REQUEST_TYPE_LABELS[t], description: REQUEST_TYPE_DESCRIPTIONS[t] }])) as RequestFormOptions["types"],
    relationships: RELATIONSHIP_LABELS,
  };
}

export const metadata: Metadata = { title: "Make a privacy request" };

export default async function NewRequestPage({ searchParams }: { searchParams: Promise<{ type?: string }> }) {
  const [{ type }, requestHeaders] = await Promise.all([searchParams, headers()]);
  const initialType = (REQUEST_TYPES as readonly string[]).includes(type ?? "") ? (type as RequestTypeValue) : undefined;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Make a privacy request</h1>
      <p className="mt-3 text-slate-700">
        Tell us what you would like us to do. You don&apos;t need an account and there is no fee. We will email you a
        6-digit code to confirm the address is yours, then answer within the time the law where you live allows.
      </p>
      <p className="mt-2 text-sm text-slate-600">All fields are required unless marked optional.</p>
      <RequestForm options={formOptions()} initialType={initialType} gpc={sendsGpc(requestHeaders)} />
    </div>
  );
}
