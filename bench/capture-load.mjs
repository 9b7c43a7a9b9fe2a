// A small closed-loop HTTP load generator: fixed concurrency, keep-alive, latency per request.
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";

/** One keep-alive agent per origin, sized to the concurrency, so no request waits for a socket. */
export function agentFor(concurrency) {
  return new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
}

/** Sends one request and reads the whole body; resolves with the status and the time it took in ms. */
function send(agent, { url, method = "GET", headers = {}, body }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: body ? { ...headers, "content-length": Buffer.byteLength(body) } : headers,
      },
      (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve({ status: res.statusCode, ms: performance.now() - started }));
        res.on("error", (err) =>
          resolve({ status: 0, ms: performance.now() - started, error: err.message }),
        );
      },
    );
    req.on("error", (err) =>
      resolve({ status: 0, ms: performance.now() - started, error: err.message }),
    );
    if (body) req.write(body);
    req.end();
  });
}

/**
 * Runs `concurrency` loops against one target for `seconds`; each loop sends its next request as soon as
 * the previous one is answered. `next(i)` builds the i-th request (unique emails and client IPs come from it).
 */
export async function load({ agent, concurrency, seconds, next }) {
  const latencies = [];
  const statuses = {};
  const errors = [];
  let issued = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const r = await send(agent, next(issued++));
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status >= 200 && r.status < 300) latencies.push(r.ms);
      else if (errors.length < 5) errors.push(r.error ?? `HTTP ${r.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { elapsedMs: performance.now() - started, latencies, statuses, errors };
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const CLK_TCK = 100; // Linux USER_HZ: /proc/<pid>/stat reports CPU time in 1/100 s.

/**
 * CPU time (ms, user + system) used so far by each live process of a process group, from /proc; null where
 * /proc is missing. Per request served, it is a cost that other load on the machine disturbs far less than
 * throughput.
 */
export function groupCpu(pgid) {
  let entries;
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  const byPid = new Map();
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue;
    }
    // Fields after "(comm)": state ppid pgrp … utime is the 12th, stime the 13th.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(f[2]) === pgid) byPid.set(pid, ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK);
  }
  return byPid;
}

/** CPU ms used between two samples; a process that exited in between is left out rather than counted negative. */
export function cpuBetween(before, after) {
  if (!before || !after) return null;
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}
