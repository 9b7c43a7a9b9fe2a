// Nurture bench (`npm run bench -- nurture`): 100,000 due steps through the real cron tick and queue consumer in
// workerd, against a Resend fake at the HTTP boundary. Prints a table; writes bench/results/nurture-*.json.
//
//   node bench/nurture.bench.mjs          BENCH_DUE=100000 BENCH_CONSUME=10000 (emails rendered and sent)
//   BENCH_DUE=3000 BENCH_CONSUME=1000 node bench/nurture.bench.mjs     a small run, well under a minute
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.join(import.meta.dirname, "..");
const run = spawnSync("npx", ["vitest", "run", "--config", "bench/vitest.nurture.config.ts"], {
  cwd: root,
  encoding: "utf8",
  env: process.env,
  maxBuffer: 64 * 1024 * 1024,
});
const line = `${run.stdout}\n${run.stderr}`
  .split("\n")
  .find((l) => l.includes("LODESTONE_BENCH_NURTURE "));
if (run.status !== 0 || !line) {
  process.stdout.write(run.stdout.slice(-4000));
  process.stderr.write(run.stderr.slice(-4000));
  console.error("nurture bench failed");
  process.exit(1);
}
const r = JSON.parse(line.slice(line.indexOf("{")));
const f = (n, d = 2) => (Number.isInteger(n) ? String(n) : n.toFixed(d));
const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : "—");
const rows = [
  [
    "tick: enrolments handled per tick",
    f(r.firstTick.due),
    `chunk ${r.chunk} × ${r.maxChunks}`,
    "",
  ],
  [
    "tick: time (first tick, full backlog)",
    `${f(r.firstTick.ms, 0)} ms`,
    `${f(r.baseline.tickMs, 0)} ms per chunk read`,
    ratio(r.firstTick.ms / r.maxChunks, r.baseline.tickMs),
  ],
  ["tick: time (last tick, small backlog)", `${f(r.lastTick.ms, 0)} ms`, "", ""],
  [
    "tick: rows read per tick (first / last)",
    `${r.firstTick.rowsRead} / ${r.lastTick.rowsRead}`,
    `${r.baseline.tickRowsRead} per chunk read`,
    ratio(r.firstTick.rowsRead / r.maxChunks, r.baseline.tickRowsRead),
  ],
  [
    "tick: rows read per enrolment",
    f(r.allTicks.rowsRead / r.allTicks.due),
    "1 (index read)",
    ratio(r.allTicks.rowsRead / r.allTicks.due, 1),
  ],
  ["tick: rows written per enrolment", f(r.allTicks.rowsWritten / r.allTicks.due), "", ""],
  [
    "tick: sendBatch calls / messages per tick",
    `${f(r.allTicks.queueCalls / r.allTicks.ticks)} / ${f(r.allTicks.messages / r.allTicks.ticks)}`,
    "≤ 100 messages per call",
    "",
  ],
  [`all ${r.allTicks.ticks} ticks for ${r.due} due`, `${f(r.allTicks.ms / 1000)} s`, "", ""],
  [
    "consumer: time per email",
    `${f(r.consumer.ms / r.consumer.sent, 3)} ms`,
    `${f(r.baseline.sendMsPerEmail, 3)} ms (SDK only)`,
    ratio(r.consumer.ms / r.consumer.sent, r.baseline.sendMsPerEmail),
  ],
  ["consumer: rows read per email", f(r.consumer.rowsRead / r.consumer.sent), "", ""],
  ["consumer: rows written per email", f(r.consumer.rowsWritten / r.consumer.sent), "", ""],
  [
    "rows written per sent email (tick + consumer)",
    f(r.allTicks.rowsWritten / r.allTicks.due + r.consumer.rowsWritten / r.consumer.sent),
    "goal ≤ 3 rows (D1 counts index entries)",
    "",
  ],
  [
    "emails per Resend request",
    f(r.consumer.emailsPerRequest),
    f(r.baseline.emailsPerRequest),
    ratio(r.consumer.emailsPerRequest, r.baseline.emailsPerRequest),
  ],
];
const w = [0, 1, 2, 3].map((i) =>
  Math.max(
    ...[["measure", "nurture", "baseline (same run)", "ratio"], ...rows].map(
      (row) => String(row[i]).length,
    ),
  ),
);
const print = (row) => console.log(row.map((c, i) => String(c).padEnd(w[i])).join("  "));
print(["measure", "nurture", "baseline (same run)", "ratio"]);
print(w.map((n) => "-".repeat(n)));
rows.forEach(print);
console.log(
  `\n${r.due} due steps; consumer measured over ${r.consumer.sent} emails (BENCH_CONSUME). Times are wall time in local workerd + local D1.`,
);
mkdirSync(path.join(root, "bench/results"), { recursive: true });
const out = path.join(
  root,
  "bench/results",
  `nurture-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
);
writeFileSync(out, JSON.stringify(r, null, 2));
console.log(`Raw figures: ${path.relative(root, out)}`);
// The goals next to what this run measured (bench/figures.mjs will write these for every bench).
const perEmail = r.allTicks.rowsWritten / r.allTicks.due + r.consumer.rowsWritten / r.consumer.sent;
const figures = [
  {
    figure: "nurture: rows written per email sent (send record, step advance, event)",
    goal: "≤ 3",
    measured: f(perEmail),
    met: perEmail <= 3,
  },
  {
    figure: "nurture: enrolments handled per tick",
    goal: `≤ chunk × maxChunks (${r.chunk * r.maxChunks})`,
    measured: String(r.firstTick.due),
    met: r.firstTick.due <= r.chunk * r.maxChunks,
  },
];
const figuresOut = path.join(root, "bench/results/nurture.figures.json");
writeFileSync(figuresOut, JSON.stringify(figures, null, 2));
console.log(`Figures: ${path.relative(root, figuresOut)}`);
