// The queue consumer's side of nurture: render each queued send and deliver it through Resend, exactly once.
import type { Bindings, Config, Db } from "../../env";
import { linkOrigin, loadConfig, suppressionSecret } from "../../env";
import { getDb } from "../../db/client";
import { batch } from "../../store/batch";
import { failedDeliveryEvents, queuedSendsToDeliver, settleSends } from "../../store/sends";
import { suppressionsAmong } from "../../store/suppressions";
import { oneLineHeader } from "../../domain/header-value";
import { emailHashes, type EmailHashes } from "../../domain/email-address";
import type { NurtureSendMessage } from "../../queue/messages";
import { findEmailTemplate } from "../../../templates/emails";
import { OPTIN_TEMPLATE_ID } from "../../../templates/emails/optin";
import { renderCopy, renderEmail } from "./render-email";
import { brandOf, loadSettings, type Brand } from "../settings/settings";
import { copiesOfSteps, type EmailCopy } from "../../store/email-copies";
import { copyValuesOf } from "./copy-variables";
import { emailVariables, localeOf, sessionLinks, type SendRow } from "./email-variables";
import { unsubscribeUrl } from "./links";
import { sendEmailBatch, type OutgoingEmail } from "./resend-client";
import { settleRequest, type LedgerUpdate } from "./settle-request";
import { log } from "../../platform/logger";

interface DeliverOptions {
  /** Seconds to wait before attempt n+1 when Resend gave no retry-after; a parameter so tests can run the retry path. */
  backoff: (attempt: number) => number;
}
/** 30 s, 1 min, 2 min … capped at 2 h: eight tries stay well inside Resend's 24-hour idempotency window. */
export const exponentialBackoff = (attempt: number) =>
  Math.min(30 * 2 ** Math.max(0, attempt - 1), 7200);
const MAX_QUEUE_DELAY = 43_200;

export interface DeliveryItem {
  msg: Pick<Message<unknown>, "ack" | "retry" | "attempts">;
  body: NurtureSendMessage;
}

interface DeliveryReport {
  sent: number;
  failed: number;
  skipped: number;
  retried: number;
  requests: number;
  rowsRead: number;
  rowsWritten: number;
}

const tagValue = (v: string) => v.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 256);

