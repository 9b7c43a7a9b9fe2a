// Report bench (`npm run bench -- reports`): seeds a year of 1,000,000 leads, 5,000,000 events and 50 assets
// into local D1 (workerd, via vitest), then times the cost-per-lead-by-asset report per attribution model and
// records D1 rows read, beside a full-scan query of the same figures. Prints a table; writes bench/results/.
//
//   node bench/reports.bench.mjs (1M leads) · LEADS=20000 node bench/reports.bench.mjs (a quick run)
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.join(import.meta.dirname, "..");
const GOAL = { rowsRead: 50_000, fewerThanScan: 20 };
const leads = process.env.LEADS ?? process.env.BENCH_LEADS ?? "1000000";

console.log(
  `Seeding ${Number(leads).toLocaleString("en")} leads and running the report bench (vitest in workerd, bench/reports.bench.test.ts)…`,
);
const started = Date.now();
const r = spawnSync(
  process.execPath,
  [
    path.join(root, "node_modules/vitest/vitest.mjs"),
    "run",
    "--config",
    "bench/vitest.reports.config.ts",
  ],
  {
    cwd: root,
    env: { ...process.env, BENCH_LEADS: leads, CI: "true", NO_COLOR: "1", FORCE_COLOR: "0" },
    encoding: "utf8",
    maxBuffer: 64 << 20,
    timeout: 30 * 60_000,
  },
);
const out = `${r.stdout}\n${r.stderr}`;
for (const line of out.split("\n"))
  if (line.includes("[bench]")) console.log(line.replace(/^.*\[bench\]/, "  "));
const line = out.split("\n").find((l) => l.startsWith("LODESTONE_BENCH_REPORTS "));
if (r.status !== 0 || !line) {
  console.error(`✗ the report bench failed (exit ${r.status ?? r.signal})\n${out.slice(-6000)}`);
  process.exit(1);
}
const res = JSON.parse(line.slice("LODESTONE_BENCH_REPORTS ".length));
const fmt = (n) => Math.round(n).toLocaleString("en");
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

console.log(
  `\nData: ${Object.entries(res.sizes)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(", ")}`,
);
console.log(
  `Seed ${(res.seedMs / 1000).toFixed(1)} s, rollup sweep ${(res.rollupMs / 1000).toFixed(1)} s, whole run ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);
console.log(
  `${pad("query (year 2026, by asset)", 44)}${lpad("median ms", 11)}${lpad("D1 rows read", 15)}${lpad("vs full scan", 16)}`,
);
console.log("-".repeat(86));
for (const run of res.runs) {
  const label = `report ${run.model}, ${run.grain === "range" ? "whole year" : "by month"}`;
  console.log(
    `${pad(label, 44)}${lpad(fmt(run.ms), 11)}${lpad(fmt(run.rowsRead), 15)}${lpad(`${(res.scan.rowsRead / run.rowsRead).toFixed(0)}× fewer`, 16)}`,
  );
}
console.log(
  `${pad("full scan of leads + touches (first touch)", 44)}${lpad(fmt(res.scan.ms), 11)}${lpad(fmt(res.scan.rowsRead), 15)}${lpad("—", 16)}`,
);
const worst = Math.max(...res.runs.map((x) => x.rowsRead));
const ratio = res.scan.rowsRead / worst;
const ok = worst <= GOAL.rowsRead && ratio >= GOAL.fewerThanScan;
console.log(
  `\nGoal: ≤ ${fmt(GOAL.rowsRead)} rows read and ≥ ${GOAL.fewerThanScan}× fewer than the full scan → worst ${fmt(worst)} rows, ${ratio.toFixed(0)}× fewer: ${ok ? "met" : "NOT met"}`,
);
console.log(
  "The rollup report and the full scan agree on every asset's leads, spend and cost per lead (first touch), checked in the run.",
);

mkdirSync(path.join(root, "bench/results"), { recursive: true });
const file = path.join(
  root,
  "bench/results",
  `reports-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
);
writeFileSync(file, JSON.stringify({ ...res, goal: GOAL, met: ok }, null, 2));
console.log(`Wrote ${path.relative(root, file)}`);
process.exit(ok ? 0 : 2);
