// Scoring bench (`npm run bench -- scoring`): per-event scoring, the daily decay pass and the sales list over
// 1,000,000 leads, in workerd with D1's row meters. Prints tables; writes bench/results/scoring-*.json.
//
//   node bench/scoring.bench.mjs     BENCH_LEADS=1000000 BENCH_EVENTS=1000 BENCH_DECAY_LEADS=100000
//   BENCH_LEADS=20000 BENCH_EVENTS=300 BENCH_DECAY_LEADS=5000 node bench/scoring.bench.mjs    a small run, under a minute
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.join(import.meta.dirname, "..");
const run = spawnSync("npx", ["vitest", "run", "--config", "bench/vitest.scoring.config.ts"], {
  cwd: root,
  encoding: "utf8",
  env: process.env,
  maxBuffer: 64 * 1024 * 1024,
});
const line = `${run.stdout}\n${run.stderr}`
  .split("\n")
  .find((l) => l.includes("LODESTONE_BENCH_SCORING "));
if (run.status !== 0 || !line) {
  process.stdout.write(run.stdout.slice(-6000));
  process.stderr.write(run.stderr.slice(-6000));
  console.error("scoring bench failed");
  process.exit(1);
}
const r = JSON.parse(line.slice(line.indexOf("{")));
const f = (n, d = 2) => (Number.isInteger(n) ? String(n) : n.toFixed(d));
const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : "—");
const table = (head, rows) => {
  const w = head.map((_, i) => Math.max(...[head, ...rows].map((row) => String(row[i]).length)));
  const print = (row) => console.log(row.map((c, i) => String(c).padEnd(w[i])).join("  "));
  print(head);
  print(w.map((n) => "-".repeat(n)));
  rows.forEach(print);
};
const per = (x, n) => x / n;
console.log(`${r.leads} leads seeded in ${f(r.seedMs / 1000, 1)} s.\n`);
table(
  ["measure (per lead)", "scoring", "baseline (same run)", "ratio"],
  [
    [
      "event: time",
      `${f(per(r.event.ms, r.events), 3)} ms`,
      `${f(per(r.baseEvent.ms, r.events), 3)} ms`,
      ratio(r.event.ms, r.baseEvent.ms),
    ],
    [
      "event: rows read",
      f(per(r.event.read, r.events)),
      f(per(r.baseEvent.read, r.events)),
      ratio(r.event.read, r.baseEvent.read),
    ],
    [
      "event: rows written",
      f(per(r.event.written, r.events)),
      f(per(r.baseEvent.written, r.events)),
      ratio(r.event.written, r.baseEvent.written),
    ],
    [
      "decay: time",
      `${f(per(r.decay.ms, r.decay.leads), 3)} ms`,
      `${f(per(r.baseDecay.ms, r.decay.leads), 3)} ms`,
      ratio(r.decay.ms, r.baseDecay.ms),
    ],
    [
      "decay: rows read",
      f(per(r.decay.read, r.decay.leads)),
      f(per(r.baseDecay.read, r.decay.leads)),
      ratio(r.decay.read, r.baseDecay.read),
    ],
    ["decay: rows written", f(per(r.decay.written, r.decay.leads)), "0 (read only)", ""],
  ],
);
console.log(
  `\ndecay rows read at two sizes: ${r.smallDecay.leads} leads → ${r.smallDecay.read} read (${r.smallDecay.changed} changed); ${r.decay.leads} leads → ${r.decay.read} read (${r.decay.changed} changed).`,
);
console.log(
  `\nevent baseline: read the lead, append one ledger row, update the lead (one batch). ${r.events} events, ${r.qualified} became MQLs.`,
);
console.log(
  `decay: ${r.decay.leads} leads in ranges of 500 (${r.decay.withBehaviour} with behaviour points, ${r.decay.changed} changed); baseline reads each range's leads by primary key.`,
);
console.log(
  `decay over all ${r.leads}: cron tick queued ${r.cron.messages} messages in ${f(r.cron.ms, 0)} ms reading ${r.cron.read} rows; extrapolated consumer time ${f(((r.decay.ms / r.decay.leads) * r.leads) / 1000, 0)} s.\n`,
);
table(
  [
    `sales list at ${r.leads} leads`,
    "returned",
    "rows read",
    "read / returned",
    "statements",
    "ms",
  ],
  r.list.map((l) => [
    l.name,
    l.returned,
    l.rowsRead,
    f(l.rowsRead / Math.max(1, l.returned)),
    l.statements,
    f(l.ms, 1),
  ]),
);
console.log("\nEXPLAIN QUERY PLAN");
for (const [k, v] of Object.entries(r.plans)) console.log(`  ${k}:\n    ${v.join("\n    ")}`);
console.log(
  `\ncapture rows written with the list indexes: new lead ${r.capture.newLead.written}, repeat capture of a scored lead ${r.capture.repeatScored.written} (goal ≤ 8).`,
);
mkdirSync(path.join(root, "bench/results"), { recursive: true });
const out = path.join(
  root,
  "bench/results",
  `scoring-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
);
writeFileSync(out, JSON.stringify(r, null, 2));
console.log(`Raw figures: ${path.relative(root, out)}`);
// The goals next to what this run measured (bench/figures.mjs will write these for every bench).
const eventRatio = r.event.ms / r.baseEvent.ms;
const readPerChanged = (d) => d.read / Math.max(1, d.changed);
const figures = [
  {
    figure: "scoring: time per event vs baseline",
    goal: "≤ 1.5×",
    measured: ratio(r.event.ms, r.baseEvent.ms),
    met: eventRatio <= 1.5,
  },
  {
    figure: "scoring: rows read per event vs baseline",
    goal: "rules cached (no rule rows read per event)",
    measured: `${f(per(r.event.read, r.events))} vs ${f(per(r.baseEvent.read, r.events))} (${ratio(r.event.read, r.baseEvent.read)})`,
    met: null,
  },
  {
    figure: "decay: rows read at two sizes (leads in pass → rows read, leads changed)",
    goal: "grows with leads whose score changes, not with all leads",
    measured: `${r.smallDecay.leads} → ${r.smallDecay.read} (${r.smallDecay.changed} changed); ${r.decay.leads} → ${r.decay.read} (${r.decay.changed} changed)`,
    // Met when the pass reads no more than a few rows per changed lead at both sizes (index entry, lead, ledger).
    met: readPerChanged(r.smallDecay) <= 4 && readPerChanged(r.decay) <= 4,
  },
  {
    figure: "decay: time per lead vs reading it by primary key",
    goal: "cost grows with changed leads",
    measured: ratio(r.decay.ms, r.baseDecay.ms),
    met: null,
  },
];
const figuresOut = path.join(root, "bench/results/scoring.figures.json");
writeFileSync(figuresOut, JSON.stringify(figures, null, 2));
console.log(`Figures: ${path.relative(root, figuresOut)}`);
