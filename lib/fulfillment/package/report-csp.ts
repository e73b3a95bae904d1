// The policy of a package's report (index.html): no scripts, no fetches, no forms. Carried in the
// document itself and sent as the header of the staff preview (proxy.ts sends it for that path in
// place of the app's own policy). Its own module: proxy.ts imports it and nothing else of the package.

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

/** As a header it may also forbid framing (a meta tag cannot). */
export const REPORT_CSP_HEADER = `${REPORT_CSP}; frame-ancestors 'none'`;

/** The staff preview of a run's report: /admin/requests/<id>/run/<runId>/preview. */
export function isReportPreviewPath(pathname: string): boolean {
  return /^\/admin\/requests\/[^/]+\/run\/[^/]+\/preview\/?$/.test(pathname);
}
