import { expect, type APIRequestContext } from "@playwright/test";

/** Moves the app's clock forward (the test-only /api/testing/clock), never by waiting. */
export async function advanceClock(request: APIRequestContext, ms: number): Promise<void> {
  const response = await request.post("/api/testing/clock", { data: { advanceMs: ms } });
  expect(response.ok()).toBe(true);
}

/** Back to real time: each clock spec's afterAll. */
export async function resetClock(request: APIRequestContext): Promise<void> {
  await request.post("/api/testing/clock", { data: { reset: true } });
}
