// The product's closed sets in the dashboard's words: stages, channels, sales outcomes.
import type { Locale } from "../../src/db/schema";
import { at, isAdminKey } from "./messages";

/** A word from a closed set, or the raw value when the set has grown since this was written. */
function word(L: Locale, prefix: string, value: string): string {
  const key = `${prefix}_${value}`;
  return isAdminKey(key) ? at(L, key) : value;
}
export const stageName = (L: Locale, stage: string) => word(L, "stage", stage);
export const channelName = (L: Locale, channel: string) => word(L, "channel", channel);
export const outcomeName = (L: Locale, outcome: string) => word(L, "outcome", outcome);
