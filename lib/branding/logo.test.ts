import { describe, expect, it } from "vitest";
import { checkLogo } from "@/lib/branding/logo";
import { logoDisplaySize } from "@/lib/branding/logo-display";
import { MAX_LOGO_BYTES } from "@/lib/branding/logo-limits";

const text = (s: string) => new TextEncoder().encode(s);
const svg = (inner: string, attrs = 'viewBox="0 0 120 40"') => text(`<svg xmlns="http://www.w3.org/2000/svg" ${attrs}>${inner}</svg>`);

/** A PNG's structure: signature, IHDR with the given size, an empty IDAT, IEND. Not decodable, but read as browsers read its header. */
function png(width: number, height: number, { end = true } = {}): Uint8Array {
  const chunk = (type: string, data: number[]) => {
    const length = [24, 16, 8, 0].map((s) => (data.length >>> s) & 0xff);
    return [...length, ...[...type].map((c) => c.charCodeAt(0)), ...data, 0, 0, 0, 0];
  };
  const u32 = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 0xff);
  const iend = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk("IHDR", [...u32(width), ...u32(height), 8, 6, 0, 0, 0]), ...chunk("IDAT", []), ...(end ? iend : [])]);
}

describe("checkLogo: SVG", () => {
  it("accepts a clean SVG, with its size from the viewBox or from width and height", () => {
    expect(checkLogo(svg('<title>Jexi</title><rect width="120" height="40" fill="url(#g)"/><linearGradient id="g"/><use href="#g"/>'))).toEqual({
      ok: true,
      contentType: "image/svg+xml",
      width: 300,
      height: 100,
    });
    expect(checkLogo(text('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="240px" height="120"><circle r="4"/></svg>'))).toMatchObject({
      ok: true,
      width: 240,
      height: 120,
    });
  });

  it("accepts an embedded raster image and metadata in other namespaces, as editors write them", () => {
    const inkscape = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 200 50" inkscape:version="1.3"><image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="10" height="10"/><style>.a{fill:#123456}</style></svg>`;
    expect(checkLogo(text(inkscape))).toMatchObject({ ok: true, width: 400, height: 100 });
  });

  const refusals: [string, Uint8Array, string][] = [
    ["a script element", svg('<script>alert(1)</script>'), "The SVG contains a script element; upload one without scripts"],
    ["a script in another prefix", svg('<x:script xmlns:x="http://www.w3.org/2000/svg">alert(1)</x:script>'), "The SVG contains a script element; upload one without scripts"],
    ["an event attribute", svg('<rect onclick="alert(1)"/>'), "The SVG contains an event handler attribute (onclick on <rect>); upload one without event handlers"],
    ["onload on the root", text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" onload="alert(1)"/>'), "The SVG contains an event handler attribute (onload on <svg>); upload one without event handlers"],
    ["a javascript: link", svg('<a href="java&#x0A;script:alert(1)"><rect/></a>'), "The SVG contains a javascript: URL; upload one without scripts"],
    ["a javascript: value in an animation", svg('<a><set attributeName="title" to="javascript:alert(1)"/></a>'), "The SVG contains a javascript: URL; upload one without scripts"],
    ["a data: URL that is not an image", svg('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><rect/></a>'), "The SVG embeds data that is not a PNG, JPEG, GIF or WebP image (data:text/html,<script>alert(1)</script>); upload one without it"],
    ["an SVG inside a data: URL", svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'), "The SVG embeds data that is not a PNG, JPEG, GIF or WebP image (data:image/svg+xml;base64,PHN2Zz4=); upload one without it"],
    ["an external xlink:href", svg('<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="https://evil.example/a.svg#x"/>'), "The SVG refers to something outside itself (https://evil.example/a.svg#x); embed everything it needs, or remove the reference"],
    ["a protocol-relative href", svg('<image href="//evil.example/track.png"/>'), "The SVG refers to something outside itself (//evil.example/track.png); embed everything it needs, or remove the reference"],
    ["an external url() in a style", svg('<style>rect { fill: url("https://evil.example/p.svg#p") }</style>'), "The SVG refers to something outside itself (https://evil.example/p.svg#p); embed everything it needs, or remove the reference"],
    ["an @import", svg("<style>@import url(#x);</style>"), "The SVG imports a stylesheet (@import); put its styles in the file itself"],
    ["a CSS escape hiding url(", svg('<rect style="fill: \\75 rl(https://evil.example/x)"/>'), "The SVG's styles contain a CSS escape (a backslash); write them out plainly"],
    ["an image-set()", svg('<style>rect { background: image-set("https://evil.example/x.png" 1x) }</style>'), "The SVG's styles use image-set(), which loads other files; embed everything it needs"],
    ["an SVG Tiny handler", svg('<handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">alert(1)</handler>'), "The SVG contains a <handler> element, which runs script; upload one without scripts"],
    ["a foreignObject", svg("<foreignObject><p>hi</p></foreignObject>"), "The SVG contains a foreignObject element, which can hold a web page; upload one without it"],
    ["an iframe", svg("<iframe/>"), "The SVG contains an <iframe> element; upload one without embedded content"],
    ["an embed", svg("<embed/>"), "The SVG contains an <embed> element; upload one without embedded content"],
    ["an object", svg("<object/>"), "The SVG contains an <object> element; upload one without embedded content"],
    ["HTML", svg('<h:div xmlns:h="http://www.w3.org/1999/xhtml"/>'), "The SVG contains HTML (a <div> element); upload one without it"],
    ["an animated href", svg('<a href="#x"><animate attributeName="href" values="#y"/></a>'), 'The SVG animates a link (<animate attributeName="href">); upload one without that animation'],
    ["an animated xlink:href", svg('<a><set attributeName="xlink:href" to="#y"/></a>'), 'The SVG animates a link (<set attributeName="xlink:href">); upload one without that animation'],
    ["a DOCTYPE with an entity", text('<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">&x;</svg>'), "The SVG has a DOCTYPE declaration, which can define entities and load files; remove it (an SVG needs none)"],
    ["a stylesheet instruction", text('<?xml-stylesheet href="https://evil.example/s.css"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'), "The SVG contains a processing instruction (<?xml-stylesheet?>); remove it"],
    ["no SVG namespace", text('<svg viewBox="0 0 1 1"/>'), 'The SVG\'s root element lacks xmlns="http://www.w3.org/2000/svg", without which browsers do not show it; add it and upload again'],
    ["no size", svg("<rect/>", ""), "The SVG has no size: give its svg element a viewBox, or a width and height in pixels"],
  ];
  it.each(refusals)("refuses %s with its own message", (_, bytes, message) => {
    expect(checkLogo(bytes)).toEqual({ ok: false, code: expect.any(String), message });
  });

  it("refuses XML that is not well formed, saying where", () => {
    const result = checkLogo(svg("<rect>"));
    expect(result).toMatchObject({ ok: false, code: "SVG_MALFORMED" });
    expect(!result.ok && result.message).toMatch(/^The SVG is not well-formed XML \(1:\d+: .+\); check it in an editor and export it again$/);
  });
});

describe("checkLogo: PNG and other files", () => {
  it("reads a PNG's size from its header", () => {
    expect(checkLogo(png(320, 80))).toEqual({ ok: true, contentType: "image/png", width: 320, height: 80 });
  });

  it("refuses a PNG of absurd dimensions, and one cut short", () => {
    expect(checkLogo(png(20000, 50))).toEqual({ ok: false, code: "PNG_DIMENSIONS", message: "The PNG is 20000 × 50 pixels; a logo must be between 1 and 4096 pixels each way. Resize it and upload it again" });
    expect(checkLogo(png(0, 50))).toMatchObject({ ok: false, code: "PNG_DIMENSIONS" });
    expect(checkLogo(png(320, 80, { end: false }))).toMatchObject({ ok: false, code: "PNG_DAMAGED" });
    expect(checkLogo(png(320, 80).subarray(0, 20))).toMatchObject({ ok: false, code: "PNG_DAMAGED" });
  });

  it("tells the type from the bytes, whatever the file is called", () => {
    expect(checkLogo(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toEqual({
      ok: false,
      code: "LOGO_TYPE",
      message: "The file is a JPEG image, not a PNG or an SVG (read from its content, not its name). Upload a PNG or an SVG",
    });
    expect(checkLogo(text("<!DOCTYPE html><html><body>logo</body></html>"))).toEqual({
      ok: false,
      code: "LOGO_TYPE",
      message: "The file is neither a PNG nor an SVG image (read from its content, not its name). Upload a PNG or an SVG",
    });
    expect(checkLogo(text("just some text"))).toMatchObject({ ok: false, code: "LOGO_TYPE" });
    expect(checkLogo(new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0xff, 0xfe]))).toMatchObject({ ok: false, code: "LOGO_TYPE" });
  });

  it("refuses an empty file and one over the limit, whatever it holds", () => {
    expect(checkLogo(new Uint8Array())).toMatchObject({ ok: false, code: "LOGO_EMPTY" });
    const big = svg(`<!-- ${"x".repeat(MAX_LOGO_BYTES)} -->`);
    expect(checkLogo(big)).toEqual({ ok: false, code: "LOGO_TOO_LARGE", message: "The file is 101 KB; a logo can be at most 100 KB. Compress or resize it and upload it again" });
    expect(checkLogo(svg(`<!-- ${"x".repeat(MAX_LOGO_BYTES - 200)} -->`))).toMatchObject({ ok: true });
  });
});

describe("logoDisplaySize", () => {
  it("fits the logo to the header's height, or its width when very wide, keeping its shape", () => {
    expect(logoDisplaySize({ width: 300, height: 100 })).toEqual({ width: 120, height: 40 });
    expect(logoDisplaySize({ width: 1000, height: 100 })).toEqual({ width: 200, height: 20 });
    expect(logoDisplaySize({ width: 50, height: 50 })).toEqual({ width: 40, height: 40 });
    expect(logoDisplaySize({ width: null, height: null })).toEqual({ width: 40, height: 40 });
  });
});
