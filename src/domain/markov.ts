// The data-driven model's maths: first-order Markov chains over channel journeys and each channel's removal effect.
import { JOURNEY_STAGES, type JourneyStage } from "./vocabulary";

export const START = "(start)";
export const CONVERSION = "(conversion)";
export const NULL_STATE = "(null)";

export interface Transition {
  stage: JourneyStage;
  from: string;
  to: string;
  journeys: number;
}

/** One lead's journey: its touches' channels in order, and which stages it reached. */
export interface Journey {
  path: string[];
  reached: Readonly<Record<JourneyStage, boolean>>;
}

/**
 * The transitions of the journeys, counted per stage: (start) → first channel → … → last channel →
 * (conversion) when the lead reached that stage, else (null). A journey without touches counts nothing.
 */
export function countTransitions(journeys: Journey[]): Transition[] {
  const counts = new Map<string, Transition>();
  const add = (stage: JourneyStage, from: string, to: string) => {
    const key = `${stage}\u0000${from}\u0000${to}`;
    const t = counts.get(key) ?? { stage, from, to, journeys: 0 };
    t.journeys += 1;
    counts.set(key, t);
  };
  for (const j of journeys) {
    if (!j.path.length) continue;
    for (const stage of JOURNEY_STAGES) {
      const states = [START, ...j.path, j.reached[stage] ? CONVERSION : NULL_STATE];
      for (let i = 1; i < states.length; i++) add(stage, states[i - 1]!, states[i]!);
    }
  }
  return [...counts.values()];
}

/** Probability of reaching (conversion) from (start), with `removed` channels sent to (null). */
function conversionProbability(
  transitions: Omit<Transition, "stage">[],
  removed: string | null,
): number {
  const out = new Map<string, number>();
  for (const t of transitions) out.set(t.from, (out.get(t.from) ?? 0) + t.journeys);
  const states = [...new Set(transitions.flatMap((t) => [t.from, t.to]))].filter(
    (s) => s !== CONVERSION && s !== NULL_STATE,
  );
  const index = new Map(states.map((s, i) => [s, i]));
  // Solve (I − Q) p = r: p[s] is the chance of converting from s; a removed channel converts never.
  const size = states.length;
  const m = states.map(() => new Array<number>(size + 1).fill(0));
  for (let i = 0; i < size; i++) m[i]![i] = 1;
  for (const t of transitions) {
    const i = index.get(t.from);
    if (i === undefined || t.from === removed) continue;
    const p = t.journeys / out.get(t.from)!;
    if (t.to === CONVERSION) m[i]![size]! += p;
    else if (t.to !== NULL_STATE && t.to !== removed) m[i]![index.get(t.to)!]! -= p;
  }
  for (let c = 0; c < size; c++) {
    let pivot = c;
    for (let r = c + 1; r < size; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const d = m[c]![c]!;
    if (Math.abs(d) < 1e-15) continue;
    for (let k = c; k <= size; k++) m[c]![k]! /= d;
    for (let r = 0; r < size; r++) {
      if (r === c || m[r]![c] === 0) continue;
      const f = m[r]![c]!;
      for (let k = c; k <= size; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const s = index.get(START);
  return s === undefined ? 0 : m[s]![size]!;
}

/**
 * Each channel's removal effect (1 − P(convert without it) / P(convert)), normalised to weights that
 * add up to 1. No conversions at all: no weights (the data-driven model then shares linearly).
 */
export function removalEffectWeights(
  transitions: Omit<Transition, "stage">[],
): Record<string, number> {
  const total = conversionProbability(transitions, null);
  if (total <= 0) return {};
  const channels = [...new Set(transitions.flatMap((t) => [t.from, t.to]))].filter(
    (s) => s !== START && s !== CONVERSION && s !== NULL_STATE,
  );
  const effects = channels.map((c) =>
    Math.max(0, 1 - conversionProbability(transitions, c) / total),
  );
  const sum = effects.reduce((a, b) => a + b, 0);
  if (sum <= 0) return {};
  return Object.fromEntries(channels.map((c, i) => [c, effects[i]! / sum]));
}
