// `npm run bench`: runs every bench/*.bench.mjs in turn, each in its own Node process, and says which failed.
// `npm run bench -- capture` runs only the benches whose file name contains "capture".
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();
if (!benches.length) {
  console.error(`No bench/*.bench.mjs${only.length ? ` matching ${only.join(", ")}` : ""}`);
  process.exit(1);
}

const failed = [];
for (const file of benches) {
  console.log(`\n━━━ bench/${file} ━━━\n`);
  const r = spawnSync(process.execPath, [path.join(dir, file)], {
    cwd: path.dirname(dir),
    stdio: "inherit",
  });
  if (r.status !== 0) failed.push(`${file} (exit ${r.status ?? r.signal})`);
}
console.log(
  `\n${benches.length - failed.length}/${benches.length} benches completed${failed.length ? `; failed: ${failed.join(", ")}` : ""}. Results in bench/results/.`,
);
process.exit(failed.length ? 1 : 0);
