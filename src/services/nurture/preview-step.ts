// A step's email as a lead would get it, without sending: for a real lead (their name, company, links) or a
// sample, from the stored copy or an unsaved draft. Links are not tracked and nothing is written.
import { z } from "zod";
import type { Db } from "../../env";
import { AppError, badRequest, type FieldErrors } from "../../errors";
import {
  LOCALES,
  type Asset,
  type AssetKind,
  type Locale,
  type SequenceStep,
} from "../../db/schema";
import { copyProblems, type CopyFields, type CopyValues } from "../../domain/email-copy";
import { givenName } from "../../domain/given-name";
import { downloadUrl, shareUrl } from "../../domain/lead-links";
import { stepsOfSequence } from "../../store/sequence-steps";
import { copiesOfSteps } from "../../store/email-copies";
import { leadForPreview, type PreviewLead } from "../../store/leads";
import { findEmailTemplate } from "../../../templates/emails";
import { isLocale } from "../../../templates/i18n";
import { findAssetById } from "../assets/find-asset";
import { kindName, suppliedCopyVariables } from "./copy-variables";
import { defaultCopy } from "./default-copy";
import { brandOf, loadSettings } from "../settings/settings";
import { coursePreview, type CoursePreview } from "./preview-session";
import { renderCopy, type RenderedEmail } from "./render-email";
import { copyFieldsInput } from "./step-copy";

export const previewInput = z
  .object({
    locale: z.enum(LOCALES).optional(),
    lead_id: z.number().int().positive().optional(),
    lead_email: z.string().trim().toLowerCase().email().max(320).optional(),
    sample: z
      .object({ name: z.string().max(200).optional(), company: z.string().max(200).optional() })
      .strict()
      .optional(),
    /** Unsaved words to preview instead of the stored copy (the editor's live preview). */
    copy: copyFieldsInput.optional(),
  })
  .strict();

export interface StepPreview extends RenderedEmail {
  locale: Locale;
  lead: { id: number; email: string } | null;
  copy_source: "draft" | "stored" | "template";
}

const SAMPLE: Record<Locale, { name: string; company: string }> = {
  en: { name: "Ada Lovelace", company: "Analytical Engines Ltd" },
  "zh-CN": { name: "王小明", company: "示例科技有限公司" },
};

/** The asset and its step at `position` (1-based), or a 404 naming which is missing. */
export async function stepOfAsset(db: Db, assetId: number, position: number) {
  const asset = await findAssetById(db, assetId);
  if (!asset) throw new AppError("NOT_FOUND", "No asset has this id");
  const steps = asset.sequenceId ? await stepsOfSequence(db, asset.sequenceId) : [];
  const step = steps.find((s) => s.position === position);
  if (!step) throw new AppError("NOT_FOUND", `This asset's sequence has no step ${position}`);
  return { asset, step };
}

async function copyFor(db: Db, step: SequenceStep, locale: Locale, draft?: CopyFields) {
  if (draft) return { copy: draft, source: "draft" as const };
  const stored = (await copiesOfSteps(db, [step.id])).find((c) => c.locale === locale);
  if (stored) return { copy: stored as CopyFields, source: "stored" as const };
  const template = findEmailTemplate(step.template);
  if (!template) throw new AppError("NOT_FOUND", "This step has no copy in this locale");
  return { copy: defaultCopy(template, locale), source: "template" as const };
}

async function valuesFor(
  asset: Asset,
  lead: PreviewLead | null,
  sample: { name?: string; company?: string } | undefined,
  locale: Locale,
  link: { origin: string; secret: string; now: number },
  course: CoursePreview | null,
): Promise<CopyValues> {
  const name = lead ? lead.name : (sample?.name ?? SAMPLE[locale].name);
  const page = `${link.origin}/p/${asset.slug}`;
  const download = lead
    ? await downloadUrl(link.origin, link.secret, { l: lead.id, a: asset.id }, link.now)
    : page;
  const values: CopyValues = {
    first_name: givenName(name),
    name,
    company: lead ? lead.company : (sample?.company ?? SAMPLE[locale].company),
    asset_title: asset.title,
    download_link: download,
    share_link: lead ? shareUrl(link.origin, lead.referralCode, asset.slug) : page,
  };
  if (course) {
    values.session_time = course.session_time;
    values.join_link = course.join_link ?? download;
  }
  return values;
}

/** Refuses copy that uses a variable this asset cannot supply, with fields `copy.<field>`. */
export function checkDraftCopy(copy: CopyFields, kind: AssetKind, prefix = "copy"): void {
  const problems = copyProblems(copy, suppliedCopyVariables(kind), kindName(kind));
  const fields: FieldErrors = {};
  for (const [f, list] of Object.entries(problems)) fields[`${prefix}.${f}`] = list!;
  if (Object.keys(fields).length)
    throw new AppError("BAD_REQUEST", "The copy cannot be sent as written", {
      details: { fields },
    });
}

export interface PreviewFor {
  locale?: Locale;
  lead_id?: number;
  lead_email?: string;
  sample?: { name?: string; company?: string };
}

/** The lead asked for (404 when there is none), and the locale: asked for, else the lead's, else the asset's. */
async function audienceOf(db: Db, asset: Asset, input: PreviewFor) {
  const asked = input.lead_id || input.lead_email;
  const lead = asked
    ? await leadForPreview(db, input.lead_id ? { id: input.lead_id } : { email: input.lead_email! })
    : undefined;
  if (asked && !lead) throw new AppError("NOT_FOUND", "No lead has this id or email");
  const locale = input.locale ?? (lead && isLocale(lead.locale) ? lead.locale : asset.locale);
  return { lead: lead ?? null, locale };
}

/** Copy rendered for a lead or a sample; `copyOf` picks the words once the locale is known. */
export async function previewOfCopy(
  db: Db,
  asset: Asset,
  input: PreviewFor,
  copyOf: (locale: Locale) => Promise<{ copy: CopyFields; source: StepPreview["copy_source"] }>,
  link: { origin: string; secret: string; now: number },
): Promise<StepPreview> {
  const { lead, locale } = await audienceOf(db, asset, input);
  const { copy, source } = await copyOf(locale);
  const course =
    asset.kind === "course" ? await coursePreview(db, asset, lead, locale, link) : null;
  const values = await valuesFor(asset, lead, input.sample, locale, link, course);
  const brand = brandOf(await loadSettings(db, link.now), link.origin);
  const email = await renderCopy(copy, locale, values, {
    untracked: true,
    unsubscribeUrl: "#",
    brand,
    calendar: course?.calendar ?? null,
  });
  return {
    ...email,
    locale,
    lead: lead ? { id: lead.id, email: lead.email } : null,
    copy_source: source,
  };
}

/** The API's preview of step `position` (1-based): its stored copy, or the unsaved copy given. */
export async function previewStep(
  db: Db,
  assetId: number,
  position: number,
  raw: unknown,
  link: { origin: string; secret: string; now: number },
): Promise<StepPreview> {
  const parsed = previewInput.safeParse(raw ?? {});
  if (!parsed.success) throw badRequest(parsed.error, "The preview request is not valid");
  const { copy: draft, ...input } = parsed.data;
  const { asset, step } = await stepOfAsset(db, assetId, position);
  if (draft) checkDraftCopy(draft, asset.kind);
  return previewOfCopy(db, asset, input, (locale) => copyFor(db, step, locale, draft), link);
}
