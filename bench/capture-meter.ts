// A D1Database wrapper that records D1's own per-statement meta (rows_read, rows_written), for the bench only.
//
// Every statement still runs on the real local D1; the wrapper only reads the meta D1 returns. Two calls
// hide their meta in D1's API and are handled explicitly:
// - `raw()` (drizzle's `db.query…findFirst` and `select()` use it) returns rows without meta. A read-only
//   `raw()` is run for real and then once more through `all()` to read its meta (a SELECT changes nothing);
//   a writing `raw()` runs as `all()` with the rows turned back into arrays, so it is metered exactly once.
// - `first()` runs as `all()` and takes the first row.

export interface MeteredStatement {
  sql: string;
  /** How it ran: a statement of a batch (with its position), or a single call. */
  via: string;
  /** Which batch call it belonged to (a sequence number), or null outside a batch. */
  batch: number | null;
  rowsRead: number;
  rowsWritten: number;
}

export interface D1Meter {
  db: D1Database;
  log: MeteredStatement[];
}

const readOnly = (sql: string) => /^\s*(select|pragma|explain)\b/i.test(sql);

class Statement {
  constructor(
    readonly real: D1PreparedStatement,
    readonly sql: string,
    private readonly meter: Recorder,
  ) {}

  bind(...values: unknown[]): Statement {
    return new Statement(this.real.bind(...values), this.sql, this.meter);
  }

  async all<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    const r = await this.real.all<T>();
    this.meter.record(this.sql, "all", null, r.meta);
    return r;
  }

  async run<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    const r = await this.real.run<T>();
    this.meter.record(this.sql, "run", null, r.meta);
    return r;
  }

  async first<T = Record<string, unknown>>(column?: string): Promise<T | null> {
    const r = await this.real.all<Record<string, unknown>>();
    this.meter.record(this.sql, "first", null, r.meta);
    const row = r.results[0];
    if (!row) return null;
    return (column === undefined ? row : row[column]) as T;
  }

  async raw<T = unknown[]>(options?: { columnNames?: boolean }): Promise<T[]> {
    if (readOnly(this.sql)) {
      const rows = await this.real.raw<T>(options as { columnNames?: false });
      const shadow = await this.real.all();
      this.meter.record(this.sql, "raw (meta from a repeat all())", null, shadow.meta);
      return rows as T[];
    }
    if (options?.columnNames)
      throw new Error(
        "bench meter: raw({ columnNames: true }) on a writing statement is not supported",
      );
    const r = await this.real.all<Record<string, unknown>>();
    this.meter.record(this.sql, "raw (as all())", null, r.meta);
    return r.results.map((row) => Object.values(row)) as T[];
  }
}

class Recorder {
  readonly log: MeteredStatement[] = [];
  private batches = 0;

  record(sql: string, via: string, batch: number | null, meta: D1Meta) {
    this.log.push({
      sql: sql.replace(/\s+/g, " ").trim(),
      via,
      batch,
      rowsRead: meta.rows_read,
      rowsWritten: meta.rows_written,
    });
  }

  nextBatch() {
    return ++this.batches;
  }
}

/** Wraps a D1 binding so that every statement's rows read and written are logged. */
export function meterD1(real: D1Database): D1Meter {
  const recorder = new Recorder();
  const unwrap = (s: D1PreparedStatement) => {
    if (!(s instanceof Statement))
      throw new Error(
        "bench meter: a batch got a statement that was not prepared through the meter",
      );
    return s;
  };
  const db = {
    prepare: (sql: string) => new Statement(real.prepare(sql), sql, recorder),
    async batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
      const ours = statements.map(unwrap);
      const results = await real.batch<T>(ours.map((s) => s.real));
      const id = recorder.nextBatch();
      for (const [i, r] of results.entries()) {
        recorder.record(ours[i]!.sql, `batch ${i + 1}/${ours.length}`, id, r.meta);
      }
      return results;
    },
    exec: (query: string) => real.exec(query),
    dump: () => {
      throw new Error("bench meter: dump() is not metered");
    },
    withSession: () => {
      throw new Error("bench meter: withSession() is not metered");
    },
  };
  return { db: db as unknown as D1Database, log: recorder.log };
}
