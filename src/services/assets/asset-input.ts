// What an asset is made of, validated once for the API and the dashboard: landing copy, kind and delivery, the gate's
// fields (FormSettings) and its consent mode with the consent-law check. The dashboard's flat form maps onto it.
import { z } from "zod";
import { oneLineHeader } from "../../domain/header-value";
import { isValidTimeZone } from "../../domain/calendar-day";
import {
  ASSET_KINDS,
  FIELD_MODES,
  FORM_FIELDS,
  LOCALES,
  MARKETING_CONSENT_MODES,
  type Asset,
  type FormSettings,
  type NewAsset,
} from "../../db/schema";
import type { FieldErrors } from "../../errors";

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,99}$/;
const webUrl = (protocol: RegExp, error: string) =>
  z.url({ protocol, error }).max(2048, "This link is too long").nullable();

const fieldModes = z.strictObject(
  Object.fromEntries(FORM_FIELDS.map((f) => [f, z.enum(FIELD_MODES)])) as Record<
    (typeof FORM_FIELDS)[number],
    z.ZodEnum<{ hidden: "hidden"; optional: "optional"; required: "required" }>
  >,
);

/** Every field of an asset, each with its own rule; `assetRules` adds the rules across fields. */
export const assetShape = {
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(SLUG_PATTERN, "Use 2–100 lowercase letters, digits and dashes"),
  kind: z.enum(ASSET_KINDS),
  // One line: the title becomes email Subjects and page titles.
  title: z
    .string()
    .max(800)
    .transform(oneLineHeader)
    .pipe(z.string().min(1, "A title is required").max(200)),
  summary: z.string().trim().max(2000),
  outline: z.array(z.string().trim().min(1).max(500)).max(30, "At most 30 outline lines"),
  locale: z.enum(LOCALES),
  timezone: z.string().trim().refine(isValidTimeZone, "Use an IANA timezone such as Asia/Shanghai"),
  /** A course's room when it has no session of its own. */
  room_url: webUrl(/^https?$/, "Use an http(s) link"),
  /** A link asset's destination: https only, since it is handed out behind the gate. */
  link_url: webUrl(/^https$/, "Use an https:// link"),
  double_opt_in: z.boolean(),
  sequence_id: z.number().int().positive().nullable(),
  form: z.strictObject({
    fields: fieldModes,
    privacy: z.strictObject({ required: z.boolean() }),
  }),
  consent: z.strictObject({
    mode: z.enum(MARKETING_CONSENT_MODES, { error: "Choose optional, implied or required" }),
    text: z.string().trim().max(1000),
    version: z.string().trim().min(1, "Give the consent words a version").max(40),
    basis: z.string().trim().max(500).nullable(),
  }),
};

export const assetInput = z.strictObject(assetShape).superRefine((v, ctx) => {
  // `required` is lawful only where the marketer can say which law allows it; the gate still never requires it
  // of visitors whose law forbids it (src/domain/consent-law.ts).
  if (v.consent.mode === "required" && (v.consent.basis ?? "").length < 10)
    ctx.addIssue({
      code: "custom",
      path: ["consent", "basis"],
      message:
        'Required consent needs the law that allows it, e.g. "US audience only: CAN-SPAM permits it" (EU, UK, Swiss and Chinese visitors never get it)',
    });
});
export type AssetInput = z.infer<typeof assetInput>;

/** A new asset's values where nothing is said: the standard gate (name required, phone hidden), optional consent. */
export const ASSET_DEFAULTS: Omit<AssetInput, "slug" | "kind" | "title" | "locale"> = {
  summary: "",
  outline: [],
  timezone: "UTC",
  room_url: null,
  link_url: null,
  double_opt_in: false,
  sequence_id: null,
  form: {
    fields: {
      name: "required",
      company: "optional",
      job_title: "optional",
      phone: "hidden",
      company_size: "optional",
    },
    privacy: { required: false },
  },
  consent: { mode: "optional", text: "", version: "v1", basis: null },
};

/** An asset's values in the input's shape (to edit, merge a patch into, or answer with). */
export function inputOf(a: Asset): AssetInput {
  return {
    slug: a.slug,
    kind: a.kind,
    title: a.title,
    summary: a.summary,
    outline: a.outline,
    locale: a.locale,
    timezone: a.timezone,
    room_url: a.roomUrl,
    link_url: a.linkUrl,
    double_opt_in: a.doubleOptIn,
    sequence_id: a.sequenceId,
    form: { fields: a.form.fields, privacy: a.form.privacy },
    consent: { ...a.form.consent },
  };
}

