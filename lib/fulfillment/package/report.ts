import "server-only";
import type { Db } from "@/lib/db";
import { categoryLabel } from "@/lib/datamap/taxonomy";
import { packageRecords, type PackageCollection, type PackageContents } from "@/lib/fulfillment/package/contents";
import { packageRuleText } from "@/lib/fulfillment/package/filter";
import { cellText, escapeHtml as h } from "@/lib/fulfillment/package/format";
import { REPORT_CSP } from "@/lib/fulfillment/package/report-csp";
import { fileSize } from "@/lib/packages/display";
import type { RunKind } from "@/lib/fulfillment/plan";

// The readable report of a package (index.html): who we are, what we found per system and
// collection with every record, the categories and purposes, the recipients and how long we keep
// it. Written as a stream of HTML pieces, one record row at a time. Everything from the map or the
// records is escaped; the styles are inline and there is no script, so it opens safely from the
// zip on the person's own machine (and under a CSP forbidding scripts in the staff preview).

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;max-width:72rem;margin:2rem auto;padding:0 1rem}
h1,h2,h3{line-height:1.25}h2{margin-top:2.5rem;border-bottom:2px solid #ccc;padding-bottom:.25rem}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem;display:block;overflow-x:auto}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}dt{font-weight:600}dd{margin:0 0 .5rem}.note{color:#444}`;


// Runs that change data never assemble a package; their titles only complete the map.
const KIND_TITLES: Record<RunKind, string> = {
  ACCESS: "Your personal data",
  EXPORT: "Your data, for you to take elsewhere",
  WORKSPACE_EXPORT: "Workspace data export",
  ERASURE: "Your personal data",
  CORRECTION: "Your personal data",
  WORKSPACE_ERASURE: "Workspace data export",
};

function date(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).format(at);
}

function categoriesOf(entry: PackageCollection): string[] {
  return [...new Set(entry.fields.flatMap((f) => f.categories))];
}

/** The retention statement: a sentence of the system's description that speaks of keeping or deleting, else a plain one. */
function retentionOf(description: string | null): string | null {
  const sentence = description?.split(/(?<=[.!?])\s+/).find((s) => /\b(keep|kept|retain|retention|delete|deleted|stored for)\b/i.test(s));
  return sentence ?? null;
}

