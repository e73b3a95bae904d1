// `npm run bench:bundle`: how much JavaScript a browser downloads before /requests/new (in each of
// the five languages: /requests/new, /de/requests/new, …) and /privacy can run, and proof that the
// policy page ships no client component of ours. The form's words come from the server as data, so
// each language should load the same scripts; each is measured, and each must stay under the limit.
//
// Method. We serve the .next-bench build with `next start` and read each page's HTML as a browser
// gets it, rather than adding up build manifests: the HTML is what actually decides what loads,
// root layout, Next's runtime and all. First-load JavaScript is every script under /_next/ the HTML
// makes the browser fetch (<script src> and <link rel="preload" as="script">), plus the chunks the
// inline RSC payload lists for each client reference (hydration loads those before the page is
// interactive; today they are also script tags, the union just makes sure). The `noModule`
// polyfill script is left out: modern browsers skip it. Each chunk is gzipped at level 9, as Next's
// "First Load JS" figure used to be, and the sizes are summed. 1 kB = 1000 bytes.
//
// Ours or Next's. Each client reference in a page's RSC payload carries a module id; the page's
// client reference manifest (.next-bench/server/app/<route>_client-reference-manifest.js) maps
// ids to source files. On /privacy every referenced module must live in node_modules/next/. The
// same detector must find ours (request-form.tsx) on /requests/new, or it is broken and we fail.
// As a second opinion, /privacy must load no script that a bare page (a 404 under the root
// layout only) does not also load.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { LOCALES, localePath } from "@/lib/i18n/locales";
import { buildBench, createBenchDatabase, distPath, root, runMain, sayer, startApp } from "@/bench/harness";

const say = sayer("bundle");
const FORM_PAGE = "/requests/new";
/**
 * The form's address in each language; proxy.ts serves them all from the one route. Each asks for
 * its language in Accept-Language too: under plain `next start` (startApp) the prefix's rewrite
 * reaches the page without the language proxy.ts set, which the project's own server
 * (scripts/serve.ts) keeps; the header makes the page render in it either way.
 */
const FORM_PAGES = LOCALES.map((locale) => ({ address: localePath(locale, FORM_PAGE), locale }));
const POLICY_PAGE = "/privacy";
const FORM_PAGE_LIMIT_BYTES = 180 * 1000;
const NEXT_OWN = "node_modules/next/";

type ClientReference = { moduleId: string; exportName: string; chunks: string[]; source: string | undefined };
type Chunk = { src: string; rawBytes: number; gzipBytes: number };
type PageScripts = { path: string; chunks: Chunk[]; gzipBytes: number; rawBytes: number; references: ClientReference[] };

/** Rows of the React flight payload: `id:json\n`, or `id:T<hex byte length>,<text>` with no newline. */
function flightRows(payload: string): Map<string, string> {
  const bytes = Buffer.from(payload, "utf8");
  const rows = new Map<string, string>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = bytes.toString("utf8", at, colon);
    if (bytes[colon + 1] === 0x54 /* T */) {
      const comma = bytes.indexOf(0x2c, colon + 2);
      const length = Number.parseInt(bytes.toString("utf8", colon + 2, comma), 16);
      rows.set(id, bytes.toString("utf8", comma + 1, comma + 1 + length));
      at = comma + 1 + length;
    } else {
      const newline = bytes.indexOf(0x0a, colon);
      const end = newline < 0 ? bytes.length : newline;
      rows.set(id, bytes.toString("utf8", colon + 1, end));
      at = end + 1;
    }
  }
  return rows;
}

/** The flight data Next inlines into the HTML as `self.__next_f.push([1, "..."])` scripts. */
function inlineFlightPayload(html: string): string {
  let payload = "";
  for (const [, body] of html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
    const code = body!.trim();
    const prefix = "self.__next_f.push(";
    if (!code.startsWith(prefix) || !code.endsWith(")")) continue;
    const [kind, text] = JSON.parse(code.slice(prefix.length, -1)) as [number, string?];
    if (kind === 1 && typeof text === "string") payload += text;
  }
  if (!payload) throw new Error("no inline RSC payload found in the HTML: has Next changed how it streams it?");
  return payload;
}

