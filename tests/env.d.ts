// Test-only bindings declared by vitest.config.ts.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    /** tests/fixtures/ad-exports/*, file name → its bytes in base64. */
    AD_EXPORT_FIXTURES: Record<string, string>;
    /** tests/fixtures/attendance/*.csv, file name → its bytes in base64. */
    ATTENDANCE_FIXTURES: Record<string, string>;
    /** tests/fixtures/lead-import/*.csv as base64 (exact bytes: one is GBK). */
    LEAD_IMPORT_FIXTURES: Record<string, string>;
    ADMIN_TOKEN: string;
    SIGNING_SECRET: string;
    RESEND_API_KEY: string;
    RESEND_BASE_URL: string;
    RESEND_WEBHOOK_SECRET: string;
    PUBLIC_BASE_URL: string;
  }
}
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import("../src/index");
  }
}
