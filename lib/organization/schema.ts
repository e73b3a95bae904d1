import { z } from "zod";
import { canonicalTimeZone } from "@/lib/dates/time-zone";
import { noControlCharacters } from "@/lib/text/control-characters";
import { emailAddress, optionalEmailAddress } from "@/lib/text/email-address";

// The operator's details as an admin edits them (Settings → Organisation): the form checks them in
// the browser, the server again. No server-only imports.

const text = (max: number, empty: string, multiLine = false) =>
  z.string({ error: empty }).trim().min(1, empty).max(max, `Keep this under ${max} characters`).check(noControlCharacters(multiLine));
const optionalText = (max: number, multiLine = false) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .check(noControlCharacters(multiLine))
    .nullish()
    .transform((v) => (v ? v : null));

export const OrganizationSchema = z.object({
  legalName: text(200, "Enter the company's legal name"),
  productName: text(100, "Enter the product's name, as people know it"),
  websiteUrl: z
    .string({ error: "Enter the website's address" })
    .trim()
    .refine((v) => URL.canParse(v) && new URL(v).protocol === "https:", "Enter the website's address, starting with https://"),
  privacyEmail: emailAddress({ empty: "Enter the address privacy questions go to", format: "Enter an email address in the format privacy@example.com" }),
  supportEmail: emailAddress({ empty: "Enter the support address", format: "Enter an email address in the format support@example.com" }),
  dpoName: optionalText(200),
  // Null (as saved) reads as empty, so saved values parse again.
  dpoEmail: z.preprocess((v) => v ?? undefined, z.pipe(optionalEmailAddress("Enter an email address in the format dpo@example.com"), z.transform((v) => v ?? null))),
  euRepresentative: optionalText(500, true),
  ukRepresentative: optionalText(500, true),
  registeredAddress: text(500, "Enter the registered address", true),
  companyNumber: optionalText(50),
  timeZone: z
    .string({ error: "Choose the time zone deadlines count in" })
    .trim()
    .transform((zone, ctx) => {
      const canonical = canonicalTimeZone(zone);
      if (!canonical) {
        ctx.addIssue({ code: "custom", message: "Enter a time zone such as Europe/Berlin or America/New_York" });
        return z.NEVER;
      }
      return canonical;
    }),
});
export type OrganizationInput = z.input<typeof OrganizationSchema>;
export type OrganizationValues = z.output<typeof OrganizationSchema>;

/** The fields in the order the form shows them, with their labels: the change history words changes with these. */
export const ORGANIZATION_LABELS: Record<keyof OrganizationValues, string> = {
  legalName: "Legal name",
  productName: "Product name",
  websiteUrl: "Website",
  privacyEmail: "Privacy email",
  supportEmail: "Support email",
  dpoName: "Data protection officer",
  dpoEmail: "DPO's email",
  euRepresentative: "EU representative",
  ukRepresentative: "UK representative",
  registeredAddress: "Registered address",
  companyNumber: "Company number",
  timeZone: "Time zone",
};
