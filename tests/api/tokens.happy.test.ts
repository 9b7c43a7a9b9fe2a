import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { api, makeToken } from "../support/api";

describe("API tokens", () => {
  it("an admin creates a scoped token that is shown once and works at once", async () => {
    const res = await api("/api/v1/tokens", {
      method: "POST",
      json: { name: "CRM sync", scopes: ["sales"] },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const created = (await res.json()) as {
      id: number;
      token: string;
      prefix: string;
      scopes: string[];
    };
    expect(created.token).toMatch(/^ldst_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created.scopes).toEqual(["sales"]);

    const list = (await (await api("/api/v1/tokens")).json()) as {
      data: Record<string, unknown>[];
    };
    const listed = list.data.find((t) => t.id === created.id)!;
    expect(listed.name).toBe("CRM sync");
    expect(JSON.stringify(list)).not.toContain(created.token);

    const leads = await api("/api/v1/tokens", { token: created.token });
    expect(leads.status).toBe(403); // a sales token is not an admin token, but it is a valid one
  });

  it("stores only the SHA-256 of the secret", async () => {
    const { id, token } = await makeToken(["marketing"]);
    const row = await env.DB.prepare("SELECT hash, prefix FROM api_tokens WHERE id = ?")
      .bind(id)
      .first<{ hash: string; prefix: string }>();
    const digest = [
      ...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token))),
    ]
      .map((b) => b.toString(16).padStart(2, "0"))
      .join("");
    expect(row!.hash).toBe(digest);
    expect(row!.prefix.length).toBeLessThan(token.length);
  });

  it("records when a token was last used", async () => {
    const { id, token } = await makeToken(["admin"]);
    expect((await api("/api/v1/tokens", { token })).status).toBe(200);
    const list = (await (await api("/api/v1/tokens")).json()) as {
      data: { id: number; last_used_at: string | null }[];
    };
    await new Promise((r) => setTimeout(r, 50));
    const again = (await (await api("/api/v1/tokens")).json()) as {
      data: { id: number; last_used_at: string | null }[];
    };
    expect(
      again.data.find((t) => t.id === id)!.last_used_at ??
        list.data.find((t) => t.id === id)!.last_used_at,
    ).not.toBeNull();
  });

  it("a revoked token stops working and shows when it was revoked", async () => {
    const { id, token } = await makeToken(["admin"]);
    const res = await api(`/api/v1/tokens/${id}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { revoked_at: string | null }).revoked_at).not.toBeNull();
    expect((await api("/api/v1/tokens", { token })).status).toBe(401);
  });
});
