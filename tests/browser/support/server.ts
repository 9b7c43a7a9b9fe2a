// A live Lodestone for browser tests: fresh local D1/R2 in a temp dir, migrations applied, `wrangler dev` on
// 8793 (BROWSER_PORT overrides it, so two checkouts can run their journeys side by side).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const PORT = Number(process.env.BROWSER_PORT ?? 8793);
export const ORIGIN = `http://localhost:${PORT}`;
export const ADMIN_TOKEN = "browser-admin-token-0123456789";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const VARS = {
  ADMIN_TOKEN,
  SIGNING_SECRET: "browser-signing-secret-0123456789-abcdefghij",
  RESEND_API_KEY: "",
  RESEND_BASE_URL: `${ORIGIN}/dev/resend`,
  TURNSTILE_SECRET: "",
  PUBLIC_BASE_URL: ORIGIN,
};

/** Whether something answers on the port (a server still shutting down, or another checkout's). */
async function answering(): Promise<boolean> {
  try {
    await fetch(`${ORIGIN}/admin/login`, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until nothing answers on the port. wrangler's process can exit while its workerd still serves a
 * moment longer; a journey that started then would talk to the old server and hang when it went away.
 */
async function portFree(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (await answering()) {
    if (Date.now() > deadline)
      throw new Error(`${ORIGIN} still answers: another server holds the port`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface LiveServer {
  stop(): Promise<void>;
  log(): string;
  /**
   * Runs SQL on the server's local D1, as `wrangler d1 execute` does, and returns the rows. For what only time
   * can do (a session that has taken place), never for what a user could do through the product.
   */
  sql<T = Record<string, unknown>>(command: string): T[];
}

/** `seedDemo`: the demo content of `npm start` too (scripts/seed.ts: assets, a course session, leads). */
export async function startServer(opts: { seedDemo?: boolean } = {}): Promise<LiveServer> {
  await portFree(30_000);
  const dir = mkdtempSync(path.join(tmpdir(), "lodestone-browser-"));
  const wrangler = path.join(ROOT, "node_modules/.bin/wrangler");
  const migrate = spawnSync(
    wrangler,
    ["d1", "migrations", "apply", "DB", "--local", "--persist-to", dir],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true" } },
  );
  if (migrate.status !== 0)
    throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
  if (opts.seedDemo) {
    const seed = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/seed.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CI: "true", LODESTONE_PERSIST_TO: dir },
    });
    if (seed.status !== 0) throw new Error(`seed failed:\n${seed.stdout}\n${seed.stderr}`);
  }
  const args = [
    "dev",
    "--port",
    String(PORT),
    "--ip",
    "127.0.0.1",
    "--local",
    "--persist-to",
    dir,
    "--show-interactive-dev-session=false",
    ...Object.entries(VARS).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
  ];
  let output = "";
  const child: ChildProcess = spawn(wrangler, args, {
    cwd: ROOT,
    env: { ...process.env, CI: "true", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${output}`);
    try {
      const res = await fetch(`${ORIGIN}/admin/login`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline)
      throw new Error(`wrangler dev did not answer within 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    log: () => output,
    sql: <T>(command: string) => {
      const run = spawnSync(
        wrangler,
        ["d1", "execute", "DB", "--local", "--persist-to", dir, "--json", "--command", command],
        { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true" } },
      );
      if (run.status !== 0) throw new Error(`d1 execute failed:\n${run.stdout}\n${run.stderr}`);
      return (JSON.parse(run.stdout) as { results: T[] }[])[0]?.results ?? [];
    },
    stop: async () => {
      if (child.exitCode === null) {
        process.kill(-child.pid!, "SIGTERM");
        await new Promise((r) => child.once("exit", r).once("error", r));
      }
      await portFree(15_000).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