/** Module id → source file ("app/(public)/requests/new/request-form.tsx"), from the page's manifest. */
function clientModuleSources(route: string): Map<string, string> {
  const appRoutes = JSON.parse(fs.readFileSync(path.join(distPath, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const entry = Object.entries(appRoutes).find(([key, url]) => url === route && key.endsWith("/page"))?.[0];
  if (!entry) throw new Error(`${route} is not an app page in this build`);
  const file = path.join(distPath, "server", "app", `${entry}_client-reference-manifest.js`);
  const sandbox: { __RSC_MANIFEST?: Record<string, { clientModules: Record<string, { id: string | number }> }> } = {};
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file });
  const manifest = sandbox.__RSC_MANIFEST?.[entry];
  if (!manifest) throw new Error(`${file} has no manifest for ${entry}`);
  const sources = new Map<string, string>();
  for (const [key, { id }] of Object.entries(manifest.clientModules)) {
    // Turbopack names modules "[project]/path <modifier>"; webpack uses absolute paths.
    const source = key.replace(/^\[project\]\//, "").replace(/ <.*>$/, "");
    sources.set(String(id), path.isAbsolute(source) ? path.relative(root, source) : source);
  }
  return sources;
}

function clientReferences(html: string, sources: Map<string, string>): ClientReference[] {
  const rows = flightRows(inlineFlightPayload(html));
  const resolve = (value: unknown): string | undefined => {
    if (typeof value !== "string") return undefined;
    if (/^\$[0-9a-f]+$/.test(value)) return resolve(JSON.parse(rows.get(value.slice(1)) ?? "null"));
    return value;
  };
  const references: ClientReference[] = [];
  for (const value of rows.values()) {
    if (!value.startsWith("I[")) continue;
    const [moduleId, chunks, exportName] = JSON.parse(value.slice(1)) as [string | number, unknown[], string];
    references.push({
      moduleId: String(moduleId),
      exportName: resolve(exportName) ?? String(exportName),
      chunks: chunks.map(resolve).filter((c): c is string => typeof c === "string" && c.includes("/_next/")),
      source: sources.get(String(moduleId)),
    });
  }
  return references;
}

function scriptSources(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    if (src?.startsWith("/_next/") && !/\snoModule\b/i.test(tag)) found.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const href = /\shref="([^"]+)"/.exec(tag)?.[1];
    const script = /\srel="modulepreload"/.test(tag) || (/\srel="preload"/.test(tag) && /\sas="script"/.test(tag));
    if (href?.startsWith("/_next/") && script) found.push(href);
  }
  return found;
}

