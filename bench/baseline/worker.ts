// Bench baselines, run beside Lodestone in the same bench run:
//   GET  /static -> A: a static HTML response, no I/O (what the landing page is compared with);
//   POST /insert -> B: reads the JSON body and inserts one row into D1 (what the gate is compared with).
interface Env {
  DB: D1Database;
}

const PAGE =
  "<!doctype html><html lang=en><meta charset=utf-8><title>baseline</title><p>static baseline</p></html>";

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (request.method === "GET" && pathname === "/static") {
      return new Response(PAGE, {
        headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
      });
    }
    if (request.method === "POST" && pathname === "/insert") {
      const body = (await request.json()) as { email?: unknown };
      if (typeof body.email !== "string")
        return Response.json({ error: "email required" }, { status: 400 });
      const { meta } = await env.DB.prepare("INSERT INTO hits (email, at) VALUES (?, ?)")
        .bind(body.email, Date.now())
        .run();
      // rows_written lets the bench check that the baseline really writes one row per request.
      return Response.json({ ok: true, rows_written: meta.rows_written }, { status: 201 });
    }
    return new Response("not found", { status: 404 });
  },
} satisfies ExportedHandler<Env>;
