import { expect, test } from "@playwright/test";

// Issue 12, "fit for a real operator": crawlers are kept off private pages, and security reports
// have an address (RFC 9116).

test("robots.txt keeps crawlers off status, confirmation, referral, task and staff pages", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const text = await response.text();
  for (const path of ["/admin", "/requests/status/", "/requests/verify/", "/referrals/", "/tasks/", "/notices/"]) {
    expect(text).toContain(`Disallow: ${path}\n`);
  }
  // The same private pages behind a language prefix ("/de/requests/status/…").
  for (const locale of ["en", "de", "fr", "es", "pt-BR"]) {
    for (const path of ["/requests/status/", "/requests/verify/", "/requests/confirm/", "/referrals/"]) {
      expect(text).toContain(`Disallow: /${locale}${path}\n`);
    }
  }
  expect(text).not.toMatch(/Disallow: \/privacy|Disallow: \/requests\/new|Disallow: \/\n/);
});

test("security.txt names a contact and expires within a year", async ({ request }) => {
  const response = await request.get("/.well-known/security.txt");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain");
  const text = await response.text();
  expect(text).toMatch(/^Contact: mailto:\S+@\S+$/m);
  const expires = new Date(/^Expires: (\S+)$/m.exec(text)![1]!);
  const days = (expires.getTime() - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(30);
  expect(days).toBeLessThan(366);
  expect(text).toMatch(/^Canonical: http:\/\/\S+\/\.well-known\/security\.txt$/m);
});

test("every page names the portal's icon, and it is served as SVG", async ({ page, request }) => {
  await page.goto("/de/privacy");
  const href = await page.locator('head link[rel="icon"]').getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
