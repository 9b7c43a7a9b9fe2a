// Score calibration: leads, MQLs and won deals per score band, to see whether the score predicts sales.
import type { Db } from "../../env";
import { dayToMs, addDays } from "../../domain/report-days";
import { scoreBandCounts } from "../../store/leads";

const BAND_WIDTH = 10;

export interface CalibrationBand {
  band: string;
  min: number | null;
  max: number | null;
  leads: number;
  mqls: number;
  won: number;
  mql_rate: number | null;
  win_rate: number | null;
}

/** Band label for a score: "<0", "0–9", …, "90–99", "100+". */
function bandOf(score: number): { band: string; min: number | null; max: number | null } {
  if (score < 0) return { band: "<0", min: null, max: -1 };
  if (score >= 100) return { band: "100+", min: 100, max: null };
  const min = Math.floor(score / BAND_WIDTH) * BAND_WIDTH;
  return { band: `${min}–${min + BAND_WIDTH - 1}`, min, max: min + BAND_WIDTH - 1 };
}

/** Pure: counts per band, with rates, in band order (empty bands omitted). */
export function calibrate(
  rows: { score: number; mql: boolean; won: boolean }[],
): CalibrationBand[] {
  const bands = new Map<string, CalibrationBand>();
  for (const r of rows) {
    const b = bandOf(r.score);
    const x = bands.get(b.band) ?? {
      ...b,
      leads: 0,
      mqls: 0,
      won: 0,
      mql_rate: null,
      win_rate: null,
    };
    x.leads += 1;
    x.mqls += r.mql ? 1 : 0;
    x.won += r.won ? 1 : 0;
    bands.set(b.band, x);
  }
  return [...bands.values()]
    .sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity))
    .map((b) => ({
      ...b,
      mql_rate: b.leads ? Math.round((b.mqls / b.leads) * 1e4) / 1e4 : null,
      win_rate: b.leads ? Math.round((b.won / b.leads) * 1e4) / 1e4 : null,
    }));
}

/**
 * The cohort is the leads created in [from, to] (UTC days), banded by their current score. Unlike
 * the other reports this reads the leads of the cohort (a lead's band moves with every score change,
 * so a band rollup would need rewriting on each one); it is grouped in SQL, so only bands come back.
 */
export async function scoreCalibration(
  db: Db,
  range: { from: string; to: string },
): Promise<CalibrationBand[]> {
  const start = dayToMs(range.from);
  const end = dayToMs(addDays(range.to, 1));
  const rows = await scoreBandCounts(db, { start, end, width: BAND_WIDTH });
  return rows.map((r) => {
    const b = bandOf(r.band);
    return {
      ...b,
      leads: r.leads,
      mqls: r.mqls,
      won: r.won,
      mql_rate: r.leads ? Math.round((r.mqls / r.leads) * 1e4) / 1e4 : null,
      win_rate: r.leads ? Math.round((r.won / r.leads) * 1e4) / 1e4 : null,
    };
  });
}
