// The scoring bench (bench/scoring-engine.bench.test.ts); run by `node bench/scoring.bench.mjs`.
import { workersBenchConfig } from "./workers-bench-config";

export default workersBenchConfig({
  include: ["bench/scoring-*.bench.test.ts"],
  bindings: {
    BENCH_LEADS: process.env.BENCH_LEADS ?? "1000000",
    BENCH_EVENTS: process.env.BENCH_EVENTS ?? "1000",
    BENCH_DECAY_LEADS: process.env.BENCH_DECAY_LEADS ?? "100000",
  },
  timeoutMs: 60 * 60_000,
});
