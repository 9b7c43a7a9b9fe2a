// Resend signs its webhooks with Svix (`svix-id`, `svix-timestamp`, `svix-signature`): verified with the svix package.
// The deep import takes only the verifier; the package's main entry also loads Svix's whole API client.
import { Webhook, WebhookVerificationError } from "svix/dist/webhook";

type ResendSignature = { ok: true } | { ok: false; reason: string };

/** Checks the signature over the raw body and that the timestamp is within five minutes (Svix's tolerance). */
export function verifyResendSignature(
  secret: string | undefined,
  headers: Headers,
  rawBody: string,
): ResendSignature {
  if (!secret) return { ok: false, reason: "no webhook secret is configured" };
  const svix = {
    "svix-id": headers.get("svix-id") ?? "",
    "svix-timestamp": headers.get("svix-timestamp") ?? "",
    "svix-signature": headers.get("svix-signature") ?? "",
  };
  try {
    new Webhook(secret).verify(rawBody, svix);
    return { ok: true };
  } catch (err) {
    if (err instanceof WebhookVerificationError) return { ok: false, reason: err.message };
    // A secret that is not base64 after whsec_ cannot verify anything.
    return { ok: false, reason: "the webhook secret cannot be read" };
  }
}
