// The one clock for scheduled work (referral reminders and escalation, follow-up times shown to
// staff). Tests move it forward instead of waiting: unit and integration tests call
// advanceClock() in-process; end-to-end tests use the test-only route app/api/testing/clock,
// which exists only when TEST_CLOCK_ENABLED=true. Held on globalThis because Next may load this
// module more than once in one process.

type ClockState = { offsetMs: number };
const globalForClock = globalThis as unknown as { dsarClock?: ClockState };
const state: ClockState = (globalForClock.dsarClock ??= { offsetMs: 0 });

export function now(): Date {
  return new Date(Date.now() + state.offsetMs);
}

/** Moves the clock forward (or back, with a negative amount) and returns the new time. */
export function advanceClock(ms: number): Date {
  state.offsetMs += ms;
  return now();
}

/** Back to real time. */
export function resetClock(): void {
  state.offsetMs = 0;
}

export function clockOffsetMs(): number {
  return state.offsetMs;
}
