import { NextResponse } from "next/server";
import { DomainError } from "@/lib/actions/domain-error";
import { getEnv } from "@/lib/env";
import { localeHref } from "@/lib/i18n/server";
import { isSameOriginPost } from "@/lib/http/same-origin";
import { logError } from "@/lib/log";
import { uploadRepresentationDocument } from "@/lib/representation/documents";
import { MAX_DOCUMENT_BYTES } from "@/lib/representation/limits";

// A document from the status page of an agent's or parent's request: a plain multipart form post
// (server actions cap bodies at 64 KB), so it works without JavaScript. Answers with a redirect to
// the page, which words the outcome.
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Back to the page in the language it was read in.
  const page = await localeHref(`/requests/status/${encodeURIComponent(token)}`);
  const back = (query: string) =>
    NextResponse.redirect(new URL(`${page}?${query}#representation-heading`, request.url), { status: 303, headers: { "Referrer-Policy": "no-referrer" } });
  if (!isSameOriginPost(request, getEnv().APP_URL)) return back("documentError=CROSS_SITE");
  // Refuse an oversized body before reading it.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_DOCUMENT_BYTES + 64 * 1024) return back("documentError=DOCUMENT_TOO_LARGE");
  try {
    const form = await request.formData();
    const file = form.get("file");
    const kind = form.get("kind");
    if (!(file instanceof File) || file.size === 0) return back("documentError=DOCUMENT_EMPTY");
    await uploadRepresentationDocument(token, {
      kind: typeof kind === "string" ? kind : "",
      filename: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return back("document=uploaded");
  } catch (error) {
    if (error instanceof DomainError) return back(`documentError=${encodeURIComponent(error.code)}`);
    logError("representation.document_upload_failed", error);
    return back("documentError=INTERNAL");
  }
}
