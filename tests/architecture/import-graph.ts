// The import graph of the source tree, read from the files' text: which file imports which, by value or by type only.

export interface ImportEdge {
  from: string;
  to: string;
  /** `import type …` (or every named specifier marked `type`): erased at build, no runtime dependency. */
  typeOnly: boolean;
}

const STATIC = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/gm;
const BARE = /^\s*import\s+["']([^"']+)["']/gm;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

function allNamedAreTypes(clause: string): boolean {
  const named = clause.match(/^\{([^}]*)\}$/s);
  if (!named) return false;
  const parts = named[1]!
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => p.startsWith("type "));
}

/** Every import specifier of a module, with whether it is type-only. */
export function importsOf(source: string): { spec: string; typeOnly: boolean }[] {
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of source.matchAll(STATIC))
    out.push({ spec: m[4]!, typeOnly: !!m[2] || allNamedAreTypes(m[3]!.trim()) });
  for (const m of source.matchAll(BARE)) out.push({ spec: m[1]!, typeOnly: false });
  for (const m of source.matchAll(DYNAMIC)) out.push({ spec: m[1]!, typeOnly: false });
  return out;
}

function normalise(parts: string[]): string {
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** Resolves a relative specifier of `from` to one of `files`; null for packages and unknown paths. */
export function resolve(from: string, spec: string, files: Set<string>): string | null {
  if (!spec.startsWith(".")) return null;
  const base = normalise([...from.split("/").slice(0, -1), ...spec.split("/")]);
  for (const cand of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (files.has(cand)) return cand;
  return null;
}

export function importGraph(sources: Record<string, string>): ImportEdge[] {
  const files = new Set(Object.keys(sources));
  const edges: ImportEdge[] = [];
  for (const [from, text] of Object.entries(sources)) {
    for (const { spec, typeOnly } of importsOf(text)) {
      const to = resolve(from, spec, files);
      if (to) edges.push({ from, to, typeOnly });
    }
  }
  return edges;
}

/** A file's folder; a file at the top of src/ (index.ts, app.ts, env.ts, errors.ts) is a room of its own. */
export const folderOf = (file: string) =>
  file.split("/").length === 2 && file.startsWith("src/")
    ? file
    : file.split("/").slice(0, -1).join("/");

/** Cycles between folders through value imports (a folder importing itself does not count). */
export function folderCycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.typeOnly) continue;
    const a = folderOf(e.from);
    const b = folderOf(e.to);
    if (a === b) continue;
    if (!next.has(a)) next.set(a, new Set());
    next.get(a)!.add(b);
  }
  // Tarjan's strongly connected components: every component with more than one folder is a cycle.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of next.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of next.keys()) if (!idx.has(v)) visit(v);
  return out;
}
