// Verifying a Svix-signed webhook (Resend's): HMAC-SHA256 over "id.timestamp.body" with the whsec_ secret.
const enc = new TextEncoder();

export interface SvixHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

export type SvixVerdict = { ok: true } | { ok: false; reason: "missing_headers" | "stale" | "bad_signature" | "no_secret" };

export const TOLERANCE_SECONDS = 5 * 60;

function secretBytes(secret: string): Uint8Array {
  const b64 = secret.startsWith("whsec_") ? secret.slice(6) : secret;
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

function b64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Constant-time comparison of two base64 signatures. */
function same(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export async function verifySvix(secret: string | undefined, h: SvixHeaders, rawBody: string, nowMs: number): Promise<SvixVerdict> {
  if (!secret) return { ok: false, reason: "no_secret" };
  if (!h.id || !h.timestamp || !h.signature || !/^\d{1,12}$/.test(h.timestamp)) return { ok: false, reason: "missing_headers" };
  if (Math.abs(nowMs / 1000 - Number(h.timestamp)) > TOLERANCE_SECONDS) return { ok: false, reason: "stale" };
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey("raw", secretBytes(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  } catch {
    return { ok: false, reason: "no_secret" };
  }
  const expected = b64(new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode(`${h.id}.${h.timestamp}.${rawBody}`))));
  // The header may carry several space-separated "v1,<sig>" entries while secrets rotate.
  const valid = h.signature.split(" ").some((part) => {
    const [version, sig] = part.split(",");
    return version === "v1" && !!sig && same(sig, expected);
  });
  return valid ? { ok: true } : { ok: false, reason: "bad_signature" };
}
