// Email normalisation: one lead per address however it is typed.
import { z } from "zod";
import { sha256Hex } from "./encoding";

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

/** SHA-256 of the normalised address, hex: how suppressions remember an erased person. */
export async function emailHash(email: string): Promise<string> {
  return sha256Hex(normaliseEmail(email));
}
