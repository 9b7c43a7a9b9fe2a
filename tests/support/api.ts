// Calling the JSON API in tests: bearer tokens, scoped tokens made through the API itself, leads via the gate.
import { env } from "cloudflare:workers";
import { fetchWorker, postJson } from "./http";
import type { Scope } from "../../src/db/schema";

export const adminToken = () => env.ADMIN_TOKEN;

export function api(
  path: string,
  init: RequestInit & { token?: string | null; json?: unknown } = {},
) {
  const headers = new Headers(init.headers);
  const token = init.token === undefined ? adminToken() : init.token;
  if (token) headers.set("authorization", `Bearer ${token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  return fetchWorker(path, { ...init, headers, body });
}

/** A fresh token with these scopes, created through POST /api/v1/tokens. */
export async function makeToken(
  scopes: Scope[],
  name = "test token",
): Promise<{ id: number; token: string }> {
  const res = await api("/api/v1/tokens", { method: "POST", json: { name, scopes } });
  if (res.status !== 201)
    throw new Error(`token creation failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: number; token: string };
}

/** A lead captured through the public gate; returns its id. */
export async function captureViaGate(
  slug: string,
  fields: Record<string, unknown>,
): Promise<number> {
  const res = await postJson(`/p/${slug}`, fields);
  const body = (await res.json()) as { lead_id: number };
  if (res.status >= 300) throw new Error(`gate failed: ${res.status} ${JSON.stringify(body)}`);
  return body.lead_id;
}
