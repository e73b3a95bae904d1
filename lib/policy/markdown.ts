import { Lexer, type Token, type Tokens } from "marked";
import { PolicySectionsSchema, type PolicyBlock, type PolicySection } from "@/lib/policy/content";

// The policy as an admin writes it: a small part of Markdown that maps one to one onto the
// sections a published version stores (lib/policy/content.ts), so what the editor shows is what
// the public page shows. marked's lexer reads the Markdown (its GFM tables included); this module
// walks its tokens and refuses, naming the line, anything the page would not show as written.
// Text is plain: it shows exactly as typed, {{placeholders}} and all. Pure, and safe in client
// components (the editor's live preview runs it).
//
//   ## Heading {#slug}          a section; the slug (the #anchor) is optional
//   A paragraph.                lines run together until a blank line
//   - An item                   a bullet list ("*" and "+" work too)
//   Table: Caption              the line just before a table names it
//   | Head | Head |
//   | ---- | ---- |
//   | Cell | Cell |

export type MarkdownProblem = { line: number; message: string };
export type MarkdownResult = { ok: true; sections: PolicySection[] } | { ok: false; problems: MarkdownProblem[] };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HEADING_SLUG = /^(.*?)\s*\{#([^}]*)\}$/;
const CAPTION = /^Table:\s*/;
const MAX_PROBLEMS = 20;

/** "Who we are & why" gives "who-we-are-why": lower case, accents dropped, anything else a dash. */
export function slugify(heading: string): string {
  return heading
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Lines of one block joined as Markdown reads them: a line break inside a paragraph is a space. */
function joinLines(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ");
}

const BLOCK_NAMES: Record<string, string> = {
  code: "Code blocks are",
  blockquote: "Quotes (lines starting with >) are",
  hr: "Horizontal rules (---) are",
  html: "HTML is",
  def: "Link definitions are",
};

const INLINE_NAMES: Record<string, string> = {
  em: "Italic text (*text* or _text_) is",
  strong: "Bold text (**text**) is",
  del: "Struck-through text (~~text~~) is",
  codespan: "Inline code (`text`) is",
  image: "An image is",
  html: "HTML is",
  br: "A forced line break is",
};

type Ctx = { problems: MarkdownProblem[] };

function refuse(ctx: Ctx, line: number, message: string) {
  if (ctx.problems.length < MAX_PROBLEMS) ctx.problems.push({ line, message: `Line ${line}: ${message}` });
}

function linesIn(text: string): number {
  return text.split("\n").length - 1;
}

/**
 * Refuses formatting inside a text: the page shows text as written, so `**bold**` would show its
 * asterisks. Bare web and email addresses are fine (the page links emails itself); a written link
 * is refused, since the page would show its brackets and address.
 */
function checkInline(tokens: Token[] | undefined, line: number, ctx: Ctx) {
  let at = line;
  for (const token of tokens ?? []) {
    if (token.type === "link") {
      const link = token as Tokens.Link;
      if (link.raw !== link.text) refuse(ctx, at, "Links are not supported: write the address itself, as plain text (the page links email addresses).");
    } else if (INLINE_NAMES[token.type]) {
      refuse(ctx, at, `${INLINE_NAMES[token.type]} not supported: the policy shows text exactly as written. Remove “${token.raw.trim()}”.`);
    } else if (token.type !== "text" && token.type !== "escape") {
      refuse(ctx, at, `“${token.raw.trim()}” is not supported: the policy shows plain text.`);
    }
    at += linesIn(token.raw);
  }
}

function headingOf(token: Tokens.Heading, line: number, ctx: Ctx): { id: string; heading: string } | null {
  if (token.depth !== 2 || !token.raw.startsWith("##")) {
    const how = token.raw.startsWith("#") ? `“${"#".repeat(token.depth)}”` : "an underlined heading";
    refuse(ctx, line, `Only “## ” headings are supported, one per section; this is ${how}. Use “## Heading”, or plain text.`);
    return null;
  }
  checkInline(token.tokens, line, ctx);
  const match = HEADING_SLUG.exec(token.text.trim());
  const heading = joinLines(match ? match[1]! : token.text);
  if (!heading) {
    refuse(ctx, line, "This heading has no text.");
    return null;
  }
  if (match) {
    const id = match[2]!.trim();
    if (!SLUG.test(id)) {
      refuse(ctx, line, `“{#${id}}” is not a valid anchor: use lower-case letters, digits and single dashes, such as {#your-rights}.`);
      return null;
    }
    return { id, heading };
  }
  const id = slugify(heading);
  if (!id) {
    refuse(ctx, line, "This heading has no letters or digits to make its anchor from: add one, such as “## Heading {#heading}”.");
    return null;
  }
  return { id, heading };
}

function listOf(token: Tokens.List, line: number, ctx: Ctx): PolicyBlock | null {
  if (token.ordered) {
    refuse(ctx, line, "Numbered lists are not supported: start each item with “- ”.");
    return null;
  }
  const items: string[] = [];
  let at = line;
  for (const item of token.items) {
    if (item.task) refuse(ctx, at, "Checkboxes are not supported: start the item with “- ” and text.");
    const content = item.tokens.filter((t) => t.type !== "space");
    const only = content[0];
    if (content.length !== 1 || !only || (only.type !== "text" && only.type !== "paragraph")) {
      const nested = content.find((t) => t.type === "list");
      refuse(ctx, at, nested ? "Nested lists are not supported: keep every item at the same level." : "A list item holds one piece of text: no second paragraph, code or quote inside it.");
    } else {
      checkInline((only as Tokens.Text | Tokens.Paragraph).tokens, at, ctx);
      items.push(joinLines(only.text));
    }
    at += linesIn(item.raw);
  }
  return { kind: "ul", items };
}

function tableOf(token: Tokens.Table, caption: string | null, line: number, ctx: Ctx): PolicyBlock | null {
  if (caption === null) {
    refuse(ctx, line, "Give this table a caption on the line just before it, such as “Table: How long we keep information”.");
    return null;
  }
  token.header.forEach((cell) => checkInline(cell.tokens, line, ctx));
  token.rows.forEach((row, index) => row.forEach((cell) => checkInline(cell.tokens, line + 2 + index, ctx)));
  const head = token.header.map((cell) => cell.text.trim());
  if (head.some((cell) => !cell)) refuse(ctx, line, "Every column of this table needs a heading.");
  return { kind: "table", caption, head, rows: token.rows.map((row) => row.map((cell) => cell.text.trim())) };
}

/** Reads the policy's Markdown into sections, or says what is wrong, line by line. */
export function parsePolicyMarkdown(markdown: string): MarkdownResult {
  const source = markdown.replace(/\r\n?/g, "\n");
  const ctx: Ctx = { problems: [] };
  const tokens = new Lexer({ gfm: true }).lex(source);
  const sections: PolicySection[] = [];
  const firstLineOf = new Map<string, number>();
  let current: PolicySection | null = null;
  let currentLine = 0;
  let offset = 0;

  const closeSection = () => {
    if (current && current.blocks.length === 0) refuse(ctx, currentLine, `The section “${current.heading}” has no text: add a paragraph, list or table under it, or remove the heading.`);
  };

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const found = source.indexOf(token.raw, offset);
    const start = found === -1 ? offset : found;
    offset = start + token.raw.length;
    // The first line with something on it, not the blank lines a token may start with.
    const line = linesIn(source.slice(0, start + token.raw.length - token.raw.trimStart().length)) + 1;
    if (token.type === "space") continue;

    if (token.type === "heading") {
      const heading = headingOf(token as Tokens.Heading, line, ctx);
      if (!heading) continue;
      closeSection();
      const earlier = firstLineOf.get(heading.id);
      if (earlier !== undefined) {
        refuse(ctx, line, `Another section (line ${earlier}) already has the anchor “${heading.id}”: give this one its own, such as “## ${heading.heading} {#${heading.id}-2}”.`);
      } else {
        firstLineOf.set(heading.id, line);
      }
      current = { id: heading.id, heading: heading.heading, blocks: [] };
      currentLine = line;
      sections.push(current);
      continue;
    }

    if (!current) {
      refuse(ctx, line, "Start with a section heading, such as “## About this policy”: text before the first heading belongs to no section.");
      continue;
    }

    if (token.type === "paragraph") {
      const paragraph = token as Tokens.Paragraph;
      const next = tokens[index + 1];
      if (CAPTION.test(paragraph.text)) {
        if (next?.type !== "table") refuse(ctx, line, "“Table:” names the caption of a table, but no table follows on the next line.");
        continue;
      }
      checkInline(paragraph.tokens, line, ctx);
      current.blocks.push({ kind: "p", text: joinLines(paragraph.text) });
    } else if (token.type === "list") {
      const block = listOf(token as Tokens.List, line, ctx);
      if (block) current.blocks.push(block);
    } else if (token.type === "table") {
      const previous = tokens[index - 1];
      const caption = previous?.type === "paragraph" && CAPTION.test((previous as Tokens.Paragraph).text) ? joinLines((previous as Tokens.Paragraph).text.replace(CAPTION, "")) : null;
      const block = tableOf(token as Tokens.Table, caption || null, line, ctx);
      if (block) current.blocks.push(block);
    } else {
      refuse(ctx, line, `${BLOCK_NAMES[token.type] ?? `“${token.raw.trim().split("\n")[0]}” is`} not supported in the policy: use paragraphs, “- ” lists and tables.`);
    }
  }
  closeSection();
  if (sections.length === 0 && ctx.problems.length === 0) refuse(ctx, 1, "The policy is empty: start with a section heading, such as “## About this policy”, and its text.");
  if (ctx.problems.length) return { ok: false, problems: ctx.problems };

  // The structure's own rules (no empty text, a cell for every column...) as a last check.
  const checked = PolicySectionsSchema.safeParse(sections);
  if (!checked.success) {
    return { ok: false, problems: checked.error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({ line: lineOfSection(issue.path, firstLineOf, sections), message: issue.message })) };
  }
  return { ok: true, sections: checked.data };
}

function lineOfSection(path: readonly PropertyKey[], firstLineOf: Map<string, number>, sections: PolicySection[]): number {
  const section = typeof path[0] === "number" ? sections[path[0]] : undefined;
  return (section && firstLineOf.get(section.id)) ?? 1;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

function blockToMarkdown(block: PolicyBlock): string {
  switch (block.kind) {
    case "p":
      return block.text;
    case "ul":
      return block.items.map((item) => `- ${item}`).join("\n");
    case "table": {
      const row = (cells: string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
      return [`Table: ${block.caption}`, row(block.head), `| ${block.head.map(() => "---").join(" | ")} |`, ...block.rows.map(row)].join("\n");
    }
  }
}

/** The Markdown for published sections: a new draft starts from it. The anchor is written only when the heading would not give it. */
export function sectionsToMarkdown(sections: PolicySection[]): string {
  return sections
    .map((section) => {
      const heading = slugify(section.heading) === section.id ? `## ${section.heading}` : `## ${section.heading} {#${section.id}}`;
      return [heading, ...section.blocks.map(blockToMarkdown)].join("\n\n");
    })
    .join("\n\n")
    .concat("\n");
}
