// Reports and lists are read through a D1 session (read replicas may serve it); writes stay on the primary.
import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { count } from "drizzle-orm";
import worker from "../../src/index";
import { replicaDb } from "../../src/db/client";
import { leads } from "../../src/db/schema";
import { adminToken } from "../support/api";
import { BASE } from "../support/http";

/** env.DB, recording which SQL went straight to the primary and which through a session (and its constraint). */
function recordingDb() {
  const primary: string[] = [];
  const sessions: { constraint: string | undefined; sql: string[] }[] = [];
  const db = env.DB;
  const wrapped = {
    prepare: (q: string) => {
      primary.push(q);
      return db.prepare(q);
    },
    batch: (s: D1PreparedStatement[]) => db.batch(s),
    exec: (q: string) => {
      primary.push(q);
      return db.exec(q);
    },
    dump: () => db.dump(),
    withSession: (constraint?: string) => {
      const session = db.withSession(constraint);
      const seen = { constraint, sql: [] as string[] };
      sessions.push(seen);
      return {
        prepare: (q: string) => {
          seen.sql.push(q);
          return session.prepare(q);
        },
        batch: (s: D1PreparedStatement[]) => session.batch(s),
        getBookmark: () => session.getBookmark(),
      };
    },
  } as unknown as D1Database;
  return { wrapped, primary, sessions };
}

async function call(path: string, DB: D1Database, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${adminToken()}`);
  headers.set("cf-connecting-ip", "203.0.113.77");
  const ctx = createExecutionContext();
  const res = await worker.fetch!(
    new Request(new URL(path, BASE), { ...init, headers }) as Request<
      unknown,
      IncomingRequestCfProperties
    >,
    { ...env, DB },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

describe("reads that a read replica may serve", () => {
  it("the performance report reads its rollups through one unconstrained D1 session", async () => {
    const rec = recordingDb();
    const res = await call(
      "/api/v1/reports/performance?from=2026-01-01&to=2026-01-31",
      rec.wrapped,
    );
    expect(res.status).toBe(200);
    expect(rec.sessions).toHaveLength(1);
    expect(rec.sessions[0]!.constraint).toBe("first-unconstrained");
    expect(rec.sessions[0]!.sql.join("\n")).toMatch(/FROM spend/);
    expect(rec.primary.join("\n")).not.toMatch(/FROM spend/);
  });

  it("the lead list is read through a session, the token check on the primary", async () => {
    const rec = recordingDb();
    const res = await call("/api/v1/leads", rec.wrapped);
    expect(res.status).toBe(200);
    expect(rec.sessions).toHaveLength(1);
    expect(rec.sessions[0]!.sql.join("\n")).toMatch(/FROM leads/);
  });

  it("a write opens no session: it and its read-back stay on the primary", async () => {
    const rec = recordingDb();
    const res = await call("/api/v1/tokens", rec.wrapped, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "replica test", scopes: ["sales"] }),
    });
    expect(res.status).toBe(201);
    expect(rec.sessions).toHaveLength(0);
    expect(rec.primary.join("\n")).toMatch(/insert into "api_tokens"/i);
  });

  it("drizzle runs over a D1 session: builder queries and batches, seeing the primary's writes", async () => {
    const before = await env.DB.prepare("SELECT count(*) AS n FROM leads").first<{ n: number }>();
    await env.DB.prepare(
      "INSERT INTO leads (email, referral_code, created_at, updated_at) VALUES ('replica@example.com', 'rr-1', 1, 1)",
    ).run();
    const db = replicaDb(env.DB);
    const [row] = await db.select({ n: count() }).from(leads);
    expect(row!.n).toBe(before!.n + 1);
    const [a, b] = await db.batch([db.select({ n: count() }).from(leads), db.select().from(leads)]);
    expect(a[0]!.n).toBe(before!.n + 1);
    expect(b.map((l) => l.email)).toContain("replica@example.com");
  });
});
