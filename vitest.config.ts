import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Tests run inside workerd with real local D1, R2, Queues and rate limiters; the real migrations are applied per file.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  // Ad-platform export fixtures as their exact bytes (base64): GBK and UTF-16 files must not pass
  // through a text import, which would decode them as UTF-8.
  const exportsDir = path.join(import.meta.dirname, "tests/fixtures/ad-exports");
  const adExports = Object.fromEntries(
    readdirSync(exportsDir)
      .filter((f) => !/\.(md|py)$/.test(f))
      .map((f) => [f, readFileSync(path.join(exportsDir, f)).toString("base64")]),
  );
  // Meeting platforms' attendance exports, as bytes for the same reason (tests/fixtures/attendance).
  const attendanceDir = path.join(import.meta.dirname, "tests/fixtures/attendance");
  const attendanceExports = Object.fromEntries(
    readdirSync(attendanceDir)
      .filter((f) => f.endsWith(".csv"))
      .map((f) => [f, readFileSync(path.join(attendanceDir, f)).toString("base64")]),
  );
  // Lead import fixtures the same way (a GBK file among them).
  const leadImportDir = path.join(import.meta.dirname, "tests/fixtures/lead-import");
  const leadImports = Object.fromEntries(
    readdirSync(leadImportDir)
      .filter((f) => f.endsWith(".csv"))
      .map((f) => [f, readFileSync(path.join(leadImportDir, f)).toString("base64")]),
  );
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            AD_EXPORT_FIXTURES: adExports,
            ATTENDANCE_FIXTURES: attendanceExports,
            LEAD_IMPORT_FIXTURES: leadImports,
            // Request logs would bury the test output; warnings and errors still show.
            LOG_LEVEL: "warn",
            ADMIN_TOKEN: "test-admin-token-0123456789",
            SIGNING_SECRET: "test-signing-secret-0123456789-abcdefghij",
            RESEND_API_KEY: "re_test_key",
            RESEND_BASE_URL: "https://resend.test",
            RESEND_WEBHOOK_SECRET: "whsec_dGVzdC1yZXNlbmQtd2ViaG9vay1zZWNyZXQ=",
            // The origin tests send their requests to (tests/support/http.ts), as a deployment sets it.
            PUBLIC_BASE_URL: "https://lodestone.test",
            // A tracked click waits this long before it is scored (30 s in production; see src/env.ts).
            CLICK_SCORE_DELAY_SECONDS: "1",
            // The suite runs with production rules. Its requests play Cloudflare's edge: each simulated
            // visitor carries its own CF-Connecting-IP (tests/support/http.ts), so the suite says
            // explicitly that it trusts that header, as the benches do. Tests of the untrusted case pass
            // BEHIND_CLOUDFLARE=false themselves (tests/capture/rate-limit.security.test.ts).
            BEHIND_CLOUDFLARE: "true",
            // Explicit, so a .dev.vars left by `npm start` cannot turn the suite into local dev.
            LODESTONE_ENV: "production",
          },
        },
      }),
    ],
    test: {
      include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
      setupFiles: ["./tests/setup.ts"],
    },
  };
});
