// Bidirectional controls (embeddings, overrides, isolates and the directional marks) are
// invisible, yet they reorder the text around them: "Ann\u202Eevil" reads "Annlive". Wherever staff
// or customers read what a requester typed, each one is shown as a visible marker instead, so the
// text reads in the order it was typed and nobody is misled about what it says.

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** "Ann\u202Eevil" → "Ann⟨U+202E⟩evil". Text without bidi controls comes back unchanged. */
export function revealBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`);
}
