// Starts the in-process background jobs (email delivery, housekeeping) when the Node server boots.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startBackgroundJobs } = await import("@/lib/jobs/start");
  startBackgroundJobs();
}
