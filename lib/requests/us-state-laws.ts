import type { Jurisdiction } from "@/lib/generated/prisma/enums";
import { US_PRIVACY_LAW_STATES } from "@/lib/requests/jurisdiction";
import { JURISDICTION_LABELS } from "@/lib/requests/labels";

// The US state privacy laws by name (issue 13, point 6): an officer reads "Virginia Consumer Data
// Protection Act", not "US state privacy law", and a denied Virginian is told to complain to the
// Virginia Attorney General, with the office's website. Each office's home page, where its
// consumer-protection complaint form is linked; review with US_PRIVACY_LAW_STATES when a law changes.

type StateLaw = { state: string; law: string; website: string };

export const US_STATE_LAWS: Readonly<Record<(typeof US_PRIVACY_LAW_STATES)[number], StateLaw>> = {
  VA: { state: "Virginia", law: "Virginia Consumer Data Protection Act", website: "www.oag.state.va.us" },
  CO: { state: "Colorado", law: "Colorado Privacy Act", website: "coag.gov" },
  CT: { state: "Connecticut", law: "Connecticut Data Privacy Act", website: "portal.ct.gov/ag" },
  UT: { state: "Utah", law: "Utah Consumer Privacy Act", website: "attorneygeneral.utah.gov" },
  TX: { state: "Texas", law: "Texas Data Privacy and Security Act", website: "www.texasattorneygeneral.gov" },
  OR: { state: "Oregon", law: "Oregon Consumer Privacy Act", website: "www.doj.state.or.us" },
  MT: { state: "Montana", law: "Montana Consumer Data Privacy Act", website: "dojmt.gov" },
  IA: { state: "Iowa", law: "Iowa Consumer Data Protection Act", website: "www.iowaattorneygeneral.gov" },
  DE: { state: "Delaware", law: "Delaware Personal Data Privacy Act", website: "attorneygeneral.delaware.gov" },
  NH: { state: "New Hampshire", law: "New Hampshire privacy act (RSA 507-H)", website: "www.doj.nh.gov" },
  NJ: { state: "New Jersey", law: "New Jersey Data Privacy Act", website: "www.njoag.gov" },
  TN: { state: "Tennessee", law: "Tennessee Information Protection Act", website: "www.tn.gov/attorneygeneral" },
  MN: { state: "Minnesota", law: "Minnesota Consumer Data Privacy Act", website: "www.ag.state.mn.us" },
  MD: { state: "Maryland", law: "Maryland Online Data Privacy Act", website: "www.marylandattorneygeneral.gov" },
  IN: { state: "Indiana", law: "Indiana Consumer Data Protection Act", website: "www.in.gov/attorneygeneral" },
  KY: { state: "Kentucky", law: "Kentucky Consumer Data Protection Act", website: "www.ag.ky.gov" },
  RI: { state: "Rhode Island", law: "Rhode Island Data Transparency and Privacy Protection Act", website: "riag.ri.gov" },
  NE: { state: "Nebraska", law: "Nebraska Data Privacy Act", website: "ago.nebraska.gov" },
};

/** The state's law, from a stored region ("VA" or "US-VA"); null outside the table. */
export function stateLaw(region: string | null | undefined): StateLaw | null {
  if (!region) return null;
  const code = region.trim().toUpperCase().replace(/^US-/, "");
  return (US_STATE_LAWS as Record<string, StateLaw>)[code] ?? null;
}

/** The law by its name: a US state's own, else the jurisdiction's label. */
export function lawLabel(jurisdiction: Jurisdiction, region: string | null | undefined): string {
  const state = jurisdiction === "US_STATE" ? stateLaw(region) : null;
  return state ? state.law : JURISDICTION_LABELS[jurisdiction];
}
