// How the logo is sent: as exactly the bytes that were checked, with a type the browser must not
// second-guess, and a policy that lets an SVG opened on its own address draw and do nothing else.
// Pure: the route reads the logo and hands it here.

/** Styles inside an SVG are inline; a raster image it embeds is a data: URL; nothing else may load or run. */
export const LOGO_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; sandbox";
const FOREVER = "public, max-age=31536000, immutable";

type StoredLogo = { contentType: string; bytes: Uint8Array; sha256: string };

/**
 * The response for GET /brand/logo: 404 without a logo; else the logo, cached for good when the
 * address names this logo (`?v=` and its sha256's prefix, as pages link it), else revalidated
 * with its ETag each time; 304 when the browser already has it.
 */
export function logoResponse(logo: StoredLogo | null, url: URL, ifNoneMatch: string | null): Response {
  if (!logo) {
    return new Response("No logo has been uploaded.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
  }
  const etag = `"${logo.sha256}"`;
  const version = url.searchParams.get("v");
  const headers = {
    "Content-Type": logo.contentType,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": LOGO_CSP,
    ETag: etag,
    "Cache-Control": version && logo.sha256.startsWith(version) && version.length >= 16 ? FOREVER : "no-cache",
  };
  const seen = ifNoneMatch?.split(",").map((t) => t.trim().replace(/^W\//, ""));
  if (seen?.includes(etag) || seen?.includes("*")) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(logo.bytes), { headers: { ...headers, "Content-Length": String(logo.bytes.byteLength) } });
}
