// The Worker's entry: wires fetch, scheduled and queue handlers; holds no logic.
import { createApp } from "./app";
import type { Bindings } from "./env";
import { consumeJobs } from "./jobs/consumer";
import { runScheduled } from "./jobs/scheduled";

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled: (controller, env, ctx) => runScheduled(controller, env, ctx),
  queue: (batch, env) => consumeJobs(batch, env),
} satisfies ExportedHandler<Bindings>;