/** The validated input as the assets row stores it. */
export function rowOf(v: AssetInput): Omit<NewAsset, "createdAt" | "updatedAt" | "status"> {
  const form: FormSettings = {
    fields: v.form.fields,
    consent: {
      mode: v.consent.mode,
      text: v.consent.text,
      version: v.consent.version,
      basis: v.consent.mode === "required" ? v.consent.basis : null,
    },
    privacy: v.form.privacy,
  };
  return {
    slug: v.slug,
    kind: v.kind,
    title: v.title,
    summary: v.summary,
    outline: v.outline,
    locale: v.locale,
    timezone: v.timezone,
    roomUrl: v.room_url,
    linkUrl: v.link_url,
    doubleOptIn: v.double_opt_in,
    sequenceId: v.sequence_id,
    form,
  };
}

const blankToNull = (s: string | undefined) => (s === undefined || s.trim() === "" ? null : s);
const ticked = (s: string | undefined) => s === "on" || s === "1" || s === "true";

/** The dashboard's flat form (field_name, consent_mode, outline as lines…) in the input's shape. */
export function fromDashboardForm(raw: Record<string, string>): unknown {
  const seq = blankToNull(raw.sequence_id);
  return {
    slug: raw.slug ?? "",
    kind: raw.kind,
    title: raw.title ?? "",
    summary: raw.summary ?? "",
    outline: (raw.outline ?? "")
      .slice(0, 15_000)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(0, 30),
    locale: raw.locale,
    timezone: raw.timezone ?? "",
    room_url: blankToNull(raw.room_url),
    link_url: blankToNull(raw.link_url),
    double_opt_in: ticked(raw.double_opt_in),
    sequence_id: seq === null ? null : /^\d{1,15}$/.test(seq) ? Number(seq) : seq,
    form: {
      fields: Object.fromEntries(FORM_FIELDS.map((f) => [f, raw[`field_${f}`]])),
      privacy: { required: ticked(raw.privacy_required) },
    },
    consent: {
      mode: raw.consent_mode ?? "optional",
      text: raw.consent_text ?? "",
      version: raw.consent_version ?? "v1",
      basis: raw.consent_basis ?? "",
    },
  };
}

/** The input's field paths as the dashboard form names them (form.fields.phone → field_phone). */
export function dashboardErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(errors)) {
    const key = path
      .replace(/^form\.fields\.(\w+)$/, "field_$1")
      .replace(/^form\.privacy\.required$/, "privacy_required")
      .replace(/^consent\.(\w+)$/, "consent_$1")
      .replace(/^outline\.\d+$/, "outline");
    out[key] = [...(out[key] ?? []), ...messages];
  }
  return out;
}

/** The dashboard form's values of an asset, to fill the edit form. */
export function dashboardValuesOf(a: Asset): Record<string, string> {
  return {
    slug: a.slug,
    kind: a.kind,
    title: a.title,
    summary: a.summary,
    outline: a.outline.join("\n"),
    locale: a.locale,
    timezone: a.timezone,
    room_url: a.roomUrl ?? "",
    link_url: a.linkUrl ?? "",
    double_opt_in: a.doubleOptIn ? "on" : "",
    sequence_id: a.sequenceId ? String(a.sequenceId) : "",
    ...Object.fromEntries(FORM_FIELDS.map((f) => [`field_${f}`, a.form.fields[f]])),
    consent_mode: a.form.consent.mode,
    consent_text: a.form.consent.text,
    consent_version: a.form.consent.version,
    consent_basis: a.form.consent.basis ?? "",
    privacy_required: a.form.privacy.required ? "on" : "",
  };
}

/** The dashboard's form for a new asset: a whitepaper with the defaults above, in the marketer's language. */
export function newDashboardValues(locale: string): Record<string, string> {
  const d = ASSET_DEFAULTS;
  return {
    kind: "whitepaper",
    locale,
    timezone: d.timezone,
    ...Object.fromEntries(FORM_FIELDS.map((f) => [`field_${f}`, d.form.fields[f]])),
    consent_mode: d.consent.mode,
    consent_version: d.consent.version,
  };
}
