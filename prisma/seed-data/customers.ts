// Two business customers, so requests about workspace content have a controller to refer to.

export type CustomerSeed = {
  legalName: string;
  privacyEmails: string[];
  language: string;
  dpaReference: string;
  workspaces: { name: string; slug: string; domains: string[] }[];
};

export const customers: CustomerSeed[] = [
  {
    legalName: "Acme Support Ltd",
    privacyEmails: ["privacy@acme.example"],
    language: "en",
    dpaReference: "DPA-2025-014 (Acme Support Ltd, signed 2025-03-10)",
    workspaces: [{ name: "Acme Help", slug: "acme-help", domains: ["help.acme.example", "acme.example"] }],
  },
  {
    legalName: "Globex Retail GmbH",
    privacyEmails: ["datenschutz@globex.example"],
    language: "de",
    dpaReference: "DPA-2025-027 (Globex Retail GmbH, signed 2025-06-02)",
    workspaces: [{ name: "Globex Kundenservice", slug: "globex", domains: ["globex.example"] }],
  },
];
