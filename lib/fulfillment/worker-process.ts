// The app's job worker in a process of its own, as a production instance runs it (DATABASE_URL,
// lease and polling from the environment), for tests that kill it mid-task:
// `node --import tsx lib/fulfillment/worker-process.ts`.
import { allowServerOnlyImports } from "@/lib/testing/allow-server-only";

allowServerOnlyImports();
const { startJobWorker } = await import("@/lib/jobs/worker");
startJobWorker({ enabled: true });
