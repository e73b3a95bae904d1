import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from "saxes";

// An uploaded SVG logo, read with a real XML parser and refused, never silently cleaned, when it
// holds anything that could run, load something from elsewhere or hide content: the admin learns
// what is wrong and fixes the file, and what is served is exactly what was checked. The logo is
// shown through <img>, where browsers run no script anyway; these checks are for the file opened
// on its own address, and for whoever reuses it. Pure: no I/O.

const SVG_NS = "http://www.w3.org/2000/svg";
const XHTML_NS = "http://www.w3.org/1999/xhtml";
const EMBEDDING = new Set(["iframe", "embed", "object", "frame", "frameset", "applet"]);
const ANIMATION = new Set(["animate", "set", "animatemotion", "animatetransform", "discard"]);
const RASTER_DATA_URL = /^data:image\/(png|jpeg|gif|webp)[;,]/i;

export type SvgCheck = { ok: true; width: number; height: number } | { ok: false; code: string; message: string };

class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Long values are cut in messages: enough to find them in the file. */
function quote(value: string): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** Browsers drop tabs, newlines and control characters inside a URL's scheme ("java\nscript:"). */
function compact(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
}

function refuseScriptUrl(value: string): void {
  if (/^(javascript|vbscript):/i.test(compact(value))) {
    throw new Refusal("SVG_JAVASCRIPT_URL", "The SVG contains a javascript: URL; upload one without scripts");
  }
}

/** A reference may point inside the file (#id) or embed a raster image; nothing else. */
function checkReference(value: string): void {
  refuseScriptUrl(value);
  const url = compact(value);
  if (url === "" || url.startsWith("#")) return;
  if (/^data:/i.test(url)) {
    if (RASTER_DATA_URL.test(url)) return;
    throw new Refusal("SVG_DATA_URL", `The SVG embeds data that is not a PNG, JPEG, GIF or WebP image (${quote(value)}); upload one without it`);
  }
  throw new Refusal("SVG_EXTERNAL_REFERENCE", `The SVG refers to something outside itself (${quote(value)}); embed everything it needs, or remove the reference`);
}

/** CSS, in a style element or attribute, or a presentation attribute such as fill="url(#g)". */
function checkCss(css: string): void {
  if (/@import/i.test(css)) throw new Refusal("SVG_STYLESHEET_IMPORT", "The SVG imports a stylesheet (@import); put its styles in the file itself");
  // image-set() takes addresses without url(), and an escape (\75 rl) hides one from the check below.
  if (/image-set\(/i.test(css)) throw new Refusal("SVG_EXTERNAL_REFERENCE", "The SVG's styles use image-set(), which loads other files; embed everything it needs");
  for (const match of css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)) checkReference(match[2]!);
}

/** A style element's or attribute's CSS, where an escape could spell url( or @import unseen. */
function checkStyleSheet(css: string): void {
  if (css.includes("\\")) throw new Refusal("SVG_CSS_ESCAPE", "The SVG's styles contain a CSS escape (a backslash); write them out plainly");
  checkCss(css);
}

function checkAttribute(element: string, attribute: SaxesAttributeNS): void {
  const name = attribute.local.toLowerCase();
  if (name.startsWith("on")) {
    throw new Refusal("SVG_EVENT_HANDLER", `The SVG contains an event handler attribute (${attribute.name} on <${element}>); upload one without event handlers`);
  }
  if (name === "href" || name === "src") checkReference(attribute.value);
  if (name === "style") checkStyleSheet(attribute.value);
  if (ANIMATION.has(element.toLowerCase()) && name === "attributename" && /(^|:)href$/i.test(attribute.value.trim())) {
    throw new Refusal("SVG_ANIMATED_LINK", `The SVG animates a link (<${element} attributeName="${quote(attribute.value)}">); upload one without that animation`);
  }
  refuseScriptUrl(attribute.value);
  checkCss(attribute.value);
}

