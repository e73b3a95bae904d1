import "server-only";
import type { Db } from "@/lib/db";

// Global Privacy Control (https://privacycg.github.io/gpc-spec/): a browser with the setting on
// sends `Sec-GPC: 1` with every request. Under the CCPA (11 CCR §7025) that is a valid request to
// opt out of the sale and sharing of personal information for that browser, and for the consumer
// when the business knows who they are. The portal honours it without asking for anything:
// - every public page says it was detected and honoured (components/gpc-notice.tsx);
// - an opt-out sent from such a browser is stored with `gpc_signal` set, so the record shows the
//   signal and the form agreed (lib/requests/submit.ts);
// - the pages served to signalling browsers are counted per UTC day, with nothing else about the
//   visit kept: no address, no cookie, no browser details (`gpc_signal_days`).

/** Whether the request carries the signal. The spec's only valid value is "1". */
export function sendsGpc(headers: Pick<Headers, "get">): boolean {
  return headers.get("sec-gpc")?.trim() === "1";
}

/** Counts one public page served, with the signal honoured, on the UTC day of `at`. */
export async function countGpcPage(db: Db, at: Date): Promise<void> {
  const day = at.toISOString().slice(0, 10);
  await db.$executeRaw`
    INSERT INTO gpc_signal_days (day, pages) VALUES (${day}::date, 1)
    ON CONFLICT (day) DO UPDATE SET pages = gpc_signal_days.pages + 1`;
}

/** Paths whose pages count: the public ones. Staff pages and the customers' and owners' link pages are work, not visits. */
export function countsAsPublicPage(pathname: string): boolean {
  return !/^\/(admin|referrals|tasks|notices)(\/|$)/.test(pathname);
}

export type GpcFigures = {
  /** Opt-outs of sale or sharing received in the period with the signal on. */
  optOutRequests: number;
  /** Public pages served to browsers that sent the signal, in the period's UTC days. */
  pages: number;
};

/** The year's Global Privacy Control figures: requests by received_at in the operator's time zone, pages by UTC day. */
export async function gpcFigures(db: Db, input: { year: number; timeZone: string }): Promise<GpcFigures> {
  const [row] = await db.$queryRaw<{ requests: bigint; pages: bigint | null }[]>`
    SELECT (SELECT count(*) FROM requests
             WHERE gpc_signal
               AND received_at >= (make_date(${input.year}::int, 1, 1)::timestamp AT TIME ZONE ${input.timeZone}) AT TIME ZONE 'UTC'
               AND received_at < (make_date(${input.year + 1}::int, 1, 1)::timestamp AT TIME ZONE ${input.timeZone}) AT TIME ZONE 'UTC') AS requests,
           (SELECT sum(pages) FROM gpc_signal_days
             WHERE day >= make_date(${input.year}::int, 1, 1) AND day < make_date(${input.year + 1}::int, 1, 1)) AS pages`;
  return { optOutRequests: Number(row?.requests ?? 0), pages: Number(row?.pages ?? 0) };
}
