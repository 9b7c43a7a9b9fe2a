// The gate form as data: which fields an asset asks for, and the validation of a submission.
import { z } from "zod";
import type {
  FormSettings,
  Locale,
  MarketingConsentMode,
  MarketingConsentState,
} from "./vocabulary";
import { emailSchema } from "./email-address";
import { checkPhone, toE164, type PhoneProblem } from "./phone-number";
import { REFERRAL_CODE } from "./referral-code";
import { gateMessage as t } from "./gate-messages";
import type { FieldErrors } from "./vocabulary";
import { capturedMarketing } from "./consent-law";
import { CLICK_ID_PARAMS } from "./click-ids";

const COMPANY_SIZES = [
  "1-10",
  "11-50",
  "51-200",
  "201-500",
  "501-1000",
  "1001-5000",
  "5000+",
] as const;
export const UTM_FIELDS = [
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
] as const;
/** Hidden from people, tempting to bots: any value marks the submission as spam. */
const HONEYPOT_FIELD = "website";

/** What the gate's page needs to draw the form these rules read (views take data, not imports). */
export const GATE_CHOICES = {
  companySizes: COMPANY_SIZES,
  utmFields: UTM_FIELDS,
  /** Ad platforms' click ids, carried in hidden fields and read by src/domain/click-ids.ts (not by parseGate). */
  clickIdFields: CLICK_ID_PARAMS,
  honeypot: HONEYPOT_FIELD,
} as const;
export type GateChoices = typeof GATE_CHOICES;

export interface GateSubmission {
  email: string;
  name: string | null;
  company: string | null;
  jobTitle: string | null;
  phone: string | null;
  companySize: string | null;
  /** The consent mode this visitor was shown (the asset's, or `optional` where the law decides). */
  consentMode: MarketingConsentMode;
  /** What this capture said about marketing email. */
  marketing: MarketingConsentState;
  /** Whether the privacy notice box was ticked; null when the asset shows the notice without a box. */
  privacyAccepted: boolean | null;
  utm: Record<(typeof UTM_FIELDS)[number], string | null>;
  ref: string | null;
  landingUrl: string | null;
  referrer: string | null;
  honeypot: boolean;
  turnstileToken: string | null;
}

type GateParse = { ok: true; value: GateSubmission } | { ok: false; fields: FieldErrors };

/** Line breaks and tabs become spaces: nothing typed here can ever split an email header. */
const oneLine = (s: string) =>
  s
    .normalize("NFC")
    .replace(/[\r\n\t\u0085\u2028\u2029]+/g, " ")
    .trim();

/**
 * What no typed name needs and a spoofer does: C0 and C1 control characters (NUL, escape sequences…)
 * and the Unicode direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
 * make "Ann‮gpj.exe" display as "Annexe.jpg". Marks (U+200E/U+200F) stay: right-to-left names use them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
export const hasInvisibleCharacters = (s: string) => new RegExp(INVISIBLE.source).test(s);
/** For fields nobody typed (attribution carried from the URL): such characters are dropped, not refused. */
const withoutInvisible = (s: string) => s.replace(INVISIBLE, "");

function text(max: number, locale: Locale) {
  return z
    .string({ error: t(locale, "required") })
    .max(max * 4)
    .transform(oneLine)
    .pipe(
      z
        .string()
        .max(max, t(locale, "too_long"))
        .refine((v) => !hasInvisibleCharacters(v), t(locale, "invisible_characters")),
    );
}

const PHONE_MESSAGE = {
  invalid: "invalid_phone",
  landline: "landline_phone",
  not_mainland_mobile: "mainland_mobile_only",
} as const satisfies Record<PhoneProblem, string>;

const TICKED = ["on", "true", "1", "yes"] as const;
const UNTICKED = ["off", "false", "0", "no", ""] as const;
/** A checkbox: a form sends "on" when ticked and nothing when not; JSON clients send booleans. */
const box = z.union([z.boolean(), z.enum(TICKED), z.enum(UNTICKED)]).optional();
const mustTick = (message: string) =>
  z.union([z.literal(true), z.enum(TICKED)], { error: message });
const isTicked = (v: boolean | string | undefined) => v === true || TICKED.includes(v as never);

