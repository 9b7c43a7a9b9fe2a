// Vitest config for the capture bench's row counts (bench/capture-rows.bench.test.ts), in workerd like the tests.
// Its own config so `npm test` never runs it; `npm run bench:capture` does.
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
          },
        },
      }),
    ],
    test: {
      include: ["bench/capture-*.bench.test.ts"],
      setupFiles: ["./tests/setup.ts"],
    },
  };
});
