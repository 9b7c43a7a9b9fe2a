// Asset editing for the dashboard: the form validated with zod, create/update/publish, and the file in R2.
import { oneLineHeader } from "../../domain/header-value";
import { z } from "zod";
import type { Db } from "../../env";
import { AppError, fieldErrors, type FieldErrors } from "../../errors";
import {
  ASSET_KINDS,
  type ASSET_STATUSES,
  FIELD_MODES,
  FORM_FIELDS,
  LOCALES,
  MARKETING_CONSENT_MODES,
  type Asset,
  type FormSettings,
} from "../../db/schema";
import { assetById, assetIdBySlug, assetPage, insertAsset, updateAsset } from "../../store/assets";
import { sequenceExists, sequencePickerRows } from "../../store/sequences";
import { stepPerformanceRows, type StepPerformanceRow } from "../../store/sends";
import { isValidTimeZone } from "../../domain/calendar-day";
import { forgetAsset } from "./find-asset";

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const assetForm = z
  .object({
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9-]{1,99}$/, "Use 2–100 lowercase letters, digits and dashes"),
    kind: z.enum(ASSET_KINDS),
    // One line: the title becomes email Subjects and page titles.
    title: z
      .string()
      .max(800)
      .transform(oneLineHeader)
      .pipe(z.string().min(1, "A title is required").max(200)),
    summary: z.string().trim().max(2000).default(""),
    outline: z
      .string()
      .max(5000)
      .default("")
      .transform((s) =>
        s
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean)
          .slice(0, 30),
      ),
    locale: z.enum(LOCALES),
    timezone: z
      .string()
      .trim()
      .refine(isValidTimeZone, "Use an IANA timezone such as Asia/Shanghai"),
    room_url: z.preprocess(
      blank,
      z
        .url({ protocol: /^https?$/, error: "Use an http(s) link" })
        .max(2048)
        .optional(),
    ),
    double_opt_in: z.preprocess((v) => v === "on" || v === "1" || v === true, z.boolean()),
    sequence_id: z.preprocess(blank, z.coerce.number().int().positive().optional()),
    ...(Object.fromEntries(FORM_FIELDS.map((f) => [`field_${f}`, z.enum(FIELD_MODES)])) as Record<
      `field_${(typeof FORM_FIELDS)[number]}`,
      z.ZodEnum<{ hidden: "hidden"; optional: "optional"; required: "required" }>
    >),
    consent_mode: z
      .enum(MARKETING_CONSENT_MODES, { error: "Choose optional, implied or required" })
      .default("optional"),
    consent_text: z.string().trim().max(1000).default(""),
    consent_version: z
      .string()
      .trim()
      .min(1, "Give the consent words a version")
      .max(40)
      .default("v1"),
    consent_basis: z.string().trim().max(500).default(""),
    privacy_required: z.preprocess((v) => v === "on" || v === "1" || v === true, z.boolean()),
  })
  .superRefine((v, ctx) => {
    // `required` is lawful only where the marketer can say which law allows it; the gate still never requires it
    // of visitors whose law forbids it (src/domain/consent-law.ts).
    if (v.consent_mode === "required" && v.consent_basis.length < 10)
      ctx.addIssue({
        code: "custom",
        path: ["consent_basis"],
        message:
          'Required consent needs the law that allows it, e.g. "US audience only: CAN-SPAM permits it" (EU, UK, Swiss and Chinese visitors never get it)',
      });
  });
type AssetFormValues = z.infer<typeof assetForm>;

function formSettingsOf(v: AssetFormValues): FormSettings {
  return {
    fields: Object.fromEntries(
      FORM_FIELDS.map((f) => [f, v[`field_${f}`]]),
    ) as FormSettings["fields"],
    consent: {
      mode: v.consent_mode,
      text: v.consent_text,
      version: v.consent_version,
      basis: v.consent_mode === "required" ? v.consent_basis : null,
    },
    privacy: { required: v.privacy_required },
  };
}

