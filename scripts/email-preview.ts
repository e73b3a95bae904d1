// `npm run email:dev`: every email template rendered with its preview props, HTML and text side
// by side, at http://localhost:3001 (PORT overrides). Templates are rendered on each request, so
// a reload shows an edit once tsx has picked it up (run with `tsx watch` for that). `?lang=de`
// (fr, es, pt-BR) shows the emails to requesters and customers in that language.
import http from "node:http";
import type { EmailTemplateName } from "@/lib/mail/templates";
import { allowServerOnlyImports } from "@/lib/testing/allow-server-only";
import { escapeHtml } from "@/scripts/mail-catcher-pages";

// The templates read their words through lib/i18n, which is server-only.
allowServerOnlyImports();
const { renderEmail } = await import("@/lib/mail/render");
const { EMAIL_AUDIENCES, EMAIL_TEMPLATE_NAMES, EMAIL_TEMPLATES, isEmailTemplateName } = await import("@/lib/mail/templates");
const { isLocale, LOCALES } = await import("@/lib/i18n/locales");

const port = Number(process.env.PORT ?? 3001);

let language = "en";

/** The template's preview props, in the language asked for where its reader has one. */
function previewProps(name: EmailTemplateName) {
  const props = (EMAIL_TEMPLATES[name].component as unknown as { PreviewProps: object }).PreviewProps;
  const audience = EMAIL_AUDIENCES[name];
  return (audience === "requester" || audience === "customer" ? { ...props, language } : props) as never;
}

async function indexPage(): Promise<string> {
  const items = await Promise.all(
    EMAIL_TEMPLATE_NAMES.map(async (name) => {
      const { subject } = await renderEmail(name, previewProps(name));
      return `<li><a href="/${name}?lang=${language}">${escapeHtml(name)}</a>: ${escapeHtml(subject)}
  (<a href="/${name}.html?lang=${language}">HTML</a>, <a href="/${name}.txt?lang=${language}">text</a>)</li>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Email templates</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}</style></head>
<body><main><h1>Email templates</h1><p>${LOCALES.map((l) => `<a href="/?lang=${l}">${l}</a>`).join(" · ")}</p><ul>${items.join("\n")}</ul></main></body></html>`;
}

async function templatePage(name: EmailTemplateName): Promise<string> {
  const email = await renderEmail(name, previewProps(name));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(name)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem}.panes{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
iframe{width:100%;height:85vh;border:1px solid #ddd}pre{white-space:pre-wrap;border:1px solid #ddd;padding:1rem;margin:0;height:85vh;overflow:auto}</style></head>
<body><p><a href="/?lang=${language}">All templates</a></p><h1>${escapeHtml(name)}</h1><p>Subject: ${escapeHtml(email.subject)}</p>
<div class="panes"><iframe title="HTML" src="/${name}.html?lang=${language}"></iframe><pre>${escapeHtml(email.text)}</pre></div></body></html>`;
}

const server = http.createServer((req, res) => {
  const address = new URL(req.url ?? "/", "http://preview.invalid");
  const path = address.pathname;
  const asked = address.searchParams.get("lang");
  language = asked && isLocale(asked) ? asked : "en";
  const match = /^\/([a-z0-9-]+?)(\.html|\.txt)?$/.exec(path);
  const name = match?.[1];
  const respond = async (): Promise<[number, string, string]> => {
    if (path === "/") return [200, "text/html", await indexPage()];
    if (!name || !isEmailTemplateName(name)) return [404, "text/plain", "No such template"];
    if (match?.[2] === ".html") return [200, "text/html", (await renderEmail(name, previewProps(name))).html];
    if (match?.[2] === ".txt") return [200, "text/plain", (await renderEmail(name, previewProps(name))).text];
    return [200, "text/html", await templatePage(name)];
  };
  respond().then(
    ([status, type, body]) => res.writeHead(status, { "content-type": `${type}; charset=utf-8` }).end(body),
    (error: unknown) => {
      console.error(error);
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(String(error));
    },
  );
});

server.listen(port, () => console.log(`[email-preview] templates on http://localhost:${port}`));
