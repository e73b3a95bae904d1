import { NextResponse } from "next/server";
import { DomainError } from "@/lib/actions/domain-error";
import { logError } from "@/lib/log";

// Serving a stored file from a private link: the requester's data package from the status page,
// a workspace export from a customer's referral page. Decrypted on the fly, never cached.

/** A file in one piece (uploads), or streamed part by part (assembled packages, lib/packages/parts.ts). */
export type DownloadFile =
  | { filename: string; contentType: string; bytes: Uint8Array }
  | { filename: string; contentType: string; size: number; body: ReadableStream<Uint8Array> };

/**
 * An attachment header for any file name: an ASCII fallback for old clients and the exact name in
 * RFC 5987 form. Header values must be Latin-1, so the name itself never goes in raw.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function fileDownloadResponse(file: DownloadFile): Response {
  const whole = "bytes" in file;
  return new Response(whole ? Buffer.from(file.bytes) : file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition(file.filename),
      // Also for a streamed file: a download cut short by a part that fails to open is seen as incomplete.
      "Content-Length": String(whole ? file.bytes.byteLength : file.size),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      // The link's path is its secret.
      "Referrer-Policy": "no-referrer",
    },
  });
}

/**
 * Answers a download link: the file; 404 for a link that opens nothing (NOT_FOUND); for any other
 * refusal (an expired download), back to `page` with ?download=CODE, where the page says why.
 */
export async function serveDownload(request: Request, page: string, open: () => Promise<DownloadFile>, failureEvent: string): Promise<Response> {
  try {
    return fileDownloadResponse(await open());
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === "NOT_FOUND") return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
      return NextResponse.redirect(new URL(`${page}?download=${encodeURIComponent(error.code)}`, request.url), 303);
    }
    logError(failureEvent, error);
    return new Response("The download failed. Please try again in a moment.", { status: 500 });
  }
}
