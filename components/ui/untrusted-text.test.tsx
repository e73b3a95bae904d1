import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FactList } from "@/components/ui/fact-list";
import { UntrustedText } from "@/components/ui/untrusted-text";

describe("UntrustedText", () => {
  it("isolates the text and shows its bidi controls as markers", () => {
    expect(renderToStaticMarkup(<UntrustedText>{"Ann\u202eevil"}</UntrustedText>)).toBe("<bdi>Ann⟨U+202E⟩evil</bdi>");
  });

  it("is how a fact list shows every value", () => {
    const html = renderToStaticMarkup(<FactList facts={[["Requester", "Ann\u202eevil"]]} />);
    expect(html).toContain("<bdi>Ann⟨U+202E⟩evil</bdi>");
    expect(html).not.toContain("\u202e");
  });
});
