"use server";

import { headers } from "next/headers";
import { failure, type ActionResult } from "@/lib/actions/result";
import { clientIp } from "@/lib/http/client-ip";
import { readerLocale } from "@/lib/i18n/server";
import { logError } from "@/lib/log";
import { sendsGpc } from "@/lib/privacy-signals/gpc";
import { submitRequest, type SubmitOutcome } from "@/lib/requests/submit";

/** `proof`: the solved proof of work, when the first try asked for one. */
export async function submitRequestAction(input: unknown, proof?: unknown): Promise<ActionResult<SubmitOutcome>> {
  try {
    return await submitRequest(input, {
      ip: await clientIp(),
      gpc: sendsGpc(await headers()),
      proof: typeof proof === "string" ? proof : null,
      locale: await readerLocale(),
    });
  } catch (error) {
    logError("request.submit_failed", error);
    return failure("Your request could not be sent because of a problem on our side. Nothing was saved. Please try again in a moment.", "INTERNAL");
  }
}
