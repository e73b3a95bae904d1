import { defineConfig, devices } from "@playwright/test";

// Run through `npm test` or `npm run test:e2e`: scripts/test.ts starts the database, a real SMTP
// server and the production build, and passes their addresses in E2E_BASE_URL and E2E_MAIL_API.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json"]],
  projects: [
    { name: "chromium", testIgnore: [/\.clock\.spec\.ts$/, /\.portal\.spec\.ts$/, /(data-map|erasure-run|correction-run)\.spec\.ts$/] },
    // Specs that change what runs search run after those that run requests against it: a run
    // searches every mapped system, so a manual system added meanwhile would wait for an owner no
    // test answers; an erasure deletes rows of the demo product database other specs expect.
    { name: "data-map", testMatch: /(data-map|erasure-run|correction-run)\.spec\.ts$/, dependencies: ["chromium"], fullyParallel: false, workers: 1 },
    // Specs that move the app's clock (lib/clock.ts) run alone, one at a time, after everything
    // else, so no other test sees days pass under it.
    { name: "clock", testMatch: /\.clock\.spec\.ts$/, dependencies: ["data-map"], fullyParallel: false, workers: 1 },
    // Specs that change the whole portal (its look, the request types its form offers, the
    // operator it is set up as) run last, one at a time, and put back what they changed.
    { name: "portal", testMatch: /\.portal\.spec\.ts$/, dependencies: ["clock"], fullyParallel: false, workers: 1 },
  ],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://localhost:3000",
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
});
