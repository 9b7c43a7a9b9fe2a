// Capture-path bench (`npm run bench:capture`): landing page and gate under load beside two baseline workers,
// then D1 rows written per capture and per 1,000 views. Prints a table; writes bench/results/capture-*.json.
//
//   node bench/capture.bench.mjs [--skip-load] [--skip-rows]
//   BENCH_SECONDS=10 BENCH_ROUNDS=5 BENCH_WARMUP_SECONDS=2 BENCH_SETTLE_SECONDS=2.5 BENCH_CONCURRENCY=16
//   BENCH_APP_PORT=8801 BENCH_BASE_PORT=8802
//
// Everything runs locally on loopback: its own `wrangler dev` servers on their own ports and state dirs (never
// the 8787 dev server), stopped at the end.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { agentFor, cpuBetween, groupCpu, load, percentile } from "./capture-load.mjs";

const root = path.join(import.meta.dirname, "..");
const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const cfg = {
  seconds: num("BENCH_SECONDS", 10),
  rounds: num("BENCH_ROUNDS", 5),
  warmupSeconds: num("BENCH_WARMUP_SECONDS", 2),
  // After each slice, before reading the server's CPU: lets queue batches (max_batch_timeout 2 s) finish.
  settleSeconds: num("BENCH_SETTLE_SECONDS", 2.5),
  concurrency: num("BENCH_CONCURRENCY", 16),
  appPort: num("BENCH_APP_PORT", 8801),
  basePort: num("BENCH_BASE_PORT", 8802),
};
const skipLoad = process.argv.includes("--skip-load");
const skipRows = process.argv.includes("--skip-rows");
const HOST = "127.0.0.1";
const WHITEPAPER = "saas-growth-whitepaper";
const COURSE = "lead-scoring-open-class";
const GOALS = { landing: 0.5, capture: 0.4, rowsPerCapture: 8 };

const bin = {
  wrangler: path.join(root, "node_modules/wrangler/bin/wrangler.js"),
  tsx: path.join(root, "node_modules/tsx/dist/cli.mjs"),
  vitest: path.join(root, "node_modules/vitest/vitest.mjs"),
};
const childEnv = {
  ...process.env,
  CI: "true",
  WRANGLER_SEND_METRICS: "false",
  NO_COLOR: "1",
  FORCE_COLOR: "0",
};

function run(label, file, args, extraEnv = {}, timeoutMs = 300_000) {
  const r = spawnSync(process.execPath, [file, ...args], {
    cwd: root,
    env: { ...childEnv, ...extraEnv },
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) {
    console.error(`✗ ${label} failed (exit ${r.status ?? r.signal})\n${r.stdout}\n${r.stderr}`);
    throw new Error(`${label} failed`);
  }
  return r.stdout;
}

// ── D1 rows per capture and per 1,000 views: a workerd test that meters D1's own per-statement meta ──────────
function measureRows() {
  console.log(
    "Measuring D1 rows per capture and per 1,000 views (vitest in workerd, bench/capture-rows.bench.test.ts)…",
  );
  const out = run("row count (vitest)", bin.vitest, [
    "run",
    "--config",
    "bench/vitest.capture.config.ts",
    "bench/capture-rows.bench.test.ts",
  ]);
  const line = out.split("\n").find((l) => l.startsWith("LODESTONE_BENCH_ROWS "));
  if (!line) throw new Error(`the row-count test printed no LODESTONE_BENCH_ROWS line:\n${out}`);
  return JSON.parse(line.slice("LODESTONE_BENCH_ROWS ".length));
}

// ── Servers ───────────────────────────────────────────────────────────────────────────────────────────────
function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, HOST, () => s.close(() => resolve(true)));
  });
}

const servers = [];
function startServer(name, args, logFile) {
  const out = openSync(logFile, "a");
  // Own process group, so stopping it stops wrangler and its workerd together, and nothing else.
  const child = spawn(process.execPath, [bin.wrangler, "dev", ...args], {
    cwd: root,
    env: childEnv,
    detached: true,
    stdio: ["ignore", out, out],
  });
  const server = { name, child, logFile, exited: false };
  child.on("exit", () => (server.exited = true));
  servers.push(server);
  return server;
}

