import { defineConfig } from "vitest/config";

// Browser tests: plain Node (not the workers pool) driving headless Chromium against `wrangler dev`.
export default defineConfig({
  test: {
    include: ["tests/browser/**/*.browser.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
