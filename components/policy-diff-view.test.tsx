import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DiffView } from "@/components/policy-diff-view";
import { diffPolicyMarkdown } from "@/lib/policy/diff";

describe("DiffView", () => {
  it("names each change in words beside <ins>/<del>, and folds unchanged stretches", () => {
    const from = "## A\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n";
    const html = renderToStaticMarkup(<DiffView diff={diffPolicyMarkdown(from, from.replace("Five.", "Five, changed."))} />);
    expect(html).toContain("1 line added, 1 line removed.");
    expect(html).toMatch(/>− Removed<\/span><del[^>]*>Five\.<\/del>/);
    expect(html).toMatch(/>\+ Added<\/span><ins[^>]*>Five, changed\.<\/ins>/);
    expect(html).toContain("… 8 unchanged lines");
    expect(html).toContain('<ol aria-label="Changed lines"');
  });

  it("says so when the texts are the same", () => {
    expect(renderToStaticMarkup(<DiffView diff={diffPolicyMarkdown("## A\n\nSame.\n", "## A\n\nSame.\n")} />)).toBe("<p>The two versions have the same text.</p>");
  });
});
