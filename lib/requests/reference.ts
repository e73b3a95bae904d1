import { randomInt } from "node:crypto";

// Crockford's base32 without I, L, O, U: easy to read aloud and type from an email.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A public reference such as "DSR-7KQ2-9XMD" (40 random bits). Not a secret: it grants nothing. */
export function newReference(): string {
  let out = "";
  for (let i = 0; i < 8; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return `DSR-${out.slice(0, 4)}-${out.slice(4)}`;
}
