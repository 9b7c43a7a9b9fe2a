/// <reference types="vite/client" />
// A clean install works on every developer's machine: the lockfile pins the native binaries of workerd,
// esbuild and Biome for every platform their packages offer, so `npm ci` on macOS, Linux or Windows finds
// its own (npm, run on one platform, has been known to drop the others: npm/cli#4828).
import { describe, expect, it } from "vitest";

// Vite reads the file at build time, so this works inside workerd without a file system.
const raw = Object.values(
  import.meta.glob("/package-lock.json", { query: "?raw", import: "default", eager: true }),
)[0] as string;

interface LockEntry {
  version?: string;
  integrity?: string;
  optionalDependencies?: Record<string, string>;
}
const lock = JSON.parse(raw) as { lockfileVersion: number; packages: Record<string, LockEntry> };
const packages = lock.packages;

/** The packages that ship their binary as one optional package per platform. */
const NATIVE = ["workerd", "esbuild", "@biomejs/biome"];

/** At least these platforms, whatever the package's manifest says. */
const REQUIRED: Record<string, string[]> = {
  workerd: [
    "@cloudflare/workerd-darwin-64",
    "@cloudflare/workerd-darwin-arm64",
    "@cloudflare/workerd-linux-64",
    "@cloudflare/workerd-linux-arm64",
    "@cloudflare/workerd-windows-64",
  ],
  esbuild: [
    "@esbuild/darwin-x64",
    "@esbuild/darwin-arm64",
    "@esbuild/linux-x64",
    "@esbuild/linux-arm64",
    "@esbuild/win32-x64",
  ],
  "@biomejs/biome": [
    "@biomejs/cli-darwin-x64",
    "@biomejs/cli-darwin-arm64",
    "@biomejs/cli-linux-x64",
    "@biomejs/cli-linux-arm64",
    "@biomejs/cli-win32-x64",
  ],
};

const nameAt = (path: string) => path.slice(path.lastIndexOf("node_modules/") + 13);

/** Where Node would find `dep` from the package installed at `from` (its own node_modules, then each parent's). */
function resolve(from: string, dep: string): string | null {
  let dir = from;
  for (;;) {
    const candidate = `${dir}/node_modules/${dep}`;
    if (packages[candidate]) return candidate;
    const up = dir.lastIndexOf("/node_modules/");
    if (up < 0) break;
    dir = dir.slice(0, up);
  }
  return packages[`node_modules/${dep}`] ? `node_modules/${dep}` : null;
}

const installs = Object.keys(packages).filter((p) => NATIVE.includes(nameAt(p)));

/** What keeps `npm ci` from installing the install at `path` on some platform: nothing, when all is pinned. */
function platformProblems(path: string): string[] {
  const entry = packages[path]!;
  const listed = entry.optionalDependencies ?? {};
  const wanted = new Set([...Object.keys(listed), ...REQUIRED[nameAt(path)]!]);
  const problems: string[] = [];
  for (const dep of wanted) {
    if (!(dep in listed)) {
      problems.push(`${path} does not list ${dep}`);
      continue;
    }
    const at = resolve(path, dep);
    const pinned = at ? packages[at]! : null;
    const spec = listed[dep]!;
    if (!pinned) problems.push(`${path}: ${dep}@${spec} is missing`);
    else if (/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec) && pinned.version !== spec)
      problems.push(`${path}: ${dep} wants ${spec}, ${at} is ${pinned.version}`);
    // No `resolved` URL is needed: npm asks the configured registry for name@version and checks the integrity.
    else if (!pinned.integrity) problems.push(`${at} has no integrity, so npm ci cannot check it`);
  }
  return problems;
}

describe("the lockfile installs on every platform", () => {
  it("is a lockfile npm ci reads, holding workerd, esbuild and Biome", () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    for (const name of NATIVE)
      expect(
        installs.some((p) => nameAt(p) === name),
        name,
      ).toBe(true);
  });

  it.each(installs)("%s has the binary of every platform it offers", (path) => {
    expect(platformProblems(path)).toEqual([]);
  });
});
