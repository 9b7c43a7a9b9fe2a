// A lead's own share code: 10 characters from an unambiguous alphabet (~50 bits).
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

export function newReferralCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
}

export const REFERRAL_CODE = /^[2-9a-z]{6,16}$/;