/** A step's copy from D1 renders its send; a step written before copy lived in D1 renders from its code template. */
async function compose(
  row: SendRow,
  config: Config,
  origin: string,
  brand: Brand,
  copy: EmailCopy | undefined,
): Promise<OutgoingEmail> {
  const templateId = row.step_id === 0 ? OPTIN_TEMPLATE_ID : row.template;
  const template = templateId ? findEmailTemplate(templateId) : null;
  if (!template && !copy)
    throw new Error(`No email template "${templateId}" for step ${row.step_id}`);
  const unsubscribe = await unsubscribeUrl(origin, config.SIGNING_SECRET, {
    l: row.lead_id,
    s: row.id,
  });
  const links = await sessionLinks(row, origin, config.SIGNING_SECRET);
  const vars = await emailVariables(row, origin, config.SIGNING_SECRET, unsubscribe, links);
  const ctx = {
    origin,
    secret: config.SIGNING_SECRET,
    sendId: row.id,
    unsubscribeUrl: unsubscribe,
    brand,
    calendar: row.session_status === "scheduled" ? (links?.calendar ?? null) : null,
  };
  const email = copy
    ? await renderCopy(copy, localeOf(row), copyValuesOf(vars, row.company), ctx)
    : await renderEmail(template!, localeOf(row), vars, ctx);
  return {
    from: config.EMAIL_FROM,
    to: row.email,
    // Folded here whatever the template and asset title held: a Subject is one header line.
    subject: oneLineHeader(email.subject),
    html: email.html,
    text: email.text,
    headers: {
      "List-Unsubscribe": `<${unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    tags: [
      { name: "asset", value: tagValue(row.slug) },
      { name: "step", value: row.step_id === 0 ? "optin" : String(row.position) },
      { name: "send", value: String(row.id) },
    ],
  };
}

export async function deliverNurtureSends(
  env: Bindings,
  items: DeliveryItem[],
  opts: DeliverOptions = { backoff: exponentialBackoff },
): Promise<DeliveryReport> {
  const report: DeliveryReport = {
    sent: 0,
    failed: 0,
    skipped: 0,
    retried: 0,
    requests: 0,
    rowsRead: 0,
    rowsWritten: 0,
  };
  const meter = (r: D1Result) => {
    report.rowsRead += r.meta.rows_read ?? 0;
    report.rowsWritten += r.meta.rows_written ?? 0;
  };
  const config = loadConfig(env);
  const db = getDb(env.DB);
  const loaded = await queuedSendsToDeliver(
    db,
    items.flatMap((i) => i.body.sendIds),
  );
  meter(loaded);
  const rows = new Map(loaded.results.map((r) => [r.id, r]));
  const copies = await copiesOfSteps(
    db,
    loaded.results.map((r) => r.step_id),
  );
  // The lead's locale, else English: authoring writes both, so the fallback only covers a hand-made row.
  const copyOf = (r: SendRow) =>
    copies.find((c) => c.stepId === r.step_id && c.locale === localeOf(r)) ??
    copies.find((c) => c.stepId === r.step_id && c.locale === "en");

  // Suppression is checked again at send time: an unsubscribe may have landed after the tick.
  // Keyed and legacy hashes both: rows from before keying still suppress (decision 0007).
  const secret = suppressionSecret(config);
  const hashes = new Map<number, EmailHashes>();
  for (const r of rows.values()) hashes.set(r.id, await emailHashes(r.email, secret));
  const suppressed = await suppressionsAmong(db, [
    ...new Set([...hashes.values()].flatMap((h) => [h.keyed, h.legacy])),
  ]);
  meter(suppressed);
  const byHash = new Map(suppressed.results.map((s) => [s.emailHash, s.reason]));
  const suppressionOf = (id: number) => {
    const h = hashes.get(id)!;
    return byHash.get(h.keyed) ?? byHash.get(h.legacy);
  };

  const updates: LedgerUpdate[] = [];
  const retryAfter = new Map<DeliveryItem, number>();
  // Without PUBLIC_BASE_URL nothing is composed: the sends stay queued with the problem recorded and are retried.
  const links = linkOrigin(config);
  const origin = links.ok ? links.origin : null;
  const configProblem = links.ok ? null : links.problem;
  if (configProblem) log.error("nurture sends held: configuration", { problem: configProblem });
  // The workspace's name, logo, colour and postal address in every email's header and footer.
  const brand = brandOf(await loadSettings(db), origin ?? "");

  for (const item of items) {
    const mine = item.body.sendIds.map((id) => rows.get(id)).filter((r): r is SendRow => !!r);
    const byKey = new Map<string, { row: SendRow; email: OutgoingEmail }[]>();
    for (const row of mine) {
      const suppression = suppressionOf(row.id);
      const reason = suppression
        ? `suppressed: ${suppression}`
        : row.erased_at !== null
          ? "lead erased"
          : row.enrolment_status === "stopped"
            ? "enrolment stopped"
            : null;
      if (reason) {
        updates.push({ id: row.id, status: "skipped", error: reason, tries: 0 });
        continue;
      }
      if (configProblem || !origin) continue; // retried below with the problem recorded
      try {
        const email = await compose(row, config, origin, brand, copyOf(row));
        (byKey.get(row.batch_key) ?? byKey.set(row.batch_key, []).get(row.batch_key)!).push({
          row,
          email,
        });
      } catch (err) {
        updates.push({
          id: row.id,
          status: "failed",
          error: `render: ${(err as Error).message}`,
          tries: 1,
        });
      }
    }
    if (configProblem) {
      for (const r of mine.filter((r) => !updates.some((u) => u.id === r.id))) {
        updates.push({ id: r.id, status: "queued", error: configProblem, tries: 1 });
      }
      retryAfter.set(item, opts.backoff(item.msg.attempts));
      continue;
    }
    for (const [key, group] of byKey) {
      const settled = await settleRequest(config, key, group, (emails, k) =>
        sendEmailBatch(config, emails, k),
      );
      report.requests += settled.requests;
      updates.push(...settled.updates);
      if (settled.retry)
        retryAfter.set(
          item,
          Math.max(
            retryAfter.get(item) ?? 0,
            settled.retry.afterSeconds ?? opts.backoff(item.msg.attempts),
          ),
        );
    }
  }

  if (updates.length) (await writeLedger(db, updates, Date.now())).forEach(meter);
  for (const u of updates) {
    if (u.status === "sent") report.sent++;
    else if (u.status === "failed") report.failed++;
    else if (u.status === "skipped") report.skipped++;
  }
  for (const item of items) {
    const delay = retryAfter.get(item);
    if (delay === undefined) item.msg.ack();
    else {
      report.retried++;
      item.msg.retry({ delaySeconds: Math.min(Math.max(0, Math.ceil(delay)), MAX_QUEUE_DELAY) });
    }
  }
  return report;
}

/** One batch records every outcome; failures also land in the event log. Rows already settled are left alone. */
function writeLedger(db: Db, updates: LedgerUpdate[], now: number) {
  const failed = updates.filter((u) => u.status === "failed").map((u) => u.id);
  return batch(db, [
    ...(failed.length ? [failedDeliveryEvents(failed, now)] : []),
    settleSends(updates, now),
  ]);
}
