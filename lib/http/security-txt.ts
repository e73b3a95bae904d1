// /.well-known/security.txt (RFC 9116): where to report a vulnerability in this portal. Written on
// each request, so its Expires field (required, and at most a year ahead) never goes stale.

const EXPIRES_DAYS = 180;

/** The file's text: Contact (SECURITY_CONTACT, else the privacy team's address), Expires, the policy and where it lives. */
export function securityTxt(input: { contact: string; appUrl: string; now: Date }): string {
  const base = input.appUrl.replace(/\/+$/, "");
  const contact = /^(mailto:|https:\/\/|tel:)/i.test(input.contact) ? input.contact : `mailto:${input.contact}`;
  const expires = new Date(input.now.getTime() + EXPIRES_DAYS * 86_400_000);
  expires.setUTCMilliseconds(0);
  return [
    `Contact: ${contact}`,
    `Expires: ${expires.toISOString().replace(".000Z", "Z")}`,
    "Preferred-Languages: en",
    `Canonical: ${base}/.well-known/security.txt`,
    `Policy: ${base}/privacy`,
    "",
  ].join("\n");
}
