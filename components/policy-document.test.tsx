import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PolicyDocument } from "@/components/policy-document";
import type { OrganizationDetails } from "@/lib/organization/types";
import type { Policy } from "@/lib/policy/content";

const org: OrganizationDetails = {
  legalName: "Example Ltd",
  productName: "Helper",
  websiteUrl: "https://helper.example",
  privacyEmail: "privacy@helper.example",
  supportEmail: "support@helper.example",
  dpoName: null,
  dpoEmail: null,
  euRepresentative: null,
  ukRepresentative: null,
  registeredAddress: "1 Test Road, Testville",
  companyNumber: null,
  timeZone: "UTC",
};

const policy: Policy = {
  id: "00000000-0000-0000-0000-000000000000",
  version: "2026-05-21",
  title: "{{productName}} Privacy Policy",
  summary: "How {{legalName}} handles your data.",
  changeSummary: null,
  effectiveAt: new Date("2026-05-21T00:00:00.000Z"),
  updatedAt: new Date("2026-06-02T00:00:00.000Z"),
  status: "current",
  language: "en",
  sections: [
    { id: "who-we-are", heading: "Who we are", blocks: [{ kind: "p", text: "Write to {{privacyEmail}}." }] },
    {
      id: "retention",
      heading: "Retention",
      blocks: [{ kind: "table", caption: "Periods", head: ["Data", "Period"], rows: [["Logs", "12 months"]] }],
    },
    { id: "your-rights", heading: "Your rights", blocks: [{ kind: "ul", items: ["Access", "Deletion"] }] },
  ],
};

function render(p: Policy): string {
  return renderToStaticMarkup(<PolicyDocument policy={p} org={org} />);
}

describe("PolicyDocument", () => {
  it("fills the organization's details into title, summary and text", () => {
    const html = render(policy);
    expect(html).toContain("<h1");
    expect(html).toContain("Helper Privacy Policy</h1>");
    expect(html).toContain("How Example Ltd handles your data.");
    // Addresses are links a reader can press (issue 11, point 7); the full stop stays text.
    expect(html).toContain('Write to <a href="mailto:privacy@helper.example">privacy@helper.example</a>.');
    expect(html).not.toContain("{{");
  });

  it("shows both dates as machine-readable calendar dates", () => {
    const html = render(policy);
    expect(html).toContain('Effective <time dateTime="2026-05-21">May 21, 2026</time>');
    expect(html).toContain('Last updated <time dateTime="2026-06-02">June 2, 2026</time>');
  });

  it("links each contents entry to a section heading with that id", () => {
    const html = render(policy);
    expect(html).toMatch(/<nav aria-labelledby="policy-contents"[^>]*><h2 id="policy-contents"/);
    for (const id of ["who-we-are", "retention", "your-rights"]) {
      expect(html).toContain(`<a href="#${id}">`);
      expect(html).toMatch(new RegExp(`<h2 id="${id}"`));
    }
  });

  it("gives table headers a scope for screen readers", () => {
    const html = render(policy);
    expect(html).toMatch(/<th scope="col"[^>]*>Data<\/th>/);
    expect(html).toMatch(/<th scope="row"[^>]*>Logs<\/th>/);
    expect(html).toMatch(/<td[^>]*>12 months<\/td>/);
  });

  it("offers the request form in the rights section of the current policy only", () => {
    const link = /<a href="\/requests\/new"[^>]*>Make a privacy request<\/a>/;
    const current = render(policy);
    expect(current).toMatch(link);
    expect(current.indexOf("/requests/new")).toBeGreaterThan(current.indexOf('<h2 id="your-rights"'));
    expect(render({ ...policy, status: "earlier" })).not.toMatch(link);
  });

  it("renders policy text as text, never as markup", () => {
    const html = render({
      ...policy,
      sections: [{ id: "x", heading: "X", blocks: [{ kind: "p", text: "<script>alert(1)</script>" }] }],
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("links every email address in lists and tables, and leaves other text alone", () => {
    const html = render({
      ...policy,
      sections: [
        { id: "contact", heading: "Contact us", blocks: [{ kind: "ul", items: ["Our DPO: dpo@helper.example or privacy@helper.example", "By post: 1 Main St"] }] },
        { id: "retention", heading: "Retention", blocks: [{ kind: "table", caption: "Who", head: ["Role", "Contact"], rows: [["Representative", "eu-rep@helper.example"]] }] },
      ],
    });
    expect(html).toContain('Our DPO: <a href="mailto:dpo@helper.example">dpo@helper.example</a> or <a href="mailto:privacy@helper.example">privacy@helper.example</a>');
    expect(html).toContain('<td class="py-2 pr-4"><a href="mailto:eu-rep@helper.example">eu-rep@helper.example</a></td>');
    expect(html).toContain("<li>By post: 1 Main St</li>");
  });

  it("marks the policy's language and keeps the page's words and dates in the reader's", () => {
    const words = {
      effective: "Gültig ab",
      lastUpdated: "Zuletzt aktualisiert",
      contents: "Inhalt",
      makeRequest: "Datenschutzanfrage stellen",
      recipients: "Wer Daten erhält",
      whatChanged: "Was sich geändert hat",
      requestHref: "/de/requests/new",
    };
    // An English text on a German page: the article is English, the page's own words German.
    const html = renderToStaticMarkup(<PolicyDocument policy={policy} org={org} words={words} locale="de" />);
    expect(html).toMatch(/^<article class="max-w-3xl" lang="en">/);
    expect(html).toContain('<p class="text-sm text-slate-700" lang="de"><span>Gültig ab <time dateTime="2026-05-21">21. Mai 2026</time></span>');
    expect(html).toMatch(/<h2 id="policy-contents"[^>]*lang="de">Inhalt<\/h2>/);
    expect(html).toMatch(/<p class="pt-2" lang="de"><a href="\/de\/requests\/new"[^>]*>Datenschutzanfrage stellen<\/a>/);
    // In its own language, nothing inside is marked apart.
    const own = renderToStaticMarkup(<PolicyDocument policy={{ ...policy, language: "de" }} org={org} words={words} locale="de" />);
    expect(own).toMatch(/^<article class="max-w-3xl" lang="de">/);
    expect(own).not.toContain('lang="en"');
    expect(own.match(/lang=/g)).toHaveLength(1);
  });

  it("writes an unset detail in the policy's language", () => {
    const html = renderToStaticMarkup(
      <PolicyDocument
        policy={{ ...policy, language: "de", sections: [{ id: "dpo", heading: "DSB", blocks: [{ kind: "p", text: "Datenschutzbeauftragter: {{dpoName}}." }] }] }}
        org={org}
        unset={{ notAppointed: "nicht benannt", notRegistered: "nicht eingetragen" }}
      />,
    );
    expect(html).toContain("Datenschutzbeauftragter: nicht benannt.");
  });
});
