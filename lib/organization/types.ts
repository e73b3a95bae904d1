/** The operator's details as every page and email shows them. */
export type OrganizationDetails = {
  legalName: string;
  productName: string;
  websiteUrl: string;
  privacyEmail: string;
  supportEmail: string;
  dpoName: string | null;
  dpoEmail: string | null;
  euRepresentative: string | null;
  ukRepresentative: string | null;
  registeredAddress: string;
  /** The company's registration number, when it has one to show. */
  companyNumber: string | null;
  /**
   * IANA time zone whose calendar deadlines count in and dates are shown in ("Europe/Berlin").
   * Emails queued before it existed carry none: their dates read in UTC, as they did then.
   */
  timeZone: string;
};
