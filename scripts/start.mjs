// `npm start`: local migrations, demo content, .dev.vars, then `wrangler dev` on http://localhost:$PORT (8787)
// with the mail sink, links pointing at that port, and the cron ticking every minute.
import { copyFileSync, existsSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
import { startLocalCron } from "./local-cron.mjs";

const port = process.env.PORT || "8787";
const origin = `http://localhost:${port}`;
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, CI: "true" } });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(" ")} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
};

if (!existsSync(".dev.vars")) {
  copyFileSync(".dev.vars.example", ".dev.vars");
  console.log("Created .dev.vars from .dev.vars.example (local secrets; edit as you like).");
}
run("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local"]);
run("npx", ["tsx", "scripts/seed.ts"]);

console.log(
  `\nLodestone on ${origin}  —  try /p/saas-growth-whitepaper and /p/lead-scoring-open-class\n`,
);
// wrangler itself, not through npx, so a stop signal reaches the process that shuts workerd down.
const dev = spawn(
  process.execPath,
  [
    "node_modules/wrangler/bin/wrangler.js",
    "dev",
    "--port",
    port,
    // Links in email (download, tracking, unsubscribe, opt-in) point at this server, and mail goes to its sink.
    "--var",
    `PUBLIC_BASE_URL:${origin}`,
    "--var",
    `RESEND_BASE_URL:${origin}/dev/resend`,
    // Local dev: webhooks to this machine are allowed, and CF-Connecting-IP (which any local client can
    // send) is not trusted as the client's address.
    "--var",
    "LODESTONE_ENV:development",
  ],
  { stdio: "inherit" },
);
const stopCron = startLocalCron(origin);
for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => {
    stopCron();
    dev.kill(sig);
  });
dev.on("exit", (code) => {
  stopCron();
  process.exit(code ?? 0);
});
