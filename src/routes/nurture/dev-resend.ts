// POST /dev/resend/emails and /dev/resend/emails/batch: the local sink, served only when no RESEND_API_KEY is set,
// and only to a client with the sink key (Lodestone's own resend client sends it as its API key).
import type { Context, Hono, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/app-env";
import { AppError } from "../../errors";
import { sameSecret } from "../../http/auth";
import { largeBody } from "../../http/body-limits";
import { acceptEmails, mailSinkKey, sinkRefusal } from "../../services/nurture/mail-sink";

/** Who may post, checked before the body (up to 40 MB) is read. As Resend: no key 401, a wrong one 403. */
const sinkKeyRequired: MiddlewareHandler<AppEnv> = async (c, next) => {
  const config = c.get("config");
  // With a real key configured, mail must go to Resend: the sink does not exist.
  if (config.RESEND_API_KEY) throw new AppError("NOT_FOUND", "No such route");
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
  await next();
};

async function sink(c: Context<AppEnv>, batch: boolean) {
  const answer = await acceptEmails(c.get("db"), await c.req.text(), {
    batch,
    key: c.req.header("idempotency-key") ?? null,
    permissive: c.req.header("x-batch-validation") === "permissive",
    now: c.get("now"),
  });
  return c.json(answer.body as object, answer.status as 200);
}

export function registerDevResend(app: Hono<AppEnv>) {
  app.post("/dev/resend/emails", sinkKeyRequired, largeBody, (c) => sink(c, false));
  app.post("/dev/resend/emails/batch", sinkKeyRequired, largeBody, (c) => sink(c, true));
}
