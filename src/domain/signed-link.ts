// Signed, expiring link tokens (download, thank-you page, unsubscribe, click, opt-in): payload.signature, HMAC-SHA256.
import { base64Url, fromBase64Url } from "./encoding";

const enc = new TextEncoder();

type LinkPurpose = "download" | "thanks" | "unsubscribe" | "click" | "open" | "optin" | "calendar";

type VerifyResult<P> =
  | { ok: true; payload: P }
  | { ok: false; reason: "tampered" | "expired"; payload?: P };

const keys = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey(
      "raw",
      enc.encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    keys.set(secret, key);
  }
  return key;
}

/** `exp` is epoch seconds; null means the link never expires (unsubscribe links). */
export async function signLink<P extends object>(
  secret: string,
  purpose: LinkPurpose,
  payload: P,
  exp: number | null,
): Promise<string> {
  const body = base64Url(enc.encode(JSON.stringify({ p: purpose, e: exp, d: payload })));
  const sig = new Uint8Array(
    await crypto.subtle.sign("HMAC", await hmacKey(secret), enc.encode(body)),
  );
  return `${body}.${base64Url(sig)}`;
}

export async function verifyLink<P>(
  secret: string,
  purpose: LinkPurpose,
  token: string,
  nowMs: number,
): Promise<VerifyResult<P>> {
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined || token.length > 4096)
    return { ok: false, reason: "tampered" };
  let valid = false;
  try {
    valid = await crypto.subtle.verify(
      "HMAC",
      await hmacKey(secret),
      fromBase64Url(sig),
      enc.encode(body),
    );
  } catch {
    return { ok: false, reason: "tampered" };
  }
  if (!valid) return { ok: false, reason: "tampered" };
  const claims = JSON.parse(new TextDecoder().decode(fromBase64Url(body))) as {
    p: string;
    e: number | null;
    d: P;
  };
  if (claims.p !== purpose) return { ok: false, reason: "tampered" };
  if (claims.e !== null && claims.e * 1000 < nowMs)
    return { ok: false, reason: "expired", payload: claims.d };
  return { ok: true, payload: claims.d };
}
