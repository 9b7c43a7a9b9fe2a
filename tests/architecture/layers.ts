// The layer rule of Lodestone, top to bottom. A file may import (by value) only from its own layer's
// folder or from a layer below it; templates are pure views that take only types from src/.

export interface Layer {
  name: string;
  /** Path prefixes (a folder ends in "/"). */
  paths: string[];
}

export const LAYERS: Layer[] = [
  { name: "entry", paths: ["src/index.ts", "src/app.ts"] },
  { name: "routes and jobs", paths: ["src/routes/", "src/jobs/"] },
  { name: "http middleware", paths: ["src/http/"] },
  { name: "services", paths: ["src/services/"] },
  { name: "templates", paths: ["templates/"] },
  { name: "store", paths: ["src/store/"] },
  { name: "queue messages", paths: ["src/queue/"] },
  { name: "platform", paths: ["src/platform/"] },
  { name: "db schema", paths: ["src/db/"] },
  { name: "config and errors", paths: ["src/env.ts", "src/errors.ts"] },
  { name: "domain", paths: ["src/domain/"] },
];

export function layerOf(file: string): number {
  const i = LAYERS.findIndex((l) =>
    l.paths.some((p) => (p.endsWith("/") ? file.startsWith(p) : file === p)),
  );
  if (i < 0)
    throw new Error(
      `${file} is in no layer: add its folder to LAYERS in tests/architecture/layers.ts`,
    );
  return i;
}

/** Where SQL may be written: drizzle's builders and `sql` templates, and D1's own prepare/batch. */
export const SQL_HOMES = ["src/store/", "src/db/"];
