import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { CODES_LOCKED_MESSAGE } from "@/lib/verification/messages";
import { getVerificationView } from "@/lib/verification/view";
import { CODE_TTL_MINUTES } from "@/lib/verification/challenge";
import { db } from "@/lib/db";
import { readReminderSchedule, reminderSentence } from "@/lib/verification/reminders";
import { CodeForm } from "./code-form";
import { ResendForm } from "./resend-form";

export const metadata: Metadata = { title: "Confirm your email" };

export default async function VerifyPage({ params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  const view = await getVerificationView(requestId);
  if (!view) notFound();
  const schedule = await readReminderSchedule(db);
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Check your email</h1>
      {view.pending && view.codesLocked ? (
        <div className="mt-6 space-y-4">
          <Alert tone="error" title="Codes no longer work for this request">
            {CODES_LOCKED_MESSAGE}
          </Alert>
          <p className="text-slate-700">
            Request <strong>{view.reference}</strong> is waiting for you to confirm it with that link. Or{" "}
            <Link href="/requests/new" className="text-blue-700 underline">
              submit a new request
            </Link>
            .
          </p>
        </div>
      ) : view.pending ? (
        <>
          <p id="verify-intro" className="mt-3 text-slate-700">
            We sent a 6-digit code to <strong>{view.maskedEmail}</strong> for request <strong>{view.reference}</strong>. Enter it
            below, or click the link in the email. The code works for {CODE_TTL_MINUTES} minutes.
          </p>
          <p className="mt-2 text-sm text-slate-600">
            Your request is saved. If you don&apos;t confirm within {schedule.expiryDays === 1 ? "a day" : `${schedule.expiryDays} days`} it
            will be closed and the details you gave erased. {reminderSentence(schedule)}
          </p>
          <CodeForm requestId={requestId} introId="verify-intro" />
          <ResendForm requestId={requestId} />
        </>
      ) : (
        <p className="mt-3 text-slate-700">
          Request <strong>{view.reference}</strong> no longer needs confirming. Follow it with the status link in the emails we
          sent you.
        </p>
      )}
    </div>
  );
}
