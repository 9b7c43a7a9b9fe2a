// One vitest config shape for every workerd bench: the real wrangler.toml and migrations, bench secrets,
// and the bench's own bindings. Each bench has its own config file so `npm test` never runs it.
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const root = path.join(import.meta.dirname, "..");

export function workersBenchConfig(opts: {
  include: string[];
  bindings?: Record<string, string>;
  timeoutMs: number;
}) {
  return defineConfig(async () => {
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
              // A log line per request would be measured along with the work.
              LOG_LEVEL: "warn",
              // The benches simulate many visitors, each with its own CF-Connecting-IP: they trust it.
              BEHIND_CLOUDFLARE: "true",
              ...opts.bindings,
            },
          },
        }),
      ],
      test: {
        include: opts.include,
        setupFiles: ["./tests/setup.ts"],
        testTimeout: opts.timeoutMs,
        hookTimeout: opts.timeoutMs,
      },
    };
  });
}
