// The nurture bench (bench/nurture-engine.bench.test.ts); run by `node bench/nurture.bench.mjs`.
import { workersBenchConfig } from "./workers-bench-config";

export default workersBenchConfig({
  include: ["bench/nurture-*.bench.test.ts"],
  bindings: {
    RESEND_API_KEY: "re_bench_key",
    RESEND_BASE_URL: "https://resend.bench",
    PUBLIC_BASE_URL: "https://lodestone.bench",
    BENCH_DUE: process.env.BENCH_DUE ?? "100000",
    BENCH_CONSUME: process.env.BENCH_CONSUME ?? "10000",
  },
  timeoutMs: 30 * 60_000,
});
