// Vitest config for the nurture bench (bench/nurture-engine.bench.test.ts), in workerd like the tests.
// Its own config so `npm test` never runs it; `node bench/nurture.bench.mjs` does.
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
            RESEND_API_KEY: "re_bench_key",
            RESEND_BASE_URL: "https://resend.bench",
            PUBLIC_BASE_URL: "https://lodestone.bench",
            BENCH_DUE: process.env.BENCH_DUE ?? "100000",
            BENCH_CONSUME: process.env.BENCH_CONSUME ?? "10000",
          },
        },
      }),
    ],
    test: {
      include: ["bench/nurture-*.bench.test.ts"],
      setupFiles: ["./tests/setup.ts"],
      testTimeout: 1_800_000,
    },
  };
});
