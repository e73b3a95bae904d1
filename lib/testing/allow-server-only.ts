import { register } from "node:module";

// `server-only` throws unless it is imported under React's server condition, which only Next sets.
// Scripts outside Next that run server modules (a benchmark, a test's child process) resolve it to
// an empty module instead, as vitest.config.ts does for the tests. Call this before importing any
// server module: static imports are resolved before the caller's code runs, so import those
// modules dynamically after it.
export function allowServerOnlyImports(): void {
  const hook = `export async function resolve(specifier, context, next) {
    return specifier === "server-only" ? { url: "data:text/javascript,export%20%7B%7D", format: "module", shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
