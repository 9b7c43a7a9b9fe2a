// The typed environment: bindings from wrangler.toml, secrets validated with zod at start-up.
import { z } from "zod";
import type { Db } from "./db/client";

/** Empty strings in .dev.vars mean "not set". */
const optional = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
const flag = (name: string) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .enum(["true", "false"], { error: `${name} must be true or false` })
      .transform((v) => v === "true")
      .optional(),
  );

export const configSchema = z.object({
  ADMIN_TOKEN: z
    .string({ error: "ADMIN_TOKEN is missing: set the bootstrap admin API token" })
    .min(16, "ADMIN_TOKEN must be at least 16 characters"),
  SIGNING_SECRET: z
    .string({ error: "SIGNING_SECRET is missing: set a random secret for signed links" })
    .min(32, "SIGNING_SECRET must be at least 32 characters"),
  RESEND_API_KEY: optional,
  RESEND_BASE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
  RESEND_WEBHOOK_SECRET: optional,
  TURNSTILE_SECRET: optional,
  TURNSTILE_SITE_KEY: optional,
  PUBLIC_BASE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .url({
        protocol: /^https?$/,
        error: "PUBLIC_BASE_URL must be an http(s) URL such as https://content.example.com",
      })
      .refine(
        (v) => /^https?:\/\/[^/?#]+\/?$/i.test(v),
        "PUBLIC_BASE_URL must be an origin only (no path, query or #), such as https://content.example.com",
      )
      .transform((v) => v.replace(/\/+$/, ""))
      .optional(),
  ),
  REPORTING_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, "REPORTING_CURRENCY must be an ISO 4217 code such as USD")
    .default("USD"),
  EMAIL_FROM: z
    .string()
    .min(3)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
    .refine((v) => !/[\x00-\x1f\x7f]/.test(v), "EMAIL_FROM must be one line")
    .default("Lodestone <hello@example.com>"),
  LOG_LEVEL: z
    .enum(["debug", "info", "warn", "error"], {
      error: "LOG_LEVEL must be debug, info, warn or error",
    })
    .default("info"),
  MQL_THRESHOLD: z.coerce
    .number({ error: "MQL_THRESHOLD must be a whole number of points" })
    .int()
    .min(1)
    .max(100_000)
    .default(50),
  /**
   * Seconds a tracked click waits before it is scored: long enough for a link scanner walking the message to show
   * itself with its next clicks (then none of them count). Tests shorten it.
   */
  CLICK_SCORE_DELAY_SECONDS: z.coerce
    .number({ error: "CLICK_SCORE_DELAY_SECONDS must be a whole number of seconds" })
    .int()
    .min(0)
    .max(600)
    .default(30),
  /**
   * Where this Worker runs. Unset means production (the safe default for a deploy); `npm start` sets
   * `development`, which alone allows webhooks to this machine (http://localhost, 127.0.0.1, [::1]).
   */
  LODESTONE_ENV: z
    .enum(["production", "development"], {
      error: "LODESTONE_ENV must be production or development",
    })
    .default("production"),
  /**
   * Whether requests arrive through Cloudflare's edge, which sets CF-Connecting-IP itself. Only then is
   * that header the client's address; anywhere else any client could write it. Default: on in production.
   */
  BEHIND_CLOUDFLARE: flag("BEHIND_CLOUDFLARE"),
  /** The bearer the local mail sink requires (the resend SDK sends it); default derived from SIGNING_SECRET. */
  MAIL_SINK_KEY: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(16, "MAIL_SINK_KEY must be at least 16 characters").optional(),
  ),
  /**
   * Keys the suppression hashes; default SIGNING_SECRET. Set it to the old SIGNING_SECRET before rotating
   * that secret, or every suppression stops matching (docs/decisions/0012-keyed-suppression-hashes.md).
   */
  SUPPRESSION_SECRET: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(32, "SUPPRESSION_SECRET must be at least 32 characters").optional(),
  ),
});
type ParsedConfig = z.infer<typeof configSchema>;
export type Config = Omit<ParsedConfig, "BEHIND_CLOUDFLARE"> & { BEHIND_CLOUDFLARE: boolean };

type SecretNames =
  | "MQL_THRESHOLD"
  | "CLICK_SCORE_DELAY_SECONDS"
  | "LOG_LEVEL"
  | "ADMIN_TOKEN"
  | "SIGNING_SECRET"
  | "RESEND_API_KEY"
  | "RESEND_BASE_URL"
  | "RESEND_WEBHOOK_SECRET"
  | "TURNSTILE_SECRET"
  | "TURNSTILE_SITE_KEY"
  | "PUBLIC_BASE_URL"
  | "LODESTONE_ENV"
  | "BEHIND_CLOUDFLARE"
  | "MAIL_SINK_KEY"
  | "SUPPRESSION_SECRET";
export type Bindings = Omit<CloudflareBindings, "REPORTING_CURRENCY" | "EMAIL_FROM"> & {
  REPORTING_CURRENCY?: string;
  EMAIL_FROM?: string;
} & Partial<Record<SecretNames, string>>;

export type { Db };

export class ConfigError extends Error {}

/** Why links handed out outside a request (email above all) cannot be built, for logs, the ledger and the dashboard. */
export const MISSING_BASE_URL =
  "PUBLIC_BASE_URL is not set: email links need the address Lodestone is served at, so no email is sent until it is (waiting steps stay due)";

/**
 * The origin of every absolute link made outside a request: email links (download, click tracking, unsubscribe,
 * List-Unsubscribe, opt-in). There is no fallback: a guessed origin mails links that lead nowhere.
 */
export function linkOrigin(
  config: Config,
): { ok: true; origin: string } | { ok: false; problem: string } {
  return config.PUBLIC_BASE_URL
    ? { ok: true, origin: config.PUBLIC_BASE_URL }
    : { ok: false, problem: MISSING_BASE_URL };
}

const cache = new WeakMap<object, Config>();

/** Validates the environment once per isolate; throws a ConfigError naming every problem. */
export function loadConfig(env: Bindings): Config {
  const hit = cache.get(env);
  if (hit) return hit;
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `- ${i.path.join(".")}: ${i.message}`)
      .join("\n");
    throw new ConfigError(
      `Lodestone is not configured:\n${problems}\nSee .dev.vars.example and the README (Configuration).`,
    );
  }
  const config: Config = {
    ...parsed.data,
    BEHIND_CLOUDFLARE: parsed.data.BEHIND_CLOUDFLARE ?? parsed.data.LODESTONE_ENV === "production",
  };
  cache.set(env, config);
  return config;
}

/** The secret suppression hashes are keyed with: SUPPRESSION_SECRET when set, else SIGNING_SECRET. */
export function suppressionSecret(
  config: Pick<Config, "SUPPRESSION_SECRET" | "SIGNING_SECRET">,
): string {
  return config.SUPPRESSION_SECRET ?? config.SIGNING_SECRET;
}
