import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PolicyDocument } from "@/components/policy-document";
import type { Policy } from "@/lib/policy/content";
import { organization as org } from "@/prisma/seed-data/organization";

const policy: Policy = {
  id: "00000000-0000-0000-0000-000000000001",
  version: "2026-12-01",
  title: "Privacy Policy",
  summary: "How we handle data.",
  changeSummary: null,
  effectiveAt: new Date("2026-12-01T00:00:00Z"),
  updatedAt: new Date("2026-11-29T00:00:00Z"),
  status: "upcoming",
  language: "en",
  sections: [{ id: "contact", heading: "Contact", blocks: [{ kind: "p", text: "Write to {{privacyEmail}}." }] }],
};

describe("the change summary at the top of a version", () => {
  it("shows under its own heading, before the contents, as text with its placeholders filled", () => {
    const html = renderToStaticMarkup(<PolicyDocument policy={{ ...policy, changeSummary: "New: {{productName}} <b>AI</b> section.\n\nSecond point." }} org={org} />);
    expect(html).toContain('<h2 id="policy-change-summary" class="font-semibold">What changed in this version</h2>');
    expect(html).toContain("New: " + org.productName + " &lt;b&gt;AI&lt;/b&gt; section.</p>");
    expect(html).toContain("Second point.</p>");
    expect(html.indexOf("What changed in this version")).toBeLessThan(html.indexOf("Contents"));
  });

  it("is absent when the version has none", () => {
    expect(renderToStaticMarkup(<PolicyDocument policy={policy} org={org} />)).not.toContain("What changed");
  });
});
