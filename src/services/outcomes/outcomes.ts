// Sales reports back: accepted, won (with amount), lost. Idempotent on external_id; moves the stage and credits the lead's touches.
import { salesOutcomeReason } from "../../domain/stage-reasons";
import type { SQL } from "drizzle-orm";
import type { Config, Db } from "../../env";
import { AppError } from "../../errors";
import { batch } from "../../store/batch";
import type { Stage } from "../../db/schema";
import { recordEvent } from "../../store/events";
import { isStaleGuard } from "../../store/guard";
import { stageGuard, stageUpdate } from "../../store/leads";
import { findOutcomeByExternalId, outcomeInsert, type OutcomeRecord } from "../../store/outcomes";
import { creditConversion } from "../reports/credit";
import { stageChangeStatements } from "../qualification/stage";
import { announcementStatements, queueAnnounced, readEndpoints } from "../qualification/announce";
import { loadSummaryRows, summaryFromRows } from "../leads/lead-summary";
import { convertMinor, isCurrencyCode, minorDigits, parseRate } from "../../domain/money";
import { rateOnOrBefore } from "../../store/exchange-rates";
import { utcDay } from "../../domain/calendar-day";

type OutcomeStage = "accepted" | "won" | "lost";
interface OutcomeInput {
  stage: OutcomeStage;
  amount?: number;
  currency?: string;
  reason?: string;
  externalId: string;
}
type OutcomeRow = {
  id: number;
  lead_id: number;
  stage: OutcomeStage;
  amount_minor: number | null;
  currency: string | null;
  reason: string | null;
  external_id: string;
  at: number;
};

const STAGE_FOR: Record<OutcomeStage, Stage> = {
  accepted: "sql",
  won: "customer",
  lost: "disqualified",
};

/** A decimal amount in major units as integer minor units; null when it has more decimals than the currency. */
function toMinor(amount: number, currency: string): number | null {
  const scaled = amount * 10 ** minorDigits(currency);
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : null;
}

const bad = (field: string, message: string) =>
  new AppError("BAD_REQUEST", message, { details: { fields: { [field]: [message] } } });

/** Checks money against the reporting currency; returns the amount in minor units (null when none). */
function moneyOf(input: OutcomeInput, config: Pick<Config, "REPORTING_CURRENCY">): number | null {
  if (input.stage === "won" && input.amount === undefined)
    throw bad("amount", "A won outcome needs the deal's amount");
  if (input.amount === undefined) return null;
  const currency = (input.currency ?? "").toUpperCase();
  if (!currency) throw bad("currency", `Give the amount's currency (${config.REPORTING_CURRENCY})`);
  if (!isCurrencyCode(currency)) throw bad("currency", "Use an ISO 4217 currency code such as USD");
  const minor = toMinor(input.amount, currency);
  if (minor === null)
    throw bad("amount", `${currency} has ${minorDigits(currency)} decimal places`);
  return minor;
}

/**
 * Revenue in the reporting currency at the rate of the outcome's day (the latest on or before it). Another
 * currency with no such rate is refused, naming it: revenue is never guessed, and a rollup cannot be
 * converted later.
 */
async function inReportingCurrency(
  db: Db,
  amountMinor: number | null,
  input: OutcomeInput,
  config: Pick<Config, "REPORTING_CURRENCY">,
  now: number,
): Promise<number | null> {
  if (amountMinor === null) return null;
  const currency = (input.currency ?? "").toUpperCase();
  if (currency === config.REPORTING_CURRENCY) return amountMinor;
  const day = utcDay(now);
  const rate = parseRate((await rateOnOrBefore(db, currency, day)) ?? "");
  if (rate === null)
    throw bad(
      "currency",
      `No exchange rate for ${currency} on or before ${day}: set one (PUT /api/v1/exchange-rates) or send the amount in ${config.REPORTING_CURRENCY}`,
    );
  return convertMinor(amountMinor, currency, config.REPORTING_CURRENCY, rate);
}

const rowOf = (r: OutcomeRecord): OutcomeRow => ({
  id: r.id,
  lead_id: r.leadId,
  stage: r.stage,
  amount_minor: r.amountMinor,
  currency: r.currency,
  reason: r.reason,
  external_id: r.externalId!,
  at: r.at,
});

async function findByExternalId(db: Db, externalId: string): Promise<OutcomeRow | undefined> {
  const row = await findOutcomeByExternalId(db, externalId);
  return row && rowOf(row);
}