/** Polls until the server answers; resolves with how many 2xx answers that took (each is a page view). */
async function waitReady(server, url, timeoutS = 90) {
  for (let i = 0; i < timeoutS * 2; i++) {
    if (server.exited) break;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status < 500) return res.ok ? 1 : 0;
    } catch {}
    await sleep(500);
  }
  throw new Error(
    `${server.name} did not come up on ${url}; log:\n${readFileSync(server.logFile, "utf8").slice(-3000)}`,
  );
}

async function stopServers() {
  for (const s of servers.splice(0)) {
    if (s.exited) continue;
    try {
      process.kill(-s.child.pid, "SIGTERM");
    } catch {}
    for (let i = 0; i < 20 && !s.exited; i++) await sleep(250);
    if (!s.exited) {
      try {
        process.kill(-s.child.pid, "SIGKILL");
      } catch {}
    }
  }
}
for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => stopServers().finally(() => process.exit(130)));

function d1Query(persistTo, sql, config) {
  const args = [
    "d1",
    "execute",
    "DB",
    "--local",
    "--persist-to",
    persistTo,
    "--json",
    "--command",
    sql,
  ];
  if (config) args.push("-c", config);
  return JSON.parse(run(`d1 query ${sql}`, bin.wrangler, args))[0].results;
}

// ── Load ──────────────────────────────────────────────────────────────────────────────────────────────────
/** 198.18.0.0/15 is reserved for benchmarks; one address per request keeps GATE_LIMITER (10/min per IP) out of the way. */
const clientIp = (n) => `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;
const runId = Date.now().toString(36);
let serial = 0;
const uniqueEmail = () => `bench-${runId}-${serial}@example.com`;
const json = (url, body) => ({
  url,
  method: "POST",
  headers: { "content-type": "application/json", "cf-connecting-ip": clientIp(serial) },
  body: JSON.stringify(body),
});

function targets() {
  const app = `http://${HOST}:${cfg.appPort}`;
  const base = `http://${HOST}:${cfg.basePort}`;
  const get = (url) => () => ({ url, headers: { "cf-connecting-ip": clientIp(++serial) } });
  return [
    {
      id: "static",
      kind: "baseline",
      label: "A: static response (baseline)",
      next: get(`${base}/static`),
    },
    {
      id: "landing-whitepaper",
      kind: "landing",
      baseline: "static",
      label: `GET /p/${WHITEPAPER}`,
      next: get(`${app}/p/${WHITEPAPER}`),
    },
    {
      id: "landing-course",
      kind: "landing",
      baseline: "static",
      label: `GET /p/${COURSE}`,
      next: get(`${app}/p/${COURSE}`),
    },
    {
      id: "insert",
      kind: "baseline",
      label: "B: single-row D1 insert (baseline)",
      next: () => {
        serial++;
        return json(`${base}/insert`, { email: uniqueEmail() });
      },
    },
    {
      id: "gate-whitepaper",
      kind: "capture",
      baseline: "insert",
      label: `POST /p/${WHITEPAPER} (new lead)`,
      next: () => {
        serial++;
        return json(`${app}/p/${WHITEPAPER}`, {
          email: uniqueEmail(),
          name: "压测用户",
          company: "Lodestone Bench",
          phone: `138${String(serial % 1e8).padStart(8, "0")}`,
          privacy: true,
          consent: true,
        });
      },
    },
    {
      id: "gate-course",
      kind: "capture",
      baseline: "insert",
      label: `POST /p/${COURSE} (new lead)`,
      next: () => {
        serial++;
        return json(`${app}/p/${COURSE}`, {
          email: uniqueEmail(),
          name: "Bench User",
          consent: true,
        });
      },
    },
  ];
}

