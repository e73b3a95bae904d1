import { DATA_CATEGORIES, type DataCategory } from "@/lib/datamap/taxonomy-categories";
import { DATA_USES, type DataUse } from "@/lib/datamap/taxonomy-uses";
import type { IdentityType } from "@/lib/datamap/types";

// The one taxonomy the map is described with, fideslang's, so that a Fides dataset can be brought
// over as it is: data categories for fields (user.contact.email), data uses for systems
// (marketing.communications.email).

export const TAXONOMY_CREDIT = "fideslang taxonomy by Ethyca, CC BY 4.0";
export { DATA_CATEGORIES, DATA_USES, type DataCategory, type DataUse };

const BY_KEY = new Map(DATA_CATEGORIES.map((c) => [c.key, c]));

export function isCategory(key: string): boolean {
  return BY_KEY.has(key);
}

/** "User Contact Email (user.contact.email)"; an unknown key is shown as it is. */
export function categoryLabel(key: string): string {
  const category = BY_KEY.get(key);
  return category ? `${category.name} (${key})` : key;
}

const USES_BY_KEY = new Map(DATA_USES.map((u) => [u.key, u]));

/** A system's uses of personal data are fideslang data uses (marketing.communications.email). */
export function isDataUse(key: string): boolean {
  return USES_BY_KEY.has(key);
}

/** "Marketing Email Communications"; an unknown key is shown as it is. */
export function dataUseName(key: string): string {
  return USES_BY_KEY.get(key)?.name ?? key;
}

/** "Marketing Email Communications (marketing.communications.email)"; an unknown key is shown as it is. */
export function dataUseLabel(key: string): string {
  return isDataUse(key) ? `${dataUseName(key)} (${key})` : key;
}

/** Whether choosing `chosen` concerns a system's `use`: the same key, or one below it ("marketing" covers "marketing.communications.email"). */
export function useCovers(chosen: string, use: string): boolean {
  return use === chosen || use.startsWith(`${chosen}.`);
}

/** Data about a person: the user.* branch. system.* is the system's own operational data. */
export function isPersonal(key: string): boolean {
  return key === "user" || key.startsWith("user.");
}

type Guess = { pattern: RegExp; categories: string[]; identity?: IdentityType };

// Checked in order against the column name in lower case, words split on _ - . and camelCase.
const GUESSES: Guess[] = [
  { pattern: /(^|_)e_?mail(_address)?$|^email/, categories: ["user.contact.email"], identity: "email" },
  { pattern: /(^|_)(phone|mobile|telephone|tel)(_number|_no)?$/, categories: ["user.contact.phone_number"], identity: "phone_number" },
  { pattern: /(^|_)fax(_number)?$/, categories: ["user.contact.fax_number"] },
  { pattern: /(^|_)(first_name|given_name|firstname|forename)$/, categories: ["user.name.first"] },
  { pattern: /(^|_)(last_name|family_name|lastname|surname)$/, categories: ["user.name.last"] },
  { pattern: /(^|_)(full_name|display_name|name)$/, categories: ["user.name"] },
  { pattern: /(^|_)(username|user_name|login|handle)$/, categories: ["user.account.username"] },
  { pattern: /(^|_)(password|password_hash|passwd)$/, categories: ["user.authorization.password"] },
  { pattern: /(^|_)(token|api_key|secret)$/, categories: ["user.authorization.credentials"] },
  { pattern: /(^|_)(ip|ip_address|last_ip)$/, categories: ["user.device.ip_address"] },
  { pattern: /(^|_)(street|address_line\d?|address)$/, categories: ["user.contact.address.street"] },
  { pattern: /(^|_)city$/, categories: ["user.contact.address.city"] },
  { pattern: /(^|_)(zip|zip_code|postal_code|postcode)$/, categories: ["user.contact.address.postal_code"] },
  { pattern: /(^|_)(state|region|province)$/, categories: ["user.contact.address.state"] },
  { pattern: /(^|_)(country|country_code)$/, categories: ["user.contact.address.country"] },
  { pattern: /(^|_)(birth_date|date_of_birth|dob|birthday)$/, categories: ["user.demographic.date_of_birth"] },
  { pattern: /(^|_)gender$/, categories: ["user.demographic.gender"] },
  { pattern: /(^|_)(language|locale)$/, categories: ["user.demographic.language"] },
  { pattern: /(^|_)(device_id)$/, categories: ["user.device.device_id"] },
  { pattern: /(^|_)(iban|bank_account|account_number)$/, categories: ["user.financial.bank_account"] },
  { pattern: /(^|_)(card_number|credit_card|card_last4|last4)$/, categories: ["user.financial.credit_card"] },
  { pattern: /(^|_)(body|message|content|text|comment|subject|note|notes)$/, categories: ["user.content.private"] },
  { pattern: /(^|_)(avatar|photo|picture|profile_image)(_url)?$/, categories: ["user.content.self_image"] },
  { pattern: /(^|_)(website|url|homepage)$/, categories: ["user.contact.url"] },
  { pattern: /(^|_)(job_title|title_at_work|position)$/, categories: ["user.job_title"] },
  { pattern: /(^|_)(company|employer|organization|organisation)$/, categories: ["user.workplace"] },
  { pattern: /(^|_)(created|updated|deleted|modified)(_at|_on|_date)?$|(^|_)(version|status)$/, categories: ["system.operations"] },
  { pattern: /^(user_id|account_id|customer_id|member_id|requester_id|uuid|external_id)$/, categories: ["user.unique_id"] },
];

function words(columnName: string): string {
  return columnName
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[-.\s]+/g, "_");
}

/**
 * Categories guessed from a column's name alone (email → user.contact.email): shown to the admin
 * as suggestions in Discover, never saved without their click. Empty when nothing fits.
 */
export function suggestCategories(columnName: string): string[] {
  const name = words(columnName);
  return GUESSES.find((g) => g.pattern.test(name))?.categories ?? [];
}

/** The identity a column probably holds (email, phone_number), a suggestion as above. */
export function suggestIdentity(columnName: string): IdentityType | null {
  const name = words(columnName);
  return GUESSES.find((g) => g.pattern.test(name))?.identity ?? null;
}
