// Who is asking, as far as a request tells: a person's browser, Apple's mail proxy, a link scanner.
import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import type { RequestSignals } from "../domain/machine-traffic";
import { clientIp } from "./context";

export function requestSignals(c: Context<AppEnv>): RequestSignals {
  return {
    userAgent: c.req.header("user-agent") ?? null,
    ip: clientIp(c),
    method: c.req.method,
    // Browsers and proxies say so when nobody asked for the page yet (Sec-Purpose: prefetch).
    purpose:
      c.req.header("sec-purpose") ?? c.req.header("purpose") ?? c.req.header("x-purpose") ?? null,
  };
}