async function measureLoad() {
  for (const port of [cfg.appPort, cfg.basePort]) {
    if (port === 8787) throw new Error("8787 belongs to `npm start`; pick another BENCH_*_PORT");
    if (!(await portFree(port)))
      throw new Error(`port ${port} is in use; set BENCH_APP_PORT / BENCH_BASE_PORT`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "lodestone-bench-"));
  const appState = path.join(dir, "app");
  const baseState = path.join(dir, "baseline");
  const baseConfig = "bench/baseline/wrangler.toml";
  try {
    console.log(`Preparing ${dir}: migrations, demo content, bundles…`);
    run("migrations (Lodestone)", bin.wrangler, [
      "d1",
      "migrations",
      "apply",
      "DB",
      "--local",
      "--persist-to",
      appState,
    ]);
    run("demo seed", bin.tsx, ["scripts/seed.ts"], { LODESTONE_PERSIST_TO: appState });
    run("migrations (baseline)", bin.wrangler, [
      "d1",
      "migrations",
      "apply",
      "DB",
      "--local",
      "--persist-to",
      baseState,
      "-c",
      baseConfig,
    ]);
    // Bundle once and serve the bundle: the working tree is shared, and `wrangler dev` on src/ would reload
    // (and measure someone else's half-saved edit) whenever a file changes during the run.
    const appBundle = path.join(dir, "build-app");
    const baseBundle = path.join(dir, "build-baseline");
    run("bundle (Lodestone)", bin.wrangler, ["deploy", "--dry-run", "--outdir", appBundle]);
    run("bundle (baseline)", bin.wrangler, [
      "deploy",
      "--dry-run",
      "--outdir",
      baseBundle,
      "-c",
      baseConfig,
    ]);

    const common = ["--ip", HOST, "--log-level", "warn", "--show-interactive-dev-session=false"];
    const appOrigin = `http://${HOST}:${cfg.appPort}`;
    const app = startServer(
      "Lodestone",
      [
        path.join(appBundle, "index.js"),
        "--no-bundle",
        ...common,
        "-c",
        "wrangler.toml",
        "--port",
        String(cfg.appPort),
        "--inspector-port",
        String(cfg.appPort + 1000),
        "--persist-to",
        appState,
        "--var",
        "ADMIN_TOKEN:bench-admin-token-0123456789",
        "--var",
        "SIGNING_SECRET:bench-signing-secret-0123456789-abcdefghij",
        "--var",
        "RESEND_API_KEY:",
        "--var",
        `RESEND_BASE_URL:${appOrigin}/dev/resend`,
        // Each simulated visitor carries its own CF-Connecting-IP: trust it, as Cloudflare's edge would set it.
        "--var",
        "BEHIND_CLOUDFLARE:true",
      ],
      path.join(dir, "lodestone.log"),
    );
    const base = startServer(
      "baselines",
      [
        path.join(baseBundle, "worker.js"),
        "--no-bundle",
        ...common,
        "-c",
        baseConfig,
        "--port",
        String(cfg.basePort),
        "--inspector-port",
        String(cfg.basePort + 1000),
        "--persist-to",
        baseState,
      ],
      path.join(dir, "baseline.log"),
    );
    const [readyViews] = await Promise.all([
      waitReady(app, `${appOrigin}/p/${WHITEPAPER}`),
      waitReady(base, `http://${HOST}:${cfg.basePort}/static`),
    ]);
    // Every 2xx answer, warm-up included, to check what the servers stored against at the end.
    const answered = { landing: readyViews, capture: 0, insert: 0, static: 0 };
    const tally = (t, res) =>
      (answered[t.kind === "baseline" ? t.id : t.kind] += res.latencies.length);

    const list = targets();
    const agents = { app: agentFor(cfg.concurrency), base: agentFor(cfg.concurrency) };
    const agentOf = (t) => (t.kind === "baseline" ? agents.base : agents.app);
    const serverOf = (t) => (t.kind === "baseline" ? base : app);
    const slice = cfg.seconds / cfg.rounds;
    console.log(
      `Warm-up ${cfg.warmupSeconds} s per target, then ${cfg.rounds} rounds × ${slice} s per target, concurrency ${cfg.concurrency}, targets interleaved…`,
    );
    for (const t of list)
      tally(
        t,
        await load({
          agent: agentOf(t),
          concurrency: cfg.concurrency,
          seconds: cfg.warmupSeconds,
          next: t.next,
        }),
      );
    // What each server burns with no requests (timers, queue polling), subtracted from the per-request CPU below.
    await sleep(cfg.settleSeconds * 1000);
    const idleFrom = {
      app: groupCpu(app.child.pid),
      base: groupCpu(base.child.pid),
      at: performance.now(),
    };
    await sleep(5000);
    const idleSeconds = (performance.now() - idleFrom.at) / 1000;
    const idle = {
      app: cpuBetween(idleFrom.app, groupCpu(app.child.pid)) / idleSeconds,
      base: cpuBetween(idleFrom.base, groupCpu(base.child.pid)) / idleSeconds,
    };
    const idleOf = (t) => (t.kind === "baseline" ? idle.base : idle.app);
    const acc = Object.fromEntries(
      list.map((t) => [
        t.id,
        { elapsedMs: 0, cpuMs: 0, idleCpuMs: 0, latencies: [], statuses: {}, errors: [] },
      ]),
    );
    for (let r = 0; r < cfg.rounds; r++) {
      // Every other round runs backwards (ABBA), so drift during the run lands on baselines and targets alike.
      for (const t of r % 2 ? [...list].reverse() : list) {
        const cpuBefore = groupCpu(serverOf(t).child.pid);
        const windowFrom = performance.now();
        const res = await load({
          agent: agentOf(t),
          concurrency: cfg.concurrency,
          seconds: slice,
          next: t.next,
        });
        tally(t, res);
        await sleep(cfg.settleSeconds * 1000);
        const a = acc[t.id];
        a.elapsedMs += res.elapsedMs;
        const cpu = cpuBetween(cpuBefore, groupCpu(serverOf(t).child.pid));
        a.cpuMs = cpu === null || a.cpuMs === null ? null : a.cpuMs + cpu;
        a.idleCpuMs += (idleOf(t) * (performance.now() - windowFrom)) / 1000;
        for (const ms of res.latencies) a.latencies.push(ms);
        for (const [k, v] of Object.entries(res.statuses)) a.statuses[k] = (a.statuses[k] ?? 0) + v;
        a.errors.push(...res.errors.slice(0, 5 - a.errors.length));
      }
      process.stdout.write(`  round ${r + 1}/${cfg.rounds} done\n`);
    }
    agents.app.destroy();
    agents.base.destroy();
    // Let the queue consumer flush the last view batch (max_batch_timeout is 2 s) before the server stops.
    await sleep(5000);
    await stopServers();

    const results = list.map((t) => {
      const a = acc[t.id];
      const sorted = a.latencies.sort((x, y) => x - y);
      const ok = sorted.length;
      return {
        id: t.id,
        kind: t.kind,
        label: t.label,
        baseline: t.baseline ?? null,
        requests: Object.values(a.statuses).reduce((x, y) => x + y, 0),
        ok,
        statuses: a.statuses,
        errors: a.errors,
        seconds: a.elapsedMs / 1000,
        rps: ok / (a.elapsedMs / 1000),
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        cpuMsPerRequest: a.cpuMs === null ? null : Math.max(0, a.cpuMs - a.idleCpuMs) / ok,
        cpuMsRaw: a.cpuMs,
        idleCpuMs: a.idleCpuMs,
      };
    });
    for (const r of results) {
      const b = results.find((x) => x.id === r.baseline);
      r.ratio = b
        ? {
            rps: r.rps / b.rps,
            p50: r.p50 / b.p50,
            p99: r.p99 / b.p99,
            cpu: r.cpuMsPerRequest === null ? null : r.cpuMsPerRequest / b.cpuMsPerRequest,
          }
        : null;
      r.goal = r.kind === "landing" ? GOALS.landing : r.kind === "capture" ? GOALS.capture : null;
      r.meetsGoal = r.goal === null ? null : r.ratio.rps >= r.goal;
    }

    // What the servers stored: every landing view counted by the queue consumer, every 2xx capture a lead.
    const views = d1Query(
      appState,
      "SELECT coalesce(sum(views), 0) AS views, coalesce(sum(submissions), 0) AS submissions FROM asset_daily",
    )[0];
    const leads = d1Query(appState, "SELECT count(*) AS n FROM leads")[0].n;
    const hits = d1Query(baseState, "SELECT count(*) AS n FROM hits", baseConfig)[0].n;
    const stored = {
      viewsCounted: views.views,
      landingAnswers: answered.landing,
      submissionsCounted: views.submissions,
      leads,
      captureAnswers: answered.capture,
      baselineRows: hits,
      insertAnswers: answered.insert,
    };
    return {
      results,
      stored,
      idleCpuMsPerSecond: idle,
      note: "stored counts and answers include warm-up requests; the figures do not",
      stateDir: dir,
    };
  } finally {
    await stopServers();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ── Report ────────────────────────────────────────────────────────────────────────────────────────────────
const f = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "–");
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function printLoad({ results, stored, idleCpuMsPerSecond: idle }) {
  console.log(
    `\nThroughput and latency — ${os.cpus().length} CPUs, concurrency ${cfg.concurrency}, ${cfg.seconds} s per target (${cfg.rounds} interleaved rounds), warm-up ${cfg.warmupSeconds} s`,
  );
  console.log(
    "Each request carries its own cf-connecting-ip (198.18.0.0/15), so the per-IP GATE_LIMITER (10/min) never throttles the load.",
  );
  console.log(
    "Ratios are to the baseline measured in the same run: req/s higher is better; p50, p99 and CPU ratios are how many times",
  );
  console.log(
    "slower / costlier. CPU = server CPU ms per 2xx answer: every process of that `wrangler dev` (proxy, worker, D1, queue consumer),",
  );
  console.log(
    `read from /proc around each slice plus ${cfg.settleSeconds} s for queued work, minus idle CPU (Lodestone ${f(idle.app)} ms/s, baselines ${f(idle.base)} ms/s).\n`,
  );
  console.log(
    `${pad("target", 44)}${lpad("req/s", 7)}${lpad("p50 ms", 8)}${lpad("p99 ms", 8)}${lpad("CPU ms", 8)}   ${pad("× baseline:  req/s", 19)}${lpad("p50", 6)}${lpad("p99", 6)}${lpad("CPU", 6)}   goal (req/s)`,
  );
  for (const r of results) {
    const ratio = r.ratio
      ? `${lpad(`${f(r.ratio.rps, 2)}×`, 19)}${lpad(f(r.ratio.p50, 2), 6)}${lpad(f(r.ratio.p99, 2), 6)}${lpad(f(r.ratio.cpu, 2), 6)}`
      : pad("          (baseline)", 37);
    const goal =
      r.goal === null
        ? ""
        : `≥ ${r.goal}× ${r.meetsGoal ? "✓" : `✗ missed (${f((r.ratio.rps / r.goal) * 100, 0)}% of goal)`}`;
    const bad = r.requests - r.ok;
    console.log(
      `${pad(r.label, 44)}${lpad(f(r.rps, 0), 7)}${lpad(f(r.p50), 8)}${lpad(f(r.p99), 8)}${lpad(f(r.cpuMsPerRequest, 2), 8)}   ${ratio}   ${goal}${bad ? `  (${bad} non-2xx: ${JSON.stringify(r.statuses)} ${r.errors[0] ?? ""})` : ""}`,
    );
  }
  const check = (got, want) => `${got} of ${want}${got === want ? " ✓" : " ✗"}`;
  console.log(
    `\nStored by the servers, warm-up included: views counted through the queue ${check(stored.viewsCounted, stored.landingAnswers)} landing answers;`,
  );
  console.log(
    `leads ${check(stored.leads, stored.captureAnswers)} capture answers (submissions in asset_daily: ${stored.submissionsCounted}); baseline B rows ${check(stored.baselineRows, stored.insertAnswers)} insert answers.`,
  );
}

function printRows(rows) {
  console.log(
    `\nD1 rows per capture — D1's meta.rows_written / rows_read summed over every statement of the request (index writes included), ${rows.capturesPerScenario} captures per scenario`,
  );
  console.log(`${pad("", 84)}${pad("── in the request ──", 24)}── later, on the queue ──`);
  console.log(
    `${pad("scenario", 58)}${pad("asset", 26)}${lpad("written", 8)}${lpad("read", 7)}  goal ≤ ${GOALS.rowsPerCapture}${lpad("written", 10)}${lpad("read", 7)}`,
  );
  for (const s of rows.captures) {
    const w =
      s.rowsWritten.min === s.rowsWritten.max
        ? `${s.rowsWritten.mean}`
        : `${s.rowsWritten.mean} (${s.rowsWritten.min}–${s.rowsWritten.max})`;
    console.log(
      `${pad(s.name, 58)}${pad(s.slug, 26)}${lpad(w, 8)}${lpad(s.rowsRead.mean, 7)}  ${s.rowsWritten.mean <= GOALS.rowsPerCapture ? "✓" : `✗ +${f(s.rowsWritten.mean - GOALS.rowsPerCapture, 2)}`}${lpad(s.deferred.rowsWrittenPerCapture, 10)}${lpad(s.deferred.rowsReadPerCapture, 7)}  (${s.deferred.messagesPerCapture} msg)`,
    );
  }
  const shown = new Set();
  for (const s of rows.captures) {
    const key = `${s.name}|${s.slug === WHITEPAPER}`;
    if (s.slug !== WHITEPAPER || shown.has(key)) continue;
    shown.add(key);
    const sum = (sts, pick) =>
      Math.round(sts.filter(pick).reduce((a, st) => a + st.rowsWritten, 0) * 100) / 100;
    const inBatch = sum(s.statements, (st) => st.via.startsWith("batch"));
    console.log(
      `\n  per statement — ${s.name}, ${s.slug}: ${inBatch} written in the capture batch, ${sum(s.statements, (st) => !st.via.startsWith("batch"))} outside it, ${s.deferred.rowsWrittenPerCapture} later on the queue`,
    );
    for (const st of s.statements)
      console.log(
        `    ${pad(st.label, 44)}${pad(st.via, 32)}${lpad(`w ${st.rowsWritten}`, 7)}${lpad(`r ${st.rowsRead}`, 7)}`,
      );
    for (const st of s.deferred.statements)
      console.log(
        `    ${pad(`later: ${st.label}`, 44)}${pad(`queue consumer, ${st.runs}×`, 32)}${lpad(`w ${st.rowsWritten}`, 7)}${lpad(`r ${st.rowsRead}`, 7)}`,
      );
  }
  console.log(
    "\n  indexes on the tables written above (each index entry a write touches is one more row written):",
  );
  for (const i of rows.indexes)
    console.log(
      `    ${pad(i.tbl, 18)}${pad(i.name, 40)}${i.sql.replace(/^CREATE (UNIQUE )?INDEX \S+ ON /, "")}`,
    );

  console.log(
    `\nD1 rows per 1,000 landing-page views — views go to the queue (waitUntil), the consumer writes them in batches of 100`,
  );
  console.log(
    `${pad("scenario", 50)}${lpad("groups", 7)}${lpad("written/1k", 12)}${lpad("read/1k", 9)}   on the page's critical path`,
  );
  for (const v of rows.views) {
    console.log(
      `${pad(v.name, 50)}${lpad(v.distinctGroups, 7)}${lpad(v.consumer.rowsWrittenPer1000Views, 12)}${lpad(v.consumer.rowsReadPer1000Views, 9)}   ${v.landing.rowsWrittenPerView} written, ${v.landing.rowsReadPerView} read per view`,
    );
    for (const st of v.consumer.statements)
      console.log(
        `    ${pad(st.label, 44)}${pad(`${st.runs} runs/1k`, 16)}${lpad(`w ${st.rowsWritten}`, 8)}${lpad(`r ${st.rowsRead}`, 8)}`,
      );
  }
}

function gitInfo() {
  const g = (args) => spawnSync("git", args, { cwd: root, encoding: "utf8" }).stdout.trim();
  return {
    commit: g(["rev-parse", "HEAD"]),
    dirty:
      g(["status", "--porcelain", "--", "src", "migrations", "templates", "wrangler.toml"]).length >
      0,
  };
}

const report = {
  bench: "capture",
  startedAt: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  },
  git: gitInfo(),
  config: cfg,
  goals: GOALS,
  method: {
    load: "Closed-loop Node http client (keep-alive, fixed concurrency) against `wrangler dev` servers on loopback; targets interleaved over rounds (ABBA order) after a warm-up; latency is request sent → last body byte; only 2xx count.",
    cpu: "Server CPU per 2xx answer: user+system time of every process in that wrangler dev's process group (/proc), read before each slice and after it plus a settle pause, minus the server's idle CPU rate × that time, divided by the 2xx answers.",
    rows: "bench/capture-rows.bench.test.ts drives the worker's fetch/queue handlers in workerd with env.DB wrapped by bench/capture-meter.ts, which sums D1's meta.rows_written/rows_read per statement (raw() reads are repeated once via all() for their meta).",
  },
};
let failed = false;
try {
  if (!skipRows) {
    report.rows = measureRows();
    printRows(report.rows);
  }
  if (!skipLoad) {
    report.load = await measureLoad();
    printLoad(report.load);
    if (report.load.results.some((r) => r.ok < r.requests)) failed = true;
  }
} catch (err) {
  failed = true;
  console.error(`\n✗ capture bench failed: ${err.message}`);
} finally {
  await stopServers();
}
const outDir = path.join(root, "bench/results");
mkdirSync(outDir, { recursive: true });
const stamp = report.startedAt.replace(/[:.]/g, "-");
writeFileSync(path.join(outDir, `capture-${stamp}.json`), JSON.stringify(report, null, 2));
writeFileSync(path.join(outDir, "capture-latest.json"), JSON.stringify(report, null, 2));
console.log(
  `\nResults: bench/results/capture-${stamp}.json${failed ? "  (run had failures, see above)" : ""}`,
);
process.exit(failed ? 1 : 0);
