// The sequence editor's field names and delay units, shared by the page that draws the form and the service that reads it.
import type { Locale } from "../../../src/db/schema";

export const DELAY_UNITS = { days: 1440, hours: 60, minutes: 1 } as const;
export type DelayUnit = keyof typeof DELAY_UNITS;

/** Field names of step i. */
export const stepField = (i: number, name: string) => `s${i}_${name}`;
export const copyField = (i: number, locale: Locale, name: "subject" | "preheader" | "body") =>
  stepField(i, `${locale}_${name}`);
