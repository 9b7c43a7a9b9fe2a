// Seeds demo content into the local D1 and R2 that `wrangler dev` uses. Idempotent: run it any time.
import { getPlatformProxy } from "wrangler";
import { getDb } from "../src/db/client";
import { seedDemo } from "../src/services/demo/seed-demo";
import { configSchema, type Bindings } from "../src/env";

// LODESTONE_PERSIST_TO seeds another local state dir (the one given to `wrangler dev --persist-to`), e.g. the bench's.
const persistTo = process.env.LODESTONE_PERSIST_TO;
const { env, dispose } = await getPlatformProxy<Bindings>({
  configPath: "wrangler.toml",
  persist: persistTo ? { path: `${persistTo}/v3` } : true,
});
try {
  const threshold = configSchema.shape.MQL_THRESHOLD.parse(env.MQL_THRESHOLD);
  const { whitepaper, course } = await seedDemo(getDb(env.DB), env.FILES, Date.now(), {
    webhooks: env.WEBHOOKS,
    jobs: env.JOBS,
    threshold,
    // The demo leads' consent IP hash is keyed like the gate's; a seed without .dev.vars still runs.
    signingSecret: env.SIGNING_SECRET ?? "lodestone-demo-seed",
    // Suppressions are keyed as the Worker keys them (suppressionSecret in src/env.ts).
    suppressionSecret:
      (env as { SUPPRESSION_SECRET?: string }).SUPPRESSION_SECRET ??
      env.SIGNING_SECRET ??
      "lodestone-demo-seed",
  });
  console.log(`Demo content ready: /p/${whitepaper.slug} and /p/${course.slug}`);
} finally {
  await dispose();
}
