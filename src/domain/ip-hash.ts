// The IP address a consent came from, kept only as a keyed hash: provable when the address is presented, never readable.
import { base64Url } from "./encoding";

const enc = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

/**
 * HMAC-SHA256 under a key derived from SIGNING_SECRET for this one purpose (so the hash is no signature of
 * anything else). Without the secret nobody can test guesses of an address against it; with it, an operator
 * can show that a given address is the one a consent came from.
 */
function ipKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = (async () => {
      const master = await crypto.subtle.importKey(
        "raw",
        enc.encode(secret),
        { name: "HMAC", hash: "SHA-256" },
        false,
        ["sign"],
      );
      const derived = await crypto.subtle.sign(
        "HMAC",
        master,
        enc.encode("lodestone/consent-ip/v1"),
      );
      return crypto.subtle.importKey("raw", derived, { name: "HMAC", hash: "SHA-256" }, false, [
        "sign",
      ]);
    })();
    keys.set(secret, key);
  }
  return key;
}

/** `v1:` and 128 bits of HMAC in base64url; IPv6 addresses are lower-cased first so one address has one hash. */
export async function consentIpHash(secret: string, ip: string): Promise<string> {
  const mac = await crypto.subtle.sign(
    "HMAC",
    await ipKey(secret),
    enc.encode(ip.trim().toLowerCase()),
  );
  return `v1:${base64Url(new Uint8Array(mac).slice(0, 16))}`;
}
