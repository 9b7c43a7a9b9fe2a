// `npm start`: local migrations, demo content, .dev.vars, then `wrangler dev` on http://localhost:$PORT (8787).
import { copyFileSync, existsSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";

const port = process.env.PORT || "8787";
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
  `\nLodestone on http://localhost:${port}  —  try /p/saas-growth-whitepaper and /p/lead-scoring-open-class\n`,
);
const dev = spawn(
  "npx",
  [
    "wrangler",
    "dev",
    "--port",
    port,
    "--var",
    `RESEND_BASE_URL:http://localhost:${port}/dev/resend`,
    // Local dev: webhooks to this machine are allowed, and CF-Connecting-IP (which any local client can
    // send) is not trusted as the client's address.
    "--var",
    "LODESTONE_ENV:development",
  ],
  { stdio: "inherit" },
);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => dev.kill(sig));
dev.on("exit", (code) => process.exit(code ?? 0));
