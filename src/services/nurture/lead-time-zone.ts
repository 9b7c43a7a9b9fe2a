// A lead's timezone for send windows: guessed from the country Cloudflare saw at capture.
import { isValidTimeZone } from "../../domain/calendar-day";

/** One representative zone per country; countries spanning several zones get their business centre. */
const COUNTRY_ZONES: Record<string, string> = {
  CN: "Asia/Shanghai",
  HK: "Asia/Hong_Kong",
  TW: "Asia/Taipei",
  SG: "Asia/Singapore",
  JP: "Asia/Tokyo",
  KR: "Asia/Seoul",
  IN: "Asia/Kolkata",
  AU: "Australia/Sydney",
  NZ: "Pacific/Auckland",
  GB: "Europe/London",
  IE: "Europe/Dublin",
  DE: "Europe/Berlin",
  FR: "Europe/Paris",
  NL: "Europe/Amsterdam",
  ES: "Europe/Madrid",
  IT: "Europe/Rome",
  SE: "Europe/Stockholm",
  CH: "Europe/Zurich",
  PL: "Europe/Warsaw",
  US: "America/New_York",
  CA: "America/Toronto",
  BR: "America/Sao_Paulo",
  MX: "America/Mexico_City",
  AE: "Asia/Dubai",
  IL: "Asia/Jerusalem",
  ZA: "Africa/Johannesburg",
};

export function leadTimeZone(country: string | null | undefined, fallback: string): string {
  const zone = country ? COUNTRY_ZONES[country.toUpperCase()] : undefined;
  if (zone) return zone;
  return isValidTimeZone(fallback) ? fallback : "UTC";
}

/** The zone a send window is read in: the lead's or the asset's, as the step says. */
export function windowTimeZone(
  which: "lead" | "asset",
  country: string | null,
  assetTimeZone: string,
): string {
  return which === "lead"
    ? leadTimeZone(country, assetTimeZone)
    : isValidTimeZone(assetTimeZone)
      ? assetTimeZone
      : "UTC";
}
