// Structured logs: one JSON object per line, carrying the request or job they belong to (Workers Logs indexes the fields).
import { AsyncLocalStorage } from "node:async_hooks";

export type LogFields = Record<string, unknown>;
const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
type Level = (typeof LOG_LEVELS)[number];
let threshold = 1; // info

/** Lines below `level` are not written (LOG_LEVEL; the test suite runs at "warn"). */
export function setLogLevel(level: Level): void {
  threshold = LOG_LEVELS.indexOf(level);
}

/** What every line written inside a request or a job carries: its id, and the route or job kind. */
const scope = new AsyncLocalStorage<LogFields>();

/** Runs `work` with `fields` on every log line written inside it (however deep the call). */
export function withLogScope<T>(fields: LogFields, work: () => T): T {
  return scope.run({ ...scope.getStore(), ...fields }, work);
}

/** Adds fields to the current scope (e.g. the route once Hono has matched it). */
export function addLogFields(fields: LogFields): void {
  const store = scope.getStore();
  if (store) Object.assign(store, fields);
}

/** An Error as plain fields; anything else as its string. */
export function errorFields(err: unknown): LogFields {
  if (err instanceof Error)
    return {
      error: err.message,
      error_name: err.name,
      stack: err.stack?.split("\n").slice(0, 6).join("\n"),
    };
  return { error: String(err) };
}

function write(level: Level, message: string, fields?: LogFields) {
  if (LOG_LEVELS.indexOf(level) < threshold) return;
  const line = JSON.stringify({
    level,
    message,
    ...scope.getStore(),
    ...fields,
    at: new Date().toISOString(),
  });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** The logger: fields given here are added to the scope's fields on every line. */
export function logger(base: LogFields = {}): Logger {
  return {
    debug: (m, f) => write("debug", m, { ...base, ...f }),
    info: (m, f) => write("info", m, { ...base, ...f }),
    warn: (m, f) => write("warn", m, { ...base, ...f }),
    error: (m, f) => write("error", m, { ...base, ...f }),
  };
}

export const log = logger();
