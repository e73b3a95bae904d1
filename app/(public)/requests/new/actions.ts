"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { failure, type ActionResult } from "@/lib/actions/result";
import { clientIp } from "@/lib/http/client-ip";
import { localePath } from "@/lib/i18n/locales";
import { readerLocale } from "@/lib/i18n/server";
import { logError } from "@/lib/log";
import { sendsGpc } from "@/lib/privacy-signals/gpc";
import { submitRequest } from "@/lib/requests/submit";

/**
 * `proof`: the solved proof of work, when the first try asked for one. `next`: where the browser
 * goes on, in the reader's language (the verify page, or the status page when no check is needed).
 */
export async function submitRequestAction(input: unknown, proof?: unknown): Promise<ActionResult<{ requestId: string; next: string }>> {
  const locale = await readerLocale();
  try {
    const result = await submitRequest(input, {
      ip: await clientIp(),
      gpc: sendsGpc(await headers()),
      proof: typeof proof === "string" ? proof : null,
      locale,
    });
    if (!result.ok) return result;
    const { requestId } = result.data;
    const next = result.data.verificationRequired ? `/requests/verify/${requestId}` : result.data.statusPath;
    return { ok: true, data: { requestId, next: localePath(locale, next) } };
  } catch (error) {
    logError("request.submit_failed", error);
    const t = await getTranslations("form");
    return failure(t("refusals.internal"), "INTERNAL");
  }
}