/** `address`: what the browser asks for; `route`: the app route that renders it (without a language prefix). */
async function measurePage(baseUrl: string, address: string, route = address, language?: string): Promise<PageScripts & { html: string }> {
  const response = await fetch(`${baseUrl}${address}`, { headers: language ? { "accept-language": language } : {} });
  if (!response.ok) throw new Error(`GET ${address}: HTTP ${response.status}`);
  const html = await response.text();
  const references = clientReferences(html, clientModuleSources(route));
  const srcs = [...new Set([...scriptSources(html), ...references.flatMap((r) => r.chunks)])].sort();
  const chunks: Chunk[] = [];
  for (const src of srcs) {
    const chunk = await fetch(`${baseUrl}${src}`);
    if (!chunk.ok) throw new Error(`GET ${src}: HTTP ${chunk.status}`);
    const raw = Buffer.from(await chunk.arrayBuffer());
    chunks.push({ src, rawBytes: raw.length, gzipBytes: zlib.gzipSync(raw, { level: 9 }).length });
  }
  const sum = (key: "rawBytes" | "gzipBytes") => chunks.reduce((total, c) => total + c[key], 0);
  return { path: address, chunks, rawBytes: sum("rawBytes"), gzipBytes: sum("gzipBytes"), references, html };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function printPage(page: PageScripts): void {
  say(`${page.path}: first-load JS ${kB(page.gzipBytes)} gzipped (${kB(page.rawBytes)} raw) in ${page.chunks.length} scripts`);
  for (const chunk of page.chunks) say(`    ${chunk.src.padEnd(48)} ${kB(chunk.gzipBytes).padStart(9)} gz ${kB(chunk.rawBytes).padStart(9)} raw`);
  for (const ref of page.references) say(`    client reference ${ref.exportName} ← ${ref.source ?? `unknown module ${ref.moduleId}`}`);
}

async function main(): Promise<number> {
  await buildBench(say);
  const databaseUrl = await createBenchDatabase("dsar_bench_bundle");
  const app = await startApp(databaseUrl);
  const forms = [];
  for (const { address, locale } of FORM_PAGES) forms.push(await measurePage(app.baseUrl, address, FORM_PAGE, locale));
  const form = forms[0]!;
  const policy = await measurePage(app.baseUrl, POLICY_PAGE);
  const bare = await fetch(`${app.baseUrl}/__bench-bare-page-${Date.now()}`);
  if (bare.status !== 404) throw new Error(`the bare page should be a 404, got HTTP ${bare.status}`);
  const bareScripts = new Set(scriptSources(await bare.text()));
  for (const page of forms) printPage(page);
  printPage(policy);

  const failures: string[] = [];
  for (const page of forms) {
    if (page.gzipBytes >= FORM_PAGE_LIMIT_BYTES) {
      failures.push(`${page.path} loads ${kB(page.gzipBytes)} of JavaScript gzipped; the limit is ${kB(FORM_PAGE_LIMIT_BYTES)}`);
    }
    // A language that is served another page (a 404, the English one) would measure nothing of use.
    const locale = FORM_PAGES.find((f) => f.address === page.path)!.locale;
    if (/<html[^>]*\blang="([^"]+)"/.exec(page.html)?.[1] !== locale) {
      failures.push(`${page.path} did not render in its language (<html lang> does not say so)`);
    }
  }
  const ours = (refs: ClientReference[]) => refs.filter((r) => !r.source?.startsWith(NEXT_OWN));
  // The control: if the detector cannot see the form, its silence about the policy page means nothing.
  if (!ours(form.references).some((r) => r.source?.endsWith("request-form.tsx"))) {
    failures.push(`the detector found no client component of ours on ${FORM_PAGE}, so it cannot be trusted on ${POLICY_PAGE}`);
  }
  for (const ref of ours(policy.references)) {
    failures.push(`${POLICY_PAGE} ships a client component that is not Next's: ${ref.exportName} from ${ref.source ?? `unknown module ${ref.moduleId}`}`);
  }
  const extra = policy.chunks.map((c) => c.src).filter((src) => !bareScripts.has(src));
  if (extra.length) failures.push(`${POLICY_PAGE} loads scripts a bare page does not: ${extra.join(", ")}`);

  for (const page of forms) {
    say(`${page.path}: ${kB(page.gzipBytes)} gzipped, limit ${kB(FORM_PAGE_LIMIT_BYTES)} → ${page.gzipBytes < FORM_PAGE_LIMIT_BYTES ? "OK" : "OVER"}`);
  }
  say(`${POLICY_PAGE}: client components of ours: ${ours(policy.references).length}; scripts beyond a bare page's: ${extra.length}`);

  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = path.join(root, "bench", "results", `bundle-${stamp}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const strip = ({ html: _html, ...page }: PageScripts & { html: string }) => page;
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), limitBytes: FORM_PAGE_LIMIT_BYTES, pages: [...forms.map(strip), strip(policy)], failures }, null, 2) + "\n");
  say(`results written to ${path.relative(root, out)}`);

  for (const failure of failures) console.error(`[bundle] FAIL: ${failure}`);
  console.log(failures.length ? `bundle check: ${failures.length} failure(s)` : "bundle check: OK");
  return failures.length ? 1 : 0;
}

await runMain(main);
