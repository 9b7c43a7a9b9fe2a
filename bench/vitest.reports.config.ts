// The report bench (bench/reports.bench.test.ts); run by `npm run bench:reports`.
import { workersBenchConfig } from "./workers-bench-config";

export default workersBenchConfig({
  include: ["bench/reports.bench.test.ts"],
  bindings: {
    BENCH_REPEAT: process.env.BENCH_REPEAT ?? "3",
    BENCH_LEADS:
      process.env.BENCH_LEADS ?? process.env.REPORTS_LEADS ?? process.env.LEADS ?? "1000000",
  },
  timeoutMs: 30 * 60_000,
});
