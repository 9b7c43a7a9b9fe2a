// A tiny browser for dashboard tests: signs in with a token, keeps the cookie, posts forms with Origin and CSRF.
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { BASE, fetchWorker } from "../../support/http";

export interface Session {
  cookie: string;
  get(path: string): Promise<Response>;
  /** Posts a form like a browser: same Origin, the page's CSRF token unless one is given. */
  post(
    path: string,
    fields: Record<string, string>,
    opts?: { csrf?: string | null; origin?: string; files?: Record<string, File> },
  ): Promise<Response>;
  csrf(): Promise<string>;
}

export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error("no CSRF field on the page");
  return m[1]!;
}

export async function login(token = env.ADMIN_TOKEN, locale = "en"): Promise<Session> {
  const res = await fetchWorker("/admin/login", {
    method: "POST",
    body: new URLSearchParams({ token, locale, next: "/admin" }),
    headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE },
  });
  expect(res.status, await res.clone().text()).toBe(303);
  return sessionOf(res.headers.get("set-cookie")!.split(";")[0]!);
}

/** A browser holding this session cookie. */
export function sessionOf(cookie: string): Session {
  const session: Session = {
    cookie,
    get: (path) => fetchWorker(path, { headers: { cookie } }),
    csrf: async () => csrfOf(await (await session.get("/admin/spend")).text()),
    post: async (path, fields, opts = {}) => {
      const csrf = opts.csrf === undefined ? await session.csrf() : opts.csrf;
      const all = { ...fields, ...(csrf === null ? {} : { _csrf: csrf }) };
      let body: BodyInit;
      const headers: Record<string, string> = { cookie, origin: opts.origin ?? BASE };
      if (opts.files) {
        const fd = new FormData();
        for (const [k, v] of Object.entries(all)) fd.append(k, v);
        for (const [k, f] of Object.entries(opts.files)) fd.append(k, f);
        body = fd;
      } else {
        body = new URLSearchParams(all);
        headers["content-type"] = "application/x-www-form-urlencoded";
      }
      return fetchWorker(path, { method: "POST", body, headers });
    },
  };
  return session;
}
