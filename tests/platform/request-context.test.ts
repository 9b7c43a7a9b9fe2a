// Every answer carries a request id, and every request leaves one JSON log line a Workers Logs query can find.
import { describe, it, expect, vi, afterEach } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../src/index";
import { fetchWorker } from "../support/http";

afterEach(() => vi.restoreAllMocks());

async function withInfoLogs(req: Request) {
  const lines: Record<string, unknown>[] = [];
  const capture = (line: unknown) => {
    try {
      lines.push(JSON.parse(String(line)));
    } catch {
      /* not one of ours */
    }
  };
  vi.spyOn(console, "log").mockImplementation(capture);
  vi.spyOn(console, "warn").mockImplementation(capture);
  vi.spyOn(console, "error").mockImplementation(capture);
  const ctx = createExecutionContext();
  const res = await worker.fetch!(
    req as Request<unknown, IncomingRequestCfProperties>,
    { ...env, LOG_LEVEL: "info" },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return { res, lines };
}

describe("request id and logs", () => {
  it("answers with an x-request-id, Cloudflare's ray id when there is one", async () => {
    const plain = await fetchWorker("/p/no-such-asset");
    expect(plain.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const rayed = await fetchWorker("/api/v1/leads", {
      headers: { "cf-ray": "8f1e2d3c4b5a6978-SJC" },
    });
    expect(rayed.status).toBe(401);
    expect(rayed.headers.get("x-request-id")).toBe("8f1e2d3c4b5a6978-SJC");
  });

  it("ignores a ray header that is not a ray id (it could forge log lines)", async () => {
    const res = await fetchWorker("/p/no-such-asset", {
      headers: { "cf-ray": '","level":"error' },
    });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs one JSON line per request with its id, the matched route (never the raw path), status and duration", async () => {
    const { res, lines } = await withInfoLogs(
      new Request("https://lodestone.test/d/secret-token-value", {
        headers: { "cf-ray": "abc123-LHR" },
      }),
    );
    const line = lines.find((l) => l.message === "request");
    expect(line).toMatchObject({
      level: "info",
      request_id: "abc123-LHR",
      method: "GET",
      route: "/d/:token",
      status: res.status,
    });
    expect(typeof line!.duration_ms).toBe("number");
    expect(JSON.stringify(lines)).not.toContain("secret-token-value");
  });

  it("a refused request is logged with its status and the same id", async () => {
    const { lines } = await withInfoLogs(
      new Request("https://lodestone.test/api/v1/leads", { headers: { "cf-ray": "def456-LHR" } }),
    );
    expect(lines.find((l) => l.message === "request")).toMatchObject({
      request_id: "def456-LHR",
      status: 401,
      level: "info",
    });
  });
});
