import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** What axe finds against WCAG 2.1 A and AA that is serious or critical, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Next streams a dynamic page's metadata after its body, so right after a navigation the <title>
  // may not be there yet. Wait for it (up to 5 s); a page that truly has none is still reported.
  await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 }).catch(() => {});
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
