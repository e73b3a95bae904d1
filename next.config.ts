import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { ACTION_BODY_LIMIT } from "./lib/http/action-body";

const production = process.env.NODE_ENV === "production";

// Headers that don't vary per request. The Content-Security-Policy needs a fresh nonce for every
// page, so proxy.ts sets it.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  // Status and verification links carry secrets in their path: never leak them in a Referer.
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  // A separate build folder lets a benchmark build run beside a served app (NEXT_DIST_DIR=.next-bench).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Metadata in the <head> for every reader, not streamed after the body: the root layout's title
  // now comes from the operator's settings and the reader's language (generateMetadata), and a
  // streamed <title> lands in <body>, which is invalid HTML and leaves a screen reader (and axe)
  // a page without a title until it arrives. The settings it reads are cached, so the wait is short.
  htmlLimitedBots: /.*/,
  reactStrictMode: true,
  experimental: {
    // A privacy request is a few kilobytes of text; refuse anything much larger before parsing it.
    // scripts/serve.ts answers an oversized call from JavaScript with 413 before Next reads it.
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT },
    // The proxy buffers a body it passes on up to this size (10 MB by default): uploads of up to
    // 10 MB (data packages, representation documents) come with multipart overhead on top.
    proxyClientMaxBodySize: 10 * 1024 * 1024 + 64 * 1024,
    // forbidden() answers 403 to staff whose role does not allow a page.
    authInterrupts: true,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// Translations are looked up on the server (lib/i18n/request.ts); pages send words, not catalogues.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
