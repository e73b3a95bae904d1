import "server-only";
import { createHash } from "node:crypto";
import { getEnv } from "@/lib/env";
import { decryptBytes, encryptBytes } from "@/lib/security/encryption";

// How every data package is stored, whoever it is for: the requester's answer to an access or
// export request (lib/requests/handling/complete.ts) or a workspace export for the customer of a
// referral (lib/referrals/export.ts). Packages are sealed with their own key purpose;
// DATA_PACKAGE_KEY defaults to one derived from APP_SECRET (lib/env.ts), so rotating the app
// secret without setting it loses stored packages.
const PURPOSE = "data-package";
const DAY_MS = 86_400_000;

export type DataPackageInput = { filename: string; contentType: string; bytes: Uint8Array };

export type SealedPackage = {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  ciphertext: Uint8Array<ArrayBuffer>;
  expiresAt: Date;
};

/** When a download link made at `from` stops working: `linkDays` later (lib/organization/handling.ts's packageLinkDays). */
export function packageLinkExpiry(from: Date, linkDays: number): Date {
  return new Date(from.getTime() + linkDays * DAY_MS);
}

/** A package row's content: the file encrypted, its name and type made safe to serve, its link window from `now`. */
export function sealPackage(input: DataPackageInput, now: Date, linkDays: number): SealedPackage {
  return {
    filename: safeFilename(input.filename),
    contentType: safeContentType(input.contentType),
    size: input.bytes.byteLength,
    sha256: createHash("sha256").update(input.bytes).digest("hex"),
    ciphertext: encryptBytes(getEnv().DATA_PACKAGE_KEY, PURPOSE, input.bytes),
    expiresAt: packageLinkExpiry(now, linkDays),
  };
}

/** The file a sealed package holds; throws if a byte was changed or the key differs. */
export function openSealedPackage(ciphertext: Uint8Array): Uint8Array<ArrayBuffer> {
  return decryptBytes(getEnv().DATA_PACKAGE_KEY, PURPOSE, ciphertext);
}

/** A name safe to offer as a download: no path, no control characters or quotes, at most 200 characters. */
function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "_").trim().slice(0, 200);
  return cleaned && cleaned !== "." && cleaned !== ".." ? cleaned : "data-package";
}

function safeContentType(value: string): string {
  const type = value.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(type) && type.length <= 100 ? type : "application/octet-stream";
}
