// The mail catcher's web pages. Every value in them comes from a received email, which anyone
// who can reach the SMTP port controls, so everything is escaped and the HTML part is shown only
// inside a sandboxed frame that runs no scripts.

export type CaughtMessage = {
  id: string;
  /** Envelope recipients: who the message was actually delivered to. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** ISO time the catcher received it. */
  date: string;
  messageId: string | null;
};

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

// A sentence ending right after a link ("... at https://x.test/a.") keeps its full stop.
function trimUrl(url: string): string {
  return url.replace(/[.,;:!?)\]]+$/, "");
}

/** Plain text as HTML with its http(s) links made clickable. */
export function linkify(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    const start = match.index;
    out += escapeHtml(text.slice(last, start));
    out += `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = start + url.length;
  }
  return out + escapeHtml(text.slice(last));
}

/** Every distinct http(s) link in the text part and in the HTML part's hrefs. */
export function extractLinks(message: Pick<CaughtMessage, "text" | "html">): string[] {
  const links = [...message.text.matchAll(URL_PATTERN)].map((m) => trimUrl(m[0]));
  for (const match of message.html.matchAll(/href\s*=\s*"(https?:\/\/[^"]+)"/gi)) {
    links.push(decodeEntities(match[1] ?? ""));
  }
  return [...new Set(links.filter(Boolean))];
}

function decodeEntities(value: string): string {
  return value
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&#x27;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #111827; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #e5e7eb; padding: .5rem; text-align: left; vertical-align: top; }
  pre { white-space: pre-wrap; word-break: break-word; background: #f9fafb; padding: 1rem; border: 1px solid #e5e7eb; }
  iframe { width: 100%; height: 48rem; border: 1px solid #e5e7eb; }
  dt { font-weight: 600; } dd { margin: 0 0 .5rem; word-break: break-all; }
  form { margin: 1rem 0; display: flex; gap: .5rem; align-items: end; flex-wrap: wrap; }
  label { display: block; font-weight: 600; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body>
</html>`;
}

function formatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

export function inboxPage(messages: CaughtMessage[], info: { smtp: string; filter?: string }): string {
  const rows = messages
    .map(
      (m) => `<tr>
  <td>${escapeHtml(m.to.join(", "))}</td>
  <td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || "(no subject)")}</a></td>
  <td><time datetime="${escapeHtml(m.date)}">${escapeHtml(formatTime(m.date))}</time></td>
</tr>`,
    )
    .join("\n");
  const filter = info.filter ?? "";
  return page(
    "Mail catcher",
    `<main>
<h1>Mail catcher</h1>
<p>Every email sent to SMTP ${escapeHtml(info.smtp)} lands here. Nothing is delivered anywhere else.</p>
<form method="get" action="/" role="search">
  <div><label for="to">Recipient</label><input id="to" name="to" type="search" value="${escapeHtml(filter)}"></div>
  <button type="submit">Filter</button>
  ${filter ? `<a href="/">Show all</a>` : ""}
</form>
<form method="post" action="/clear"><button type="submit">Delete all messages</button></form>
${
  messages.length
    ? `<table>
<caption>${messages.length} message${messages.length === 1 ? "" : "s"}, newest first</caption>
<thead><tr><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Received</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : `<p>No messages${filter ? " for this recipient" : ""} yet.</p>`
}
</main>`,
  );
}

// `<base target="_blank">` makes links in the sandboxed HTML open in a new tab (the sandbox
// allows popups only) instead of inside the small frame.
function frameDocument(html: string): string {
  const base = `<base target="_blank">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + base) : base + html;
}

export function messagePage(message: CaughtMessage): string {
  const links = extractLinks(message);
  return page(
    message.subject || "(no subject)",
    `<main>
<p><a href="/">Back to the inbox</a></p>
<h1>${escapeHtml(message.subject || "(no subject)")}</h1>
<dl>
  <dt>From</dt><dd>${escapeHtml(message.from)}</dd>
  <dt>To</dt><dd>${escapeHtml(message.to.join(", "))}</dd>
  <dt>Received</dt><dd><time datetime="${escapeHtml(message.date)}">${escapeHtml(formatTime(message.date))}</time></dd>
  <dt>Message-ID</dt><dd>${escapeHtml(message.messageId ?? "(none)")}</dd>
</dl>
${
  links.length
    ? `<h2>Links</h2>
<ul>
${links.map((url) => `  <li><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></li>`).join("\n")}
</ul>`
    : ""
}
<h2>Text part</h2>
${message.text ? `<pre>${linkify(message.text)}</pre>` : "<p>This message has no text part.</p>"}
<h2>HTML part</h2>
${
  message.html
    ? `<iframe title="HTML part of the message" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(frameDocument(message.html))}"></iframe>`
    : "<p>This message has no HTML part.</p>"
}
</main>`,
  );
}

export function notFoundPage(): string {
  return page("Not found", `<main><h1>Not found</h1><p><a href="/">Back to the inbox</a></p></main>`);
}
