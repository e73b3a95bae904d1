import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; tests call server modules directly.
  "server-only": path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,emails,components,app,scripts}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.integration.test.{ts,tsx}", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["{lib,emails,app,scripts}/**/*.integration.test.{ts,tsx}"],
          environment: "node",
          // Files share one database and empty its tables in turn.
          fileParallelism: false,
          globalSetup: ["lib/testing/integration-global-setup.ts"],
          setupFiles: ["lib/testing/integration-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
