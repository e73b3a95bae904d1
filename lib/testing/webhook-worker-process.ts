// The app's webhook worker in a process of its own, as a production instance runs it, for the
// test that kills a worker mid-delivery: `node --import tsx lib/testing/webhook-worker-process.ts`.
import { allowServerOnlyImports } from "@/lib/testing/allow-server-only";

allowServerOnlyImports();
const { startWebhookWorker } = await import("@/lib/webhooks/deliver");
startWebhookWorker({ enabled: true });
