import { revealBidiControls } from "@/lib/text/bidi";

/**
 * A person's text with its line breaks kept: each line becomes its own line in HTML and text.
 * Bidi controls show as markers, so what the reader sees is in the order it was typed.
 */
export function LineBreaks({ text }: { text: string }) {
  return revealBidiControls(text)
    .split(/\r?\n/)
    .map((line, index) => (
      <span key={index}>
        {index > 0 ? <br /> : null}
        {line}
      </span>
    ));
}
