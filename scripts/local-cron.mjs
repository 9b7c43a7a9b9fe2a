// `npm start`'s Cron Trigger: `wrangler dev` never fires crons by itself, so once the server answers this calls the
// Worker's scheduled handler through wrangler's local trigger endpoint, at once and then at the top of every minute.
const MINUTE = 60_000;

/** Wrangler's local endpoint that runs the scheduled handler (`/cdn-cgi/handler/scheduled` in older wranglers). */
export const scheduledUrl = (origin, cron = "* * * * *") =>
  `${origin}/cdn-cgi/local/scheduled?cron=${encodeURIComponent(cron)}`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await res.body?.cancel();
    return res.status < 500;
  } catch {
    return false;
  }
}

/**
 * Starts ticking against `origin` (e.g. http://localhost:8787); returns stop(). A tick still running when the next is
 * due is not doubled: the next one waits for the minute after. Failures are reported once, and again on recovery.
 */
export function startLocalCron(origin, { log = console.log } = {}) {
  let stopped = false;
  let timer = null;
  let running = false;
  let failing = null;

  async function tick() {
    if (running || stopped) return;
    running = true;
    try {
      const res = await fetch(scheduledUrl(origin), { signal: AbortSignal.timeout(55_000) });
      const text = (await res.text()).trim();
      if (!res.ok) throw new Error(`${res.status} ${text.slice(0, 200)}`);
      if (failing) log(`⏱  cron tick ran again (${new Date().toISOString()})`);
      failing = null;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (failing !== reason)
        log(
          `⏱  cron tick failed: ${reason} — the worker's log above says why; retrying every minute`,
        );
      failing = reason;
    } finally {
      running = false;
    }
  }

  function scheduleNext() {
    if (stopped) return;
    // A second past the top of the minute, like Cloudflare's own ticks (one a minute, never bunched).
    const wait = MINUTE - (Date.now() % MINUTE) + 1_000;
    timer = setTimeout(async () => {
      await tick();
      scheduleNext();
    }, wait);
  }

  (async () => {
    while (!stopped && !(await answers(`${origin}/admin/login`))) await sleep(500);
    if (stopped) return;
    log(
      `⏱  cron: the scheduled handler runs now and every minute (${scheduledUrl(origin)}); mail lands in ${origin}/admin/mail`,
    );
    await tick();
    scheduleNext();
  })();

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
