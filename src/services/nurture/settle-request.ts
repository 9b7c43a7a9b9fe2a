// Turning one Resend answer into ledger updates; a request refused whole is split so one bad email cannot sink the rest.
import type { Config } from "../../env";
import type { SendStatus } from "../../db/schema";
import { idempotencyKey } from "./idempotency";
import { MailConfigError, type OutgoingEmail, type RequestResult } from "./resend-client";

export interface LedgerUpdate {
  id: number;
  status: Extract<SendStatus, "queued" | "sent" | "failed" | "skipped">;
  resendId?: string | null;
  /** A new Idempotency-Key when a refused batch is split into single emails. */
  key?: string;
  error: string | null;
  tries: number;
}

interface Settled {
  updates: LedgerUpdate[];
  requests: number;
  retry: { afterSeconds: number | null } | null;
}

interface Member {
  row: { id: number; enrolment_id: number; step_id: number };
  email: OutgoingEmail;
}

type Send = (emails: OutgoingEmail[], key: string) => Promise<RequestResult>;

async function attempt(send: Send, emails: OutgoingEmail[], key: string): Promise<RequestResult> {
  try {
    return await send(emails, key);
  } catch (err) {
    if (err instanceof MailConfigError)
      return { kind: "retry", message: err.message, afterSeconds: null };
    return { kind: "retry", message: `network: ${(err as Error).message}`, afterSeconds: null };
  }
}

export async function settleRequest(
  _config: Config,
  key: string,
  group: Member[],
  send: Send,
): Promise<Settled> {
  const result = await attempt(
    send,
    group.map((m) => m.email),
    key,
  );
  const settled: Settled = { updates: [], requests: 1, retry: null };
  if (result.kind === "invalid" && group.length > 1) {
    // Nothing of a refused request was created, so each email can go alone under its own (enrolment, step) key.
    // The new key is stored, so a retry after a crash replays the singles, not the refused batch.
    for (const member of group) {
      const single = await idempotencyKey([
        { enrolmentId: member.row.enrolment_id, stepId: member.row.step_id },
      ]);
      const one = await settleRequest(_config, single, [member], send);
      settled.requests += one.requests;
      settled.updates.push(...one.updates.map((u) => ({ ...u, key: single })));
      if (one.retry)
        settled.retry = {
          afterSeconds:
            Math.max(settled.retry?.afterSeconds ?? 0, one.retry.afterSeconds ?? 0) || null,
        };
    }
    return settled;
  }
  group.forEach((m, i) => {
    const id = m.row.id;
    switch (result.kind) {
      case "accepted": {
        const refused = result.errors.get(i);
        settled.updates.push(
          refused
            ? { id, status: "failed", error: `422 validation_error: ${refused}`, tries: 1 }
            : { id, status: "sent", resendId: result.ids[i] ?? null, error: null, tries: 1 },
        );
        break;
      }
      case "invalid":
        settled.updates.push({ id, status: "failed", error: result.message, tries: 1 });
        break;
      case "already_sent":
        // Resend holds this key for another payload, so it accepted this request earlier: never send again.
        settled.updates.push({
          id,
          status: "sent",
          resendId: null,
          error: `accepted earlier under ${key}; Resend id unknown (${result.message})`,
          tries: 1,
        });
        break;
      case "retry":
        settled.updates.push({ id, status: "queued", error: result.message, tries: 1 });
        settled.retry = { afterSeconds: result.afterSeconds };
        break;
    }
  });
  return settled;
}
