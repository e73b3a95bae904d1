import { connection } from "next/server";
import { buttonClass } from "@/components/ui/button";
import { db } from "@/lib/db";
import { readHandling } from "@/lib/organization/handling";
import { dayCount } from "@/lib/organization/handling-schema";
import { getOrganizationSettings } from "@/lib/organization/settings";
import { REQUEST_TYPE_DESCRIPTIONS, REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { readOfferedTypes } from "@/lib/requests/offered-types-settings";

export default async function PrivacyCenterHome() {
  await connection();
  const [org, handling, offered] = await Promise.all([getOrganizationSettings(), readHandling(db), readOfferedTypes(db)]);

  return (
    <div className="space-y-14">
      <div className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">{org.productName} Privacy Center</h1>
        <p className="text-lg text-slate-700">
          Ask {org.legalName} about the personal information it holds about you: below is what you can ask for here. You do not
          need an account, and it is free.
        </p>
        <p>
          <a
            href="/requests/new"
            className={`${buttonClass()} no-underline`}
          >
            Make a privacy request
          </a>
        </p>
      </div>

      <section aria-labelledby="request-types" className="space-y-5">
        <h2 id="request-types" className="text-2xl font-semibold">
          What you can ask for
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {/* The types the operator offers (Settings → Request types); an appeal always, where the law gives one. */}
          {[...offered, "APPEAL" as const].map((type) => (
            <li
              key={type}
              className="relative rounded-lg border border-slate-300 p-5 focus-within:border-blue-800 hover:border-blue-800"
            >
              <h3 className="font-semibold">
                {/* The link covers the card, so the whole card is one target with one name. */}
                {/* An appeal is of a decision we made: it starts from that request's status page. */}
                <a href={type === "APPEAL" ? "/requests/status?appeal" : `/requests/new?type=${type}`} className="after:absolute after:inset-0">
                  {REQUEST_TYPE_LABELS[type]}
                </a>
              </h3>
              <p className="mt-2 text-sm text-slate-700">{REQUEST_TYPE_DESCRIPTIONS[type]}</p>
            </li>
          ))}
        </ul>
        <p className="max-w-3xl text-slate-700">
          If your request is about a conversation with a company that uses {org.productName} for its customer support,
          that company decides what happens to your conversation. Tell us which company it was: we will pass your request
          to them and tell you how to reach them.
        </p>
      </section>

      <div className="grid max-w-5xl gap-10 md:grid-cols-2">
        <section aria-labelledby="verification" className="space-y-3">
          <h2 id="verification" className="text-2xl font-semibold">
            How we confirm it is you
          </h2>
          <p>
            After you send a request, we email a 6-digit code to the address you gave. Enter it on the page, or follow the
            link in the same email, to confirm that the address is yours. That way we answer the person the information is
            about, and nobody else.
          </p>
          <p>
            You do not need an account and we charge no fee. If the address is not confirmed within {dayCount(handling.unverifiedExpiryDays)}, we close the
            request and erase what you sent.
          </p>
        </section>

        <section aria-labelledby="follow-up" className="space-y-3">
          <h2 id="follow-up" className="text-2xl font-semibold">
            Following your request
          </h2>
          <p>
            Every email we send about your request includes a private link to its status page. Keep that link to
            yourself: anyone who has it can see the status of your request. Lost it, or it no longer works?{" "}
            <a href="/requests/status">Get a new link</a> with your email address and the request&apos;s reference.
          </p>
          <p>
            We answer within the time the law allows, for example one month under the GDPR or 45 days under the
            California Consumer Privacy Act, and we tell you if we need longer and why.
          </p>
        </section>
      </div>

      <section aria-labelledby="policy" className="max-w-3xl space-y-3">
        <h2 id="policy" className="text-2xl font-semibold">
          Our privacy policy
        </h2>
        <p>
          Our <a href="/privacy">privacy policy</a> explains what {org.legalName} collects, why, who we share it with,
          how long we keep it and all of your rights. Questions? Write to{" "}
          <a href={`mailto:${org.privacyEmail}`}>{org.privacyEmail}</a>.
        </p>
      </section>
    </div>
  );
}