function checkElement(tag: SaxesTagNS): void {
  const local = tag.local.toLowerCase();
  if (local === "script") throw new Refusal("SVG_SCRIPT", "The SVG contains a script element; upload one without scripts");
  if (local === "handler" || local === "listener") throw new Refusal("SVG_SCRIPT", `The SVG contains a <${tag.local}> element, which runs script; upload one without scripts`);
  if (local === "foreignobject") throw new Refusal("SVG_FOREIGN_OBJECT", "The SVG contains a foreignObject element, which can hold a web page; upload one without it");
  if (EMBEDDING.has(local)) throw new Refusal("SVG_EMBEDDED_CONTENT", `The SVG contains an <${tag.local}> element; upload one without embedded content`);
  if (tag.uri === XHTML_NS) throw new Refusal("SVG_HTML", `The SVG contains HTML (a <${tag.local}> element); upload one without it`);
  for (const attribute of Object.values(tag.attributes)) checkAttribute(tag.name, attribute);
}

/** A length in user units or pixels ("120", "120px"); null for %, em and the like. */
function pixels(value: string | undefined): number | null {
  const match = value?.trim().match(/^(\d+(?:\.\d+)?|\.\d+)(px)?$/);
  const n = match ? Number(match[1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** The drawing's size: width and height in pixels, else the viewBox's. */
function sizeOf(root: SaxesTagNS): { width: number; height: number } | null {
  const attr = (name: string) => root.attributes[name]?.value;
  const width = pixels(attr("width"));
  const height = pixels(attr("height"));
  if (width && height) return { width, height };
  const box = attr("viewBox")?.trim().split(/[\s,]+/).map(Number);
  if (box?.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0) return { width: box[2]!, height: box[3]! };
  return null;
}

/** Whole pixels, scaled up first when the drawing is drawn in units smaller than a pixel. */
function wholePixels(size: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(size.width, size.height) < 100 ? 100 / Math.min(size.width, size.height) : 1;
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
}

/** Parses `text` as XML and refuses an SVG with anything active or external in it. */
export function checkSvg(text: string): SvgCheck {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let size: { width: number; height: number } | null = null;
  let root: SaxesTagNS | null = null;
  const open: string[] = [];
  let css = "";
  parser.on("doctype", () => {
    throw new Refusal("SVG_DOCTYPE", "The SVG has a DOCTYPE declaration, which can define entities and load files; remove it (an SVG needs none)");
  });
  parser.on("processinginstruction", (pi) => {
    throw new Refusal("SVG_PROCESSING_INSTRUCTION", `The SVG contains a processing instruction (<?${pi.target}?>); remove it`);
  });
  parser.on("opentag", (tag) => {
    if (!root) {
      root = tag;
      if (tag.local !== "svg") throw new Refusal("NOT_SVG", `The file is XML but not an SVG image (its root is <${tag.name}>); upload a PNG or an SVG`);
      if (tag.uri !== SVG_NS) {
        throw new Refusal("SVG_NAMESPACE", `The SVG's root element lacks xmlns="${SVG_NS}", without which browsers do not show it; add it and upload again`);
      }
      size = sizeOf(tag);
      if (!size) throw new Refusal("SVG_NO_SIZE", "The SVG has no size: give its svg element a viewBox, or a width and height in pixels");
    }
    checkElement(tag);
    if (!tag.isSelfClosing) open.push(tag.local.toLowerCase());
  });
  parser.on("closetag", () => {
    if (open.pop() === "style") {
      checkStyleSheet(css);
      css = "";
    }
  });
  const styleText = (t: string) => {
    if (open.at(-1) === "style") css += t;
  };
  parser.on("text", styleText);
  parser.on("cdata", styleText);
  parser.on("error", (error) => {
    throw new Refusal("SVG_MALFORMED", `The SVG is not well-formed XML (${error.message.replace(/\.$/, "")}); check it in an editor and export it again`);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
  if (!size) return { ok: false, code: "NOT_SVG", message: "The file has no SVG image in it; upload a PNG or an SVG" };
  return { ok: true, ...wholePixels(size) };
}
