// Which marketing consent mode a visitor actually gets: the asset's mode, unless the visitor's law forbids it.
import type { MarketingConsentMode, MarketingConsentState } from "./vocabulary";

/** EU member states (GDPR applies). */
// biome-ignore format: one list of country codes
const EU = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "GR", "DE", "HU", "IE", "IT", "LV",
  "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];
/**
 * Where marketing consent may never be a condition of the asset: the EU and EEA (GDPR Art. 7(4)), the UK
 * (UK GDPR Art. 7(4)), Switzerland (revFADP Art. 6(6): consent only when freely given) and mainland China
 * (PIPL Art. 16: no refusing a product or service because consent was withheld).
 */
const NO_CONDITION = new Set([...EU, "IS", "LI", "NO", "GB", "CH", "CN"]);
/**
 * Where commercial email needs an express opt-in, so a soft opt-in is not enough: mainland China
 * (互联网电子邮件服务管理办法 Art. 13: no commercial email without the recipient's express consent).
 */
const EXPRESS_OPT_IN = new Set(["CN"]);

/** An ISO 3166-1 alpha-2 country from Cloudflare (`XX` unknown, `T1` Tor) or nothing: null when unknown. */
export function knownCountry(country: string | null | undefined): string | null {
  const c = (country ?? "").toUpperCase();
  return /^[A-Z]{2}$/.test(c) && c !== "XX" && c !== "T1" ? c : null;
}

/**
 * The mode this visitor gets. A visitor whose country is unknown is treated as one the law protects: we cannot
 * show they are outside it, so `required` and `implied` fall back to `optional` (an unticked opt-in box).
 */
export function effectiveConsentMode(
  mode: MarketingConsentMode,
  country: string | null | undefined,
): MarketingConsentMode {
  const c = knownCountry(country);
  if (mode === "required" && (c === null || NO_CONDITION.has(c))) return "optional";
  if (mode === "implied" && (c === null || EXPRESS_OPT_IN.has(c))) return "optional";
  return mode;
}

/** What one capture said: a ticked box is consent; under a soft opt-in, silence is consent and the opt-out box is not. */
export function capturedMarketing(
  mode: MarketingConsentMode,
  ticked: boolean,
  optedOut: boolean,
): MarketingConsentState {
  if (ticked) return "given";
  if (mode === "implied") return optedOut ? "declined" : "implied";
  return "none";
}

/** Whether a lead's standing consent lets nurture mail go to them. Withdrawal is unsubscribing (a suppression). */
export function mayNurture(standing: string | null): boolean {
  return standing === "given" || standing === "implied";
}
