// The Idempotency-Key of a Resend request, derived from the (enrolment, step) pairs it carries.
import { sha256Hex } from "../../domain/encoding";

interface SendPair {
  enrolmentId: number;
  stepId: number;
}

/**
 * Resend keys a whole request, so a batch's key names exactly its pairs: a single email's key is
 * its own (enrolment, step); a batch's is the hash of its sorted pairs. Replaying the same request
 * with the same key within 24 hours returns the first answer without sending again.
 */
export async function idempotencyKey(pairs: SendPair[]): Promise<string> {
  if (!pairs.length) throw new Error("A request needs at least one email");
  if (pairs.length === 1) return `lodestone/send/${pairs[0]!.enrolmentId}/${pairs[0]!.stepId}`;
  const canonical = pairs
    .map((p) => `${p.enrolmentId}:${p.stepId}`)
    .sort()
    .join(",");
  return `lodestone/batch/${await sha256Hex(canonical)}`;
}
