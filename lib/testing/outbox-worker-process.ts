// The app's outbox worker in a process of its own, as a production instance runs it (default
// lease, SMTP_URL, DATABASE_URL and WORKER_POLL_MS from the environment), for tests that kill a
// worker mid-send: `node --import tsx lib/testing/outbox-worker-process.ts`.
import { allowServerOnlyImports } from "@/lib/testing/allow-server-only";

allowServerOnlyImports();
const { startOutboxWorker } = await import("@/lib/mail/worker");
startOutboxWorker({ enabled: true });
