// Each attribution model's per-touch share as SQL: the mirror of touchShares in src/domain/attribution-models.ts.
import { sql, type SQL } from "drizzle-orm";
import type { AttributionModel, JourneyStage } from "../../domain/vocabulary";
import { HALF_LIFE_MS } from "../../domain/attribution-models";

/** Which of a lead's touches a conversion is shared over, and the data-driven weights it uses. */
export interface ShareScope {
  /** Only touches with id <= upTo (the sweep's window end); null: every touch. */
  upTo: number | null;
  /** Only touches at or before this time (a backfilled conversion's moment, may name t); null: no bound. */
  atMost?: SQL | null;
  /** The stage whose data-driven weights apply. */
  stage: JourneyStage;
  /** The markov_weights version data_driven reads (may name t.lead_id); null weights share linearly. */
  version: SQL;
}

/** The weights version the next credit uses: the latest computed. */
export const CURRENT_WEIGHTS = sql`(SELECT max(version) FROM markov_weights)`;
/** The version a lead's data-driven lead credit was last computed with (names the touch t). */
export const CREDITED_WEIGHTS = sql`(SELECT credited_version FROM lead_paths WHERE lead_id = t.lead_id)`;

const LN2 = Math.LN2;
// e^(−y) for y in [0, ln 2) by Horner's rule (13 terms, error < 1e-12): D1 allows no math functions.
const EXP_NEG = (() => {
  let f = 1;
  const c: number[] = [];
  for (let k = 0; k <= 13; k++) {
    if (k) f *= k;
    c.push((k % 2 ? -1 : 1) / f);
  }
  return c.reduceRight((acc, ck, k) => (k === 13 ? `${ck}` : `${ck} + y * (${acc})`), "");
})();

/** 2^(−ageMs / half-life) in SQL: integer halvings by bit shift, the fraction by the polynomial. */
export function halfLifeWeightSql(ageMs: SQL): SQL {
  return sql`(SELECT CASE WHEN n > 62 THEN 0.0 ELSE (${sql.raw(EXP_NEG)}) / (1 << n) END FROM (SELECT n, (x - n) * ${sql.raw(String(LN2))} AS y FROM (SELECT x, CAST(x AS INTEGER) AS n FROM (SELECT max(0.0, (${ageMs}) * 1.0 / ${HALF_LIFE_MS}) AS x))))`;
}

function inScope(s: ShareScope): SQL {
  return sql`${s.upTo === null ? sql`1` : sql`t.id <= ${s.upTo}`}${s.atMost ? sql` AND t.at <= ${s.atMost}` : sql``}`;
}

/**
 * Per-touch lookups (one indexed read each) that some models need besides the touch: w_shaped's
 * milestones, data_driven's channel weight.
 */
function lookups(model: AttributionModel, s: ShareScope): SQL {
  switch (model) {
    case "w_shaped":
      return sql`, (SELECT mql_at FROM leads WHERE id = t.lead_id) AS mql_at, (SELECT min(o.at) FROM outcomes o WHERE o.lead_id = t.lead_id AND o.stage IN ('accepted', 'won')) AS accepted_at`;
    case "data_driven":
      return sql`, coalesce((SELECT weight FROM markov_weights WHERE version = ${s.version} AND stage = ${s.stage} AND channel = t.channel), 0) AS w`;
    default:
      return sql``;
  }
}

/** Figures over each lead's in-scope touches, as window functions (every touch is read once). */
function windows(model: AttributionModel): SQL {
  const n = sql`count(*) OVER lead AS n`;
  const f = sql`min(id) OVER lead AS f`;
  const l = sql`max(id) OVER lead AS l`;
  switch (model) {
    case "first_touch":
      return f;
    case "last_touch":
      return l;
    case "linear":
      return n;
    case "position_based":
      return sql`${n}, ${f}, ${l}`;
    case "time_decay":
      return sql`max(at) OVER lead AS latest`;
    case "w_shaped": {
      // The last touch at or before a milestone; not reached yet (null): the last touch so far.
      const lastBy = (when: string, as: string) =>
        sql.raw(
          `coalesce(max(CASE WHEN ${when} IS NULL OR at <= ${when} THEN id END) OVER lead, max(id) OVER lead) AS ${as}`,
        );
      return sql`${n}, ${f}, ${lastBy("mql_at", "m")}, ${lastBy("accepted_at", "a")}`;
    }
    case "data_driven":
      return sql`${n}, sum(w) OVER lead AS sw`;
  }
}

function share(model: AttributionModel): SQL {
  switch (model) {
    case "first_touch":
      return sql`CASE WHEN id = f THEN 1.0 ELSE 0 END`;
    case "last_touch":
      return sql`CASE WHEN id = l THEN 1.0 ELSE 0 END`;
    case "linear":
      return sql`1.0 / n`;
    case "position_based":
      return sql`CASE WHEN n <= 2 THEN 1.0 / n WHEN id = f OR id = l THEN 0.4 ELSE 0.2 / (n - 2) END`;
    case "time_decay":
      return sql`w / sw`;
    case "w_shaped": {
      const held = sql`((id = f) + (id = m) + (id = a))`;
      const rest = sql`(n - 1 - (m <> f) - (a <> f AND a <> m))`;
      return sql`CASE WHEN ${rest} = 0 THEN ${held} / 3.0 WHEN ${held} > 0 THEN 0.3 * ${held} ELSE 0.1 / ${rest} END`;
    }
    case "data_driven":
      return sql`CASE WHEN sw > 0 THEN w / sw ELSE 1.0 / n END`;
  }
}

/**
 * Rows (lead_id, asset_id, channel, campaign, campaign_key, source, medium, share; the keys are the
 * spend-matching keys of src/domain/utm.ts): each in-scope touch of the leads `leads`
 * selects (a condition on t.lead_id) with its share under `model`; per lead the shares add up to 1.
 */
export function touchShareRows(model: AttributionModel, leads: SQL, s: ShareScope): SQL {
  const touches = sql`SELECT t.lead_id, t.id, t.asset_id, t.channel, coalesce(t.utm_campaign, '') AS campaign, lower(trim(coalesce(t.utm_campaign, ''))) AS campaign_key, lower(trim(coalesce(t.utm_source, ''))) AS source, lower(trim(coalesce(t.utm_medium, ''))) AS medium, t.at${lookups(model, s)}
    FROM touches t WHERE ${leads} AND ${inScope(s)}`;
  let figures = sql`SELECT *, ${windows(model)} FROM (${touches}) WINDOW lead AS (PARTITION BY lead_id)`;
  if (model === "time_decay") {
    // Measured back from the latest touch in scope: normalised, the shares are the same as from the
    // conversion itself, and the weights never underflow however old the touches are.
    const weighted = sql`SELECT *, ${halfLifeWeightSql(sql`latest - at`)} AS w FROM (${figures})`;
    figures = sql`SELECT *, sum(w) OVER lead AS sw FROM (${weighted}) WINDOW lead AS (PARTITION BY lead_id)`;
  }
  return sql`SELECT lead_id, asset_id, channel, campaign, campaign_key, source, medium, ${share(model)} AS share FROM (${figures})`;
}

/** The stage a metric's data-driven credit converts at; a lead itself is credited with the MQL weights. */
export const stageOfMetric = (metric: string): JourneyStage =>
  metric === "accepted"
    ? "accepted"
    : metric === "won" || metric === "revenue_minor"
      ? "won"
      : "mql";
