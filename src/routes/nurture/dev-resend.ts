// POST /dev/resend/emails and /dev/resend/emails/batch: the local sink, served only when no RESEND_API_KEY is set,
// and only to a client with the sink key (Lodestone's own resend client sends it as its API key).
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { AppError } from "../../errors";
import { sameSecret } from "../../http/auth";
import { acceptEmails, mailSinkKey, sinkRefusal } from "../../services/nurture/mail-sink";

async function sink(c: Context<AppEnv>, batch: boolean) {
  const config = c.get("config");
  // With a real key configured, mail must go to Resend: the sink does not exist.
  if (config.RESEND_API_KEY) throw new AppError("NOT_FOUND", "No such route");
  // As Resend: no key is 401 (missing_api_key), a wrong one 403 (invalid_api_key).
  const sent = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  if (!sent) {
    const answer = sinkRefusal(
      401,
      "missing_api_key",
      "Missing API key in the authorization header",
    );
    return c.json(answer.body as object, 401);
  }
  if (!(await sameSecret(sent, await mailSinkKey(config)))) {
    const answer = sinkRefusal(403, "invalid_api_key", "API key is invalid");
    return c.json(answer.body as object, 403);
  }
  const answer = await acceptEmails(c.get("db"), await c.req.text(), {
    batch,
    key: c.req.header("idempotency-key") ?? null,
    permissive: c.req.header("x-batch-validation") === "permissive",
    now: c.get("now"),
  });
  return c.json(answer.body as object, answer.status as 200);
}

export function registerDevResend(app: Hono<AppEnv>) {
  app.post("/dev/resend/emails", (c) => sink(c, false));
  app.post("/dev/resend/emails/batch", (c) => sink(c, true));
}
