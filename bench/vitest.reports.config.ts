// Vitest config for the report bench (bench/reports.bench.test.ts), in workerd with the real migrations.
// Its own config so `npm test` never runs it; `npm run bench -- reports` (bench/reports.bench.mjs) does.
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const root = path.join(import.meta.dirname, "..");

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(root, "migrations"));
  return {
    root,
    plugins: [
      cloudflareTest({
        wrangler: { configPath: path.join(root, "wrangler.toml") },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            ADMIN_TOKEN: "bench-admin-token-0123456789",
            SIGNING_SECRET: "bench-signing-secret-0123456789-abcdefghij",
            BENCH_LEADS: process.env.BENCH_LEADS ?? "1000000",
          },
        },
      }),
    ],
    test: {
      include: ["bench/reports.bench.test.ts"],
      setupFiles: ["./tests/setup.ts"],
      testTimeout: 30 * 60_000,
      hookTimeout: 30 * 60_000,
    },
  };
});
