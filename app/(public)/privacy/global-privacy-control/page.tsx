import type { Metadata } from "next";
import { headers } from "next/headers";
import { getOrganizationSettings } from "@/lib/organization/settings";
import { sendsGpc } from "@/lib/privacy-signals/gpc";

export const metadata: Metadata = { title: "Global Privacy Control" };

// What "honoured" means here (issue 11). The portal itself loads nothing from other companies
// (proxy.ts: a Content-Security-Policy with no third-party origin), so for the browser there is
// nothing to sell or share; for the person, the opt-out form records an opt-out request.
export default async function GpcPage() {
  const [org, requestHeaders] = await Promise.all([getOrganizationSettings(), headers()]);
  const on = sendsGpc(requestHeaders);
  return (
    <div className="max-w-3xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">Global Privacy Control</h1>
        <p>
          Global Privacy Control is a setting in some browsers and browser extensions that tells every website you visit not to sell or
          share your personal information. {org.legalName} treats it as your request to opt out of the sale and sharing of your personal
          information, as California law requires (California Code of Regulations, title 11, §7025), and honours it without asking you for
          anything.
        </p>
        <p className="font-semibold">
          {on
            ? "Your browser is sending the signal now, and we honour it."
            : "Your browser is not sending the signal now. Browsers such as Firefox, Brave and DuckDuckGo can send it, as can privacy extensions."}
        </p>
      </header>

      <section aria-labelledby="gpc-what-we-do" className="space-y-3">
        <h2 id="gpc-what-we-do" className="text-xl font-semibold">
          What we do when we receive it
        </h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <strong>For this browser:</strong> we do not sell or share personal information collected from it. This privacy center loads no
            advertising or analytics code and nothing from other companies, and sets no cookies for visitors.
          </li>
          <li>
            <strong>For you, wherever we hold your data:</strong> the signal does not tell us who you are. To make the opt-out cover the
            personal information we hold about you, send the{" "}
            <a href="/requests/new?type=OPT_OUT_SALE">opt-out form</a> from this browser with your email address. We record it as a request
            to opt out of sale and sharing, note that your browser sent the signal, and answer it like any other request. You do not need to
            confirm your email for it, and it takes effect when we receive it.
          </li>
          <li>
            <strong>What we keep:</strong> we count, per day, the pages we show to browsers that send the signal, so we can show a regulator
            that we honour it. We keep nothing else about those visits: no address, no cookie and no browser details.
          </li>
        </ul>
      </section>
    </div>
  );
}
