import type { PolicyBlock, PolicySection } from "@/lib/policy/content";

/** The sections with every text (heading, paragraph, item, caption, column heading, cell) passed through `map`. */
export function mapSectionTexts(sections: PolicySection[], map: (text: string) => string): PolicySection[] {
  return sections.map((section) => ({ id: section.id, heading: map(section.heading), blocks: section.blocks.map((block) => mapBlock(block, map)) }));
}

function mapBlock(block: PolicyBlock, map: (text: string) => string): PolicyBlock {
  if (block.kind === "p") return { kind: "p", text: map(block.text) };
  if (block.kind === "ul") return { kind: "ul", items: block.items.map(map) };
  return { kind: "table", caption: map(block.caption), head: block.head.map(map), rows: block.rows.map((row) => row.map(map)) };
}
