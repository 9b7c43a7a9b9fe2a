// The capture bench's row counts (bench/capture-rows.bench.test.ts); run by `npm run bench:capture`.
import { workersBenchConfig } from "./workers-bench-config";

export default workersBenchConfig({
  include: ["bench/capture-*.bench.test.ts"],
  timeoutMs: 10 * 60_000,
});
