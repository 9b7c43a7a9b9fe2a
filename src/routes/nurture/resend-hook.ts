// POST /hooks/resend: Svix-signed delivery events from Resend; bad signatures 401 and change nothing, replays are ignored.
import { suppressionSecret } from "../../env";
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { AppError, badRequest } from "../../errors";
import { verifyResendSignature } from "../../http/resend-signature";
import { applyResendEvent, resendEvent } from "../../services/nurture/resend-events";

export function registerResendHook(app: Hono<AppEnv>) {
  app.post("/hooks/resend", async (c) => {
    const raw = await c.req.text();
    const id = c.req.header("svix-id");
    const verdict = verifyResendSignature(
      c.get("config").RESEND_WEBHOOK_SECRET,
      c.req.raw.headers,
      raw,
    );
    if (!verdict.ok)
      throw new AppError("UNAUTHORIZED", `The webhook signature is not valid (${verdict.reason})`);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new AppError("BAD_REQUEST", "The body is not valid JSON");
    }
    const parsed = resendEvent.safeParse(json);
    if (!parsed.success)
      throw badRequest(parsed.error, "The webhook payload is not a Resend event");
    const outcome = await applyResendEvent(
      c.get("db"),
      id!,
      parsed.data,
      c.get("now"),
      suppressionSecret(c.get("config")),
    );
    return c.json({ received: true, outcome }, 200);
  });
}