/** Builds the zod schema for one asset's form settings, locale and the consent mode this visitor gets. */
function gateSchema(form: FormSettings, locale: Locale, mode: MarketingConsentMode) {
  const profile = (
    max: number,
    key: keyof FormSettings["fields"],
    /** The refusal's message for a value, or null when the value is fine. */
    check?: (v: string) => string | null,
  ) => {
    const mode = form.fields[key];
    const base =
      check && mode !== "hidden"
        ? text(max, locale).superRefine((v, ctx) => {
            const problem = v ? check(v) : null;
            if (problem) ctx.addIssue({ code: "custom", message: problem });
          })
        : text(max, locale);
    if (mode === "required") return base.pipe(z.string().min(1, t(locale, "required")));
    return base.optional();
  };
  const hidden = z.string().max(2048).transform(withoutInvisible).optional();
  return z.object({
    email: z.string().min(1).pipe(emailSchema),
    name: profile(200, "name"),
    company: profile(200, "company"),
    job_title: profile(200, "job_title"),
    phone: profile(40, "phone", (v) => {
      const c = checkPhone(v, locale);
      return c.ok ? null : t(locale, PHONE_MESSAGE[c.problem]);
    }),
    company_size: profile(20, "company_size", (v) =>
      (COMPANY_SIZES as readonly string[]).includes(v) ? null : t(locale, "invalid_choice"),
    ),
    // Marketing consent is a condition only in `required` mode, which the visitor's law may have ruled out.
    consent: mode === "required" ? mustTick(t(locale, "consent_required")) : box,
    marketing_opt_out: box,
    privacy: form.privacy.required ? mustTick(t(locale, "privacy_required")) : box,
    utm_source: hidden,
    utm_medium: hidden,
    utm_campaign: hidden,
    utm_term: hidden,
    utm_content: hidden,
    ref: hidden,
    landing_url: hidden,
    referrer: hidden,
    [HONEYPOT_FIELD]: z.string().max(2048).optional(),
    "cf-turnstile-response": z.string().max(4096).optional(),
  });
}

const CHECKBOXES = ["consent", "marketing_opt_out", "privacy"];
const blankToNull = (v: string | undefined) => (v === undefined || v === "" ? null : v);

/** Validates a submission (form fields or JSON body) for an asset. Pure: no I/O. */
export function parseGate(
  input: unknown,
  form: FormSettings,
  locale: Locale,
  mode: MarketingConsentMode,
): GateParse {
  const parsed = gateSchema(form, locale, mode).safeParse(input);
  if (!parsed.success) {
    const fields: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.length ? String(issue.path[0]) : "_";
      const value =
        input && typeof input === "object" ? (input as Record<string, unknown>)[key] : undefined;
      const message =
        value !== undefined &&
        value !== null &&
        typeof value !== "string" &&
        !CHECKBOXES.includes(key)
          ? "Must be a single text value"
          : key === "email"
            ? t(locale, value === undefined || value === "" ? "required" : "invalid_email")
            : issue.message;
      const list = fields[key] ?? [];
      if (!list.includes(message)) list.push(message);
      fields[key] = list;
    }
    return { ok: false, fields };
  }
  const v = parsed.data;
  // Under a soft opt-in, a JSON client saying `consent: false` has opted out as surely as the box.
  const optedOut = isTicked(v.marketing_opt_out) || v.consent === false || v.consent === "false";
  const phone = form.fields.phone !== "hidden" && v.phone ? toE164(v.phone, locale) : null;
  const companySize = form.fields.company_size === "hidden" ? null : blankToNull(v.company_size);

  const ref = blankToNull(v.ref)?.toLowerCase() ?? null;
  const keep = (key: keyof FormSettings["fields"], value: string | undefined) =>
    form.fields[key] === "hidden" ? null : blankToNull(value);
  return {
    ok: true,
    value: {
      email: v.email,
      name: keep("name", v.name),
      company: keep("company", v.company),
      jobTitle: keep("job_title", v.job_title),
      phone,
      companySize,
      consentMode: mode,
      marketing: capturedMarketing(mode, isTicked(v.consent), optedOut),
      // Only a box the visitor was shown is recorded; the notice without a box is null whatever a client sends.
      privacyAccepted: form.privacy.required ? true : null,
      utm: Object.fromEntries(
        UTM_FIELDS.map((f) => [
          f,
          blankToNull(v[f] === undefined ? undefined : oneLine(v[f]!).slice(0, 200)),
        ]),
      ) as GateSubmission["utm"],
      ref: ref && REFERRAL_CODE.test(ref) ? ref : null,
      landingUrl: blankToNull(v.landing_url),
      referrer: blankToNull(v.referrer),
      honeypot: Boolean(v[HONEYPOT_FIELD]),
      turnstileToken: blankToNull(v["cf-turnstile-response"]),
    },
  };
}