function sameOutcome(
  row: OutcomeRow,
  leadId: number,
  input: OutcomeInput,
  amountMinor: number | null,
) {
  return row.lead_id === leadId && row.stage === input.stage && row.amount_minor === amountMinor;
}

function replayOf(
  row: OutcomeRow,
  leadId: number,
  input: OutcomeInput,
  amountMinor: number | null,
): { outcome: OutcomeRow; created: false } {
  if (!sameOutcome(row, leadId, input, amountMinor))
    throw new AppError(
      "CONFLICT",
      `external_id ${input.externalId} was already reported with different details`,
      {
        details: {
          existing: { lead_id: row.lead_id, stage: row.stage, amount_minor: row.amount_minor },
        },
      },
    );
  return { outcome: row, created: false };
}

/**
 * Records an outcome. A repeat with the same external_id and details returns the first one (created: false);
 * different details are a 409. A new outcome moves the lead's stage, writes history, credits the rollup
 * (accepted; won with revenue, which implies accepted when sales skipped that step) and announces the stage change.
 */
export async function recordOutcome(
  deps: { db: Db; webhooks: Queue; config: Pick<Config, "REPORTING_CURRENCY"> },
  leadId: number,
  input: OutcomeInput,
  now: number,
): Promise<{ outcome: OutcomeRow; created: boolean }> {
  const { db } = deps;
  const amountMinor = moneyOf(input, deps.config);
  const revenueMinor = await inReportingCurrency(db, amountMinor, input, deps.config, now);
  const existing = await findByExternalId(db, input.externalId);
  if (existing) return replayOf(existing, leadId, input, amountMinor);

  const [rows, endpoints] = await Promise.all([loadSummaryRows(db, leadId), readEndpoints(db)]);
  const lead = rows.lead;
  if (!lead) throw new AppError("NOT_FOUND", "No lead has this id");
  if (lead.erasedAt !== null) throw new AppError("GONE", "This lead's personal data was erased");

  const from = lead.stage;
  const to = STAGE_FOR[input.stage];
  const moves = from !== to;
  const currency = amountMinor === null ? null : (input.currency ?? "").toUpperCase();
  const statements: SQL[] = [
    stageGuard(leadId, from),
    outcomeInsert({
      leadId,
      stage: input.stage,
      amountMinor,
      currency,
      reason: input.reason ?? null,
      externalId: input.externalId,
      at: now,
    }),
    recordEvent({
      leadId,
      type: "outcome_reported",
      at: now,
      data: { stage: input.stage, external_id: input.externalId, amount_minor: amountMinor },
    }),
  ];
  const reason = salesOutcomeReason(input.stage, input.reason);
  if (moves) {
    statements.push(stageUpdate(db, leadId, to, now));
    statements.push(...stageChangeStatements({ leadId, from, to, reason, at: now }));
  }
  const wasAccepted = from === "sql" || from === "customer";
  if (input.stage === "accepted" && moves && !wasAccepted)
    statements.push(...creditConversion(leadId, "accepted", 1, now));
  if (input.stage === "won") {
    if (!wasAccepted) statements.push(...creditConversion(leadId, "accepted", 1, now));
    statements.push(...creditConversion(leadId, "won", 1, now, { revenueMinor: revenueMinor! }));
  }
  const deliveryAt = statements.length;
  if (moves) {
    const summary = summaryFromRows(rows)!;
    const lead = { ...summary, stage: to, updated_at: new Date(now).toISOString() };
    statements.push(
      ...announcementStatements(
        endpoints,
        lead,
        [{ type: "lead.stage_changed", change: { from_stage: from, to_stage: to, reason } }],
        now,
      ),
    );
  }

  let results: D1Result[];
  try {
    results = await batch(db, statements);
  } catch (err) {
    // Two reports at once: the same external_id lost the race to the unique index, or the stage moved under us.
    const raced = await findByExternalId(db, input.externalId);
    if (raced) return replayOf(raced, leadId, input, amountMinor);
    if (isStaleGuard(err))
      throw new AppError(
        "CONFLICT",
        "The lead's stage changed while this outcome was being recorded; send it again",
      );
    throw err;
  }
  await queueAnnounced(deps.webhooks, results.slice(deliveryAt));
  const outcome = await findByExternalId(db, input.externalId);
  return { outcome: outcome!, created: true };
}
