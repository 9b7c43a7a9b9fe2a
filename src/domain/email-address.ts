// Email normalisation: one lead per address however it is typed.
import { z } from "zod";
import { hmacSha256Hex, sha256Hex } from "./encoding";

/** Trim, Unicode-normalise and lower-case; the address is the lead's identity. */
export function normaliseEmail(raw: string): string {
  return raw.normalize("NFC").trim().toLowerCase();
}

// zod's email check, plus: no whitespace or control characters anywhere (they could reach a header).
export const emailSchema = z
  .string()
  .max(254, "Email is too long")
  .transform(normaliseEmail)
  .pipe(
    z
      .email("Enter a valid email address")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
      .refine((e) => !/[\s\x00-\x1f\x7f]/.test(e), "Enter a valid email address"),
  );

/**
 * How suppressions remember an address, erased people included: a keyed hash (HMAC-SHA256 under a key
 * derived from `secret`), so a leaked table cannot be matched against a list of addresses. Rows written
 * before keying hold the bare SHA-256 (`legacy`): both are looked up, only keyed ones are written
 * (docs/decisions/0012-keyed-suppression-hashes.md).
 */
export interface EmailHashes {
  keyed: string;
  legacy: string;
}

const SUPPRESSION_KEY_LABEL = "lodestone/suppression-hash/v1";

export async function emailHashes(email: string, secret: string): Promise<EmailHashes> {
  const address = normaliseEmail(email);
  // A key of its own, derived from the secret, never the secret itself.
  const key = await hmacSha256Hex(secret, SUPPRESSION_KEY_LABEL);
  const [keyed, legacy] = await Promise.all([hmacSha256Hex(key, address), sha256Hex(address)]);
  return { keyed, legacy };
}
