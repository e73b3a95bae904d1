import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { verifyFailureMessage } from "@/lib/verification/messages";
import type { VerifyFailureCode } from "@/lib/verification/verify";

export const metadata: Metadata = { title: "We couldn't confirm your email" };

const CODES: VerifyFailureCode[] = ["EXPIRED", "LOCKED", "SUPERSEDED", "ALREADY_VERIFIED", "NOT_FOUND"];

export default async function VerifyProblemPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const code = CODES.find((c) => c === reason);
  const message = code
    ? verifyFailureMessage(code)
    : "Something went wrong on our side while confirming your email. Please try the link again in a moment.";
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">We couldn&apos;t confirm your email</h1>
      <div className="mt-6">
        <Alert tone={code === "ALREADY_VERIFIED" ? "info" : "error"}>{message}</Alert>
      </div>
      <p className="mt-6 text-slate-700">
        You can also enter the 6-digit code on the page you saw after sending your request, or{" "}
        <Link href="/requests/new" className="text-blue-700 underline">
          start a new request
        </Link>
        .
      </p>
    </div>
  );
}
