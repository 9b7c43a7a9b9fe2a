// Requests to the Worker under test, through its real fetch handler.
import { exports } from "cloudflare:workers";

export const BASE = "https://lodestone.test";
let ipCounter = 0;
/** A fresh client IP per call unless one is given, so the per-IP limit only bites where a test wants it. */
export function nextIp() {
  ipCounter++;
  return `203.0.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

export function fetchWorker(path: string, init: RequestInit & { ip?: string } = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has("cf-connecting-ip")) headers.set("cf-connecting-ip", init.ip ?? nextIp());
  return exports.default.fetch(
    new Request(new URL(path, BASE), { ...init, headers, redirect: "manual" }),
  );
}

export function postForm(
  path: string,
  fields: Record<string, string | string[]>,
  init: RequestInit & { ip?: string } = {},
) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return fetchWorker(path, {
    ...init,
    method: "POST",
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(init.headers as Record<string, string>),
    },
  });
}

/** A browser's form post: a 303 answer is followed to the page it names (GET), as a browser would. */
export async function submitForm(
  path: string,
  fields: Record<string, string | string[]>,
  init: RequestInit & { ip?: string } = {},
) {
  const res = await postForm(path, fields, init);
  const location = res.headers.get("location");
  if (res.status !== 303 || !location) return res;
  return fetchWorker(location, { ip: init.ip });
}

export function postJson(path: string, json: unknown, init: RequestInit & { ip?: string } = {}) {
  return fetchWorker(path, {
    ...init,
    method: "POST",
    body: typeof json === "string" ? json : JSON.stringify(json),
    headers: { "content-type": "application/json", ...(init.headers as Record<string, string>) },
  });
}
