/** A person's text with its line breaks kept: each line becomes its own line in HTML and text. */
export function LineBreaks({ text }: { text: string }) {
  return text.split(/\r?\n/).map((line, index) => (
    <span key={index}>
      {index > 0 ? <br /> : null}
      {line}
    </span>
  ));
}