/** Form values of an existing asset, to fill the edit form. */
export function valuesOf(a: Asset): Record<string, string> {
  return {
    slug: a.slug,
    kind: a.kind,
    title: a.title,
    summary: a.summary,
    outline: a.outline.join("\n"),
    locale: a.locale,
    timezone: a.timezone,
    room_url: a.roomUrl ?? "",
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

type SaveResult = { ok: true; asset: Asset } | { ok: false; errors: FieldErrors };

export async function saveAsset(
  db: Db,
  id: number | null,
  raw: Record<string, string>,
  file: File | null,
  files: R2Bucket,
  now: number,
): Promise<SaveResult> {
  const parsed = assetForm.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  if (file && file.size > MAX_FILE_BYTES)
    return {
      ok: false,
      errors: { file: [`The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`] },
    };
  const taken = await assetIdBySlug(db, v.slug);
  if (taken && taken.id !== id)
    return { ok: false, errors: { slug: ["Another asset already uses this slug"] } };
  if (v.sequence_id !== undefined && !(await sequenceExists(db, v.sequence_id)))
    return { ok: false, errors: { sequence_id: ["No such sequence"] } };
  const row = {
    slug: v.slug,
    kind: v.kind,
    title: v.title,
    summary: v.summary,
    outline: v.outline,
    locale: v.locale,
    timezone: v.timezone,
    roomUrl: v.room_url ?? null,
    doubleOptIn: v.double_opt_in,
    sequenceId: v.sequence_id ?? null,
    form: formSettingsOf(v),
    updatedAt: now,
  };
  const asset =
    id === null
      ? await insertAsset(db, { ...row, status: "draft", createdAt: now })
      : await updateAsset(db, id, row);
  if (!asset) throw new AppError("NOT_FOUND", "No asset has this id");
  forgetAsset();
  if (!file || file.size === 0) return { ok: true, asset };
  // A fresh key per upload: a download in flight keeps its bytes, and the old object is then removed.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  const name = file.name.replace(/[\\/\u0000-\u001f]/g, "_").slice(-120) || "file";
  const key = `assets/${asset.id}/${crypto.randomUUID()}/${name}`;
  await files.put(key, file.stream(), {
    httpMetadata: { contentType: file.type || "application/octet-stream" },
  });
  const updated = await updateAsset(db, asset.id, {
    fileKey: key,
    fileName: name,
    fileType: file.type || "application/octet-stream",
    updatedAt: now,
  });
  forgetAsset();
  if (asset.fileKey && asset.fileKey !== key) await files.delete(asset.fileKey);
  return { ok: true, asset: updated! };
}

/** Publishing (or unlisting, which still serves links) needs what a prospect will be handed: a whitepaper's file. */
export async function setAssetStatus(
  db: Db,
  id: number,
  status: (typeof ASSET_STATUSES)[number],
  now: number,
): Promise<Asset> {
  const asset = await assetById(db, id);
  if (!asset) throw new AppError("NOT_FOUND", "No asset has this id");
  if (
    (status === "published" || status === "unlisted") &&
    asset.kind === "whitepaper" &&
    !asset.fileKey
  )
    throw new AppError("CONFLICT", "Upload the whitepaper's file before publishing");
  const row = await updateAsset(db, id, { status, updatedAt: now });
  forgetAsset();
  return row!;
}

export async function listAssets(
  db: Db,
  opts: { limit: number; before?: number },
): Promise<{ rows: Asset[]; nextCursor: number | null }> {
  const rows = await assetPage(db, opts);
  const page = rows.slice(0, opts.limit);
  return { rows: page, nextCursor: rows.length > opts.limit ? page.at(-1)!.id : null };
}

export async function sequenceOptions(db: Db): Promise<{ id: number; name: string }[]> {
  return sequencePickerRows(db);
}

export type StepPerformance = StepPerformanceRow;

/** Email steps of an asset's sends, from the send ledger (one row per enrolment × step). */
export async function stepPerformance(db: Db, assetId: number): Promise<StepPerformance[]> {
  return stepPerformanceRows(db, assetId);
}
