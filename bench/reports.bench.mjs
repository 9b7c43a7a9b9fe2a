// Report bench (`npm run bench -- reports`): seeds a year of 1,000,000 leads, 5,000,000 events and 50 assets
// into local D1 (workerd, via vitest), then times the cost-per-lead-by-asset report per attribution model and
// records D1 rows read, beside a full-scan query of the same figures. Prints a table; writes bench/results/.
//
//   node bench/reports.bench.mjs (1M leads) · REPORTS_LEADS=5000 node bench/reports.bench.mjs (a quick run, < 1 min)
// REPORTS_REPEAT: timed runs per report (median; default 3, 1 below 100,000 leads). Sizes: REPORTS_LEADS, else LEADS, else BENCH_LEADS (leads; events are 5 per lead). The rows-read goal holds at
// any size; the "fewer than a full scan" goal is stated at 1,000,000 leads (a small year scans few rows), so below
// that it is reported, not judged (met: null). Exit 2 only when a judged goal is missed.
// Writes bench/results/reports.figures.json: [{ figure, goal, measured, met }].
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.join(import.meta.dirname, "..");
const GOAL = { rowsRead: 50_000, fewerThanScan: 20, scanGoalAtLeads: 1_000_000 };
const leads =
  process.env.REPORTS_LEADS ?? process.env.LEADS ?? process.env.BENCH_LEADS ?? "1000000";
const repeat = process.env.REPORTS_REPEAT ?? (Number(leads) >= 100_000 ? "3" : "1");
if (!/^[1-9]\d*$/.test(leads) || Number(leads) < 100) {
  console.error(`✗ REPORTS_LEADS must be a whole number ≥ 100 (got ${JSON.stringify(leads)})`);
  process.exit(1);
}

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
    env: {
      ...process.env,
      BENCH_LEADS: leads,
      BENCH_REPEAT: repeat,
      CI: "true",
      NO_COLOR: "1",
      FORCE_COLOR: "0",
    },
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
const judged = Number(leads) >= GOAL.scanGoalAtLeads;
const figures = [
  {
    figure: "reports: D1 rows read by the worst report (a year, by asset)",
    goal: `≤ ${fmt(GOAL.rowsRead)}`,
    measured: `${fmt(worst)} at ${fmt(Number(leads))} leads`,
    met: worst <= GOAL.rowsRead,
  },
  {
    figure: "reports: rows read, fewer than a full scan of leads + touches",
    goal: `≥ ${GOAL.fewerThanScan}× at ${fmt(GOAL.scanGoalAtLeads)} leads`,
    measured: `${ratio.toFixed(1)}× at ${fmt(Number(leads))} leads`,
    met: judged ? ratio >= GOAL.fewerThanScan : null,
  },
];
const ok = figures.every((f) => f.met !== false);
console.log("");
for (const f of figures)
  console.log(
    `Goal: ${f.figure} ${f.goal} → ${f.measured}: ${f.met === null ? "not judged at this size" : f.met ? "met" : "NOT met"}`,
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
writeFileSync(file, JSON.stringify({ ...res, goal: GOAL, figures, met: ok }, null, 2));
const figuresFile = path.join(root, "bench/results/reports.figures.json");
writeFileSync(figuresFile, `${JSON.stringify(figures, null, 2)}\n`);
console.log(`Wrote ${path.relative(root, file)} and ${path.relative(root, figuresFile)}`);
process.exit(ok ? 0 : 2);
