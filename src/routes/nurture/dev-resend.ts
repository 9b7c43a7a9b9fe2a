// POST /dev/resend/emails and /dev/resend/emails/batch: the local sink, served only when no RESEND_API_KEY is set.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { AppError } from "../../errors";
import { acceptEmails } from "../../services/nurture/mail-sink";

async function sink(c: Context<AppEnv>, batch: boolean) {
  // With a real key configured, mail must go to Resend: the sink does not exist.
  if (c.get("config").RESEND_API_KEY) throw new AppError("NOT_FOUND", "No such route");
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