export async function* reportHtml(db: Db, contents: PackageContents): AsyncGenerator<string> {
  const { org, request, systems, kind } = contents;
  const zone = org.timeZone;
  const title = KIND_TITLES[kind];
  // The policy travels with the file: no script, no request anywhere, whoever opens it.
  yield `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`;
  yield `<meta name="viewport" content="width=device-width,initial-scale=1">`;
  yield `<title>${h(title)} – ${h(org.legalName)}</title><style>${STYLE}</style></head><body><main>`;
  yield `<h1>${h(title)}</h1><p>${h(packageRuleText(kind))}</p>`;
  yield `<dl><dt>Request</dt><dd>${h(request.reference)}, received ${h(date(request.receivedAt, zone))}</dd>`;
  yield `<dt>Prepared</dt><dd>${h(date(contents.generatedAt, zone))}</dd></dl>`;

  // For a workspace export we process the data for the customer, who is its controller.
  yield `<h2>Who we are</h2><dl><dt>${kind === "WORKSPACE_EXPORT" ? "Processor" : "Controller"}</dt><dd>${h(org.legalName)} (${h(org.productName)}, ${h(org.websiteUrl)})</dd>`;
  yield `<dt>Address</dt><dd>${h(org.registeredAddress)}</dd><dt>Privacy contact</dt><dd>${h(org.privacyEmail)}</dd>`;
  if (org.dpoName || org.dpoEmail) yield `<dt>Data protection officer</dt><dd>${h([org.dpoName, org.dpoEmail].filter(Boolean).join(", "))}</dd>`;
  if (org.euRepresentative) yield `<dt>EU representative</dt><dd>${h(org.euRepresentative)}</dd>`;
  if (org.ukRepresentative) yield `<dt>UK representative</dt><dd>${h(org.ukRepresentative)}</dd>`;
  yield `</dl>`;

  yield `<h2>What we found</h2>`;
  if (systems.length === 0) yield `<p>We found no data about you in our systems.</p>`;
  else {
    yield `<table><thead><tr><th scope="col">System</th><th scope="col">Collection</th><th scope="col">Records</th><th scope="col">Files in this package</th></tr></thead><tbody>`;
    for (const s of systems) {
      for (const c of s.collections) yield `<tr><td>${h(s.system.name)}</td><td>${h(c.collection.name)}</td><td>${c.count}</td><td>${h(c.csvPath)}</td></tr>`;
      if (s.files.length) yield `<tr><td>${h(s.system.name)}</td><td>Files</td><td>${s.files.length}</td><td>${s.files.map((f) => h(f.path)).join("<br>")}</td></tr>`;
    }
    yield `</tbody></table><p class="note">The same data is in data.json (one file, machine-readable) and in one CSV file per collection.</p>`;
  }
  const withheld = systems.reduce((n, s) => n + s.collections.reduce((m, c) => m + c.excluded, 0), 0);
  if (withheld) {
    yield `<p>${withheld} record${withheld === 1 ? " was" : "s were"} left out because ${withheld === 1 ? "it holds" : "they hold"} other people's personal data, which we may not disclose (GDPR Art. 15(4)).</p>`;
  }

  if (contents.workspaceContentLeftOut) {
    yield `<h2>Data we hold for our customers</h2><p>Businesses use ${h(org.productName)} for their own customer service. What their workspaces hold about you, such as your conversations with them, is theirs to decide about (we only process it for them), so it is not in this package. Ask the business you were in contact with, or tell ${h(org.privacyEmail)} which one it is and we will pass your request on.</p>`;
  }

  for (const s of systems) {
    yield `<section><h2>${h(s.system.name)}</h2><dl><dt>Why we hold this data</dt><dd>${h(s.system.purpose)}</dd>`;
    if (s.system.thirdParty) yield `<dt>Who runs it</dt><dd>A service provider that processes this data for us (a recipient of your data).</dd>`;
    if (s.system.description) yield `<dt>About this system</dt><dd>${h(s.system.description)}</dd>`;
    yield `</dl>`;
    for (const c of s.collections) {
      yield `<h3>${h(c.collection.name)} (${c.count} record${c.count === 1 ? "" : "s"})</h3>`;
      if (c.collection.description) yield `<p>${h(c.collection.description)}</p>`;
      yield `<p>Kinds of data: ${categoriesOf(c).map((k) => h(categoryLabel(k))).join("; ") || "none"}.</p>`;
      if (c.count === 0) continue;
      yield `<table><thead><tr>${c.fields.map((f) => `<th scope="col">${h(f.name)}</th>`).join("")}</tr></thead><tbody>`;
      for await (const records of packageRecords(db, contents, c)) {
        yield records.map((record) => `<tr>${c.fields.map((f) => `<td>${h(cellText(record[f.name]))}</td>`).join("")}</tr>`).join("");
      }
      yield `</tbody></table>`;
    }
    if (s.ownerNote) yield `<p>From the team that looked: ${h(s.ownerNote)}</p>`;
    if (s.files.length) {
      yield `<p>Files:</p><ul>${s.files.map((f) => `<li>${h(f.path)} (${h(fileSize(f.size))})</li>`).join("")}</ul>`;
    }
    yield `</section>`;
  }

  yield `<h2>Who receives it</h2>`;
  const recipients = systems.filter((s) => s.system.thirdParty);
  yield recipients.length
    ? `<p>These systems are run for us by service providers, who process the data above on our behalf:</p><ul>${recipients.map((s) => `<li>${h(s.system.name)}: ${h(s.system.purpose)}</li>`).join("")}</ul>`
    : `<p>The systems above are run by us; no service provider holds this data for us.</p>`;

  yield `<h2>How long we keep it</h2>`;
  const retention = systems.flatMap((s) => {
    const sentence = retentionOf(s.system.description);
    return sentence ? [`<li>${h(s.system.name)}: ${h(sentence)}</li>`] : [];
  });
  if (retention.length) yield `<ul>${retention.join("")}</ul>`;
  yield `<p>We keep your data only as long as we need it for the purposes above, or as long as the law requires, and then delete it. Ask ${h(org.privacyEmail)} if you want to know more, or to correct or delete any of it.</p>`;
  yield `</main></body></html>\n`;
}
