import { revealBidiControls } from "@/lib/text/bidi";

/**
 * Text someone else typed (a requester's name, details or message; a customer's note), where
 * staff or a customer read it. Isolated from what surrounds it (<bdi>), so a right-to-left name
 * stays whole without reordering the sentence it sits in, and with every bidi control shown as a
 * visible marker, so "Ann\u202Eevil" cannot pass for "Annlive".
 */
export function UntrustedText({ children }: { children: string }) {
  return <bdi>{revealBidiControls(children)}</bdi>;
}
