import type { StatusView } from "@/lib/requests/status-view";
import { IdentityForm } from "./identity-form";

const DECLARATION =
  "I declare under penalty of perjury that I am the person this request is about (or, for a child, their parent or guardian) and that these answers are true.";

/** What the higher standard of verification looks like on the status page, for whoever holds the link. */
export function IdentitySection({ token, view }: { token: string; view: Pick<StatusView, "identity" | "holder"> }) {
  const { check, answeredBy, questions } = view.identity;
  const mine = view.holder === answeredBy;
  const words: Record<Exclude<typeof check, "NOT_NEEDED" | "AWAITING_ANSWERS">, string> = {
    CHECKING: "We are comparing the answers with what we hold. This page shows the outcome in a moment.",
    PASSED: "The answers matched what we hold: the identity check passed.",
    FAILED:
      "The answers did not match what we hold. We give out or erase nothing on answers that do not match. The privacy team reviews the request and writes with what happens next.",
    FOR_OFFICER: "Some answers could not be compared automatically, so the privacy team checks them by hand before acting on the request.",
  };
  return (
    <section aria-labelledby="identity-heading" className="mt-10">
      <h2 id="identity-heading" className="text-xl font-semibold text-slate-900">
        {check === "AWAITING_ANSWERS" && mine ? "Confirm who you are" : "Identity check"}
      </h2>
      {check === "AWAITING_ANSWERS" ? (
        mine ? (
          <>
            <p className="mt-2 text-slate-700">
              This kind of request gives out or erases personal data, so we check a little more than the email address: answer these
              questions with what you gave us when you used our service. We compare the answers with what we hold, use them for
              nothing else, and erase them with the rest of the request&apos;s personal data.
            </p>
            <IdentityForm token={token} questions={questions} declaration={DECLARATION} />
          </>
        ) : (
          <p className="mt-2 text-slate-700">
            We asked the person this request is about to answer a few questions on their own page, to confirm who they are.
          </p>
        )
      ) : (
        <p className="mt-2 text-slate-700">{words[check as keyof typeof words]}</p>
      )}
    </section>
  );
}
