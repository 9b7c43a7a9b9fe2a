/** @jsxImportSource hono/jsx */
// /admin/assets/{id}/sequence: the sequence editor. One form; its buttons save, edit the draft (add, remove,
// move a step, unsaved), preview a step's unsaved words, or send a test of them.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { chromeOf } from "../../http/admin-guard";
import { readAdminForm } from "../../http/admin-form";
import { audit, noChange } from "../../http/audit";
import { sequenceRecord } from "../../http/audit-records";
import { publicOrigin } from "../../http/context";
import { AppError, fieldErrorsOf } from "../../errors";
import { emailSchema } from "../../domain/email-address";
import { LOCALES, STEP_CONDITION_KEYS, type Asset, type Locale } from "../../db/schema";
import { findAssetById } from "../../services/assets/find-asset";
import { replaceAssetSequence, sequenceOfAsset } from "../../services/nurture/asset-sequence";
import {
  draftOfForm,
  draftOfSequence,
  editDraft,
  inputOfDraft,
  templatesFor,
  type SequenceDraft,
} from "../../services/nurture/sequence-form";
import { checkDraftCopy, previewOfCopy } from "../../services/nurture/preview-step";
import { sendTest, TEST_SEND_ACTION } from "../../services/nurture/test-send";
import { at } from "../../../templates/admin/messages";
import { isLocale } from "../../../templates/i18n";
import {
  SequenceEditorPage,
  type EditorPreview,
} from "../../../templates/admin/pages/sequence-editor";

type Page = Parameters<typeof SequenceEditorPage>[0];

async function assetOr404(c: Context<AppEnv>): Promise<Asset> {
  const asset = await findAssetById(c.get("db"), Number(c.req.param("id")));
  if (!asset) throw new AppError("NOT_FOUND", at(c.get("admin").locale, "not_found"));
  return asset;
}

const fieldsOf = (err: unknown): Record<string, string[]> | null =>
  err instanceof AppError && err.status < 500 ? (fieldErrorsOf(err) ?? { _: [err.message] }) : null;

async function page(
  c: Context<AppEnv>,
  asset: Asset,
  draft: SequenceDraft,
  extra: Partial<Page> & { fields?: Record<string, string> } = {},
  status: 200 | 400 = 200,
) {
  const s = c.get("admin");
  const f = extra.fields ?? {};
  const picks = {
    locale: (isLocale(f.pv_locale) ? f.pv_locale : s.locale) as Locale,
    lead: f.pv_lead ?? "",
    to: f.test_to ?? "",
  };
  return c.html(
    <SequenceEditorPage
      locale={s.locale}
      csrf={s.csrf}
      chrome={chromeOf(s)}
      asset={asset}
      draft={draft}
      stored={!!asset.sequenceId}
      templates={templatesFor(asset.kind)}
      locales={LOCALES}
      conditionKeys={STEP_CONDITION_KEYS}
      picks={picks}
      {...extra}
    />,
    status,
  );
}

/** The step the button asked for, its unsaved words in the chosen locale, rendered as the preview asked. */
async function draftPreview(
  c: Context<AppEnv>,
  asset: Asset,
  draft: SequenceDraft,
  index: number,
  f: Record<string, string>,
) {
  const step = draft.steps[index];
  if (!step)
    throw new AppError("BAD_REQUEST", "There is no such step", {
      details: { fields: { _: ["There is no such step"] } },
    });
  const locale = (isLocale(f.pv_locale) ? f.pv_locale : c.get("admin").locale) as Locale;
  const copy = step.copy[locale];
  checkDraftCopy(copy, asset.kind, `steps.${index}.copy.${locale}`);
  const config = c.get("config");
  const lead = f.pv_lead?.trim().toLowerCase();
  const email = await previewOfCopy(
    c.get("db"),
    asset,
    { locale, ...(lead ? { lead_email: lead } : {}) },
    async () => ({ copy, source: "draft" }),
    {
      origin: publicOrigin(config.PUBLIC_BASE_URL, c.req.url),
      secret: config.SIGNING_SECRET,
      now: c.get("now"),
    },
  );
  const preview: EditorPreview = {
    index,
    locale,
    subject: email.subject,
    html: email.html,
    text: email.text,
  };
  return { email, preview };
}

export function registerSequenceEditor(app: Hono<AppEnv>) {
  app.get("/assets/:id{[0-9]+}/sequence", async (c) => {
    const asset = await assetOr404(c);
    const stored = await sequenceOfAsset(c.get("db"), asset);
    const saved = c.req.query("saved");
    const L = c.get("admin").locale;
    const notice =
      saved === "copy" || saved === "steps"
        ? {
            kind: "ok" as const,
            text: at(L, saved === "copy" ? "seq_saved_copy" : "seq_saved_steps"),
          }
        : undefined;
    return page(c, asset, draftOfSequence(stored, asset.kind), { notice });
  });

  app.post("/assets/:id{[0-9]+}/sequence", async (c) => {
    const { fields } = await readAdminForm(c);
    const asset = await assetOr404(c);
    const draft = draftOfForm(fields);
    const op = fields.op ?? "save";
    const L = c.get("admin").locale;
    if (op !== "save") {
      noChange(c);
      const edited = editDraft(draft, op, asset.kind, fields.add_template);
      return page(c, asset, edited, {
        fields,
        notice: { kind: "note", text: at(L, "seq_unsaved") },
      });
    }
    const db = c.get("db");
    const before = await sequenceOfAsset(db, asset);
    try {
      const { sequence, edited } = await replaceAssetSequence(
        db,
        asset.id,
        inputOfDraft(draft),
        c.get("now"),
      );
      await audit(c, {
        action: edited === "copy" ? "sequence.copy_edit" : "sequence.replace",
        subject: { type: "asset", id: asset.id },
        before: before && sequenceRecord(before),
        after: sequenceRecord(sequence),
      });
      return c.redirect(`/admin/assets/${asset.id}/sequence?saved=${edited}`, 303);
    } catch (err) {
      const errors = fieldsOf(err);
      if (!errors) throw err;
      return page(
        c,
        asset,
        draft,
        { fields, errors, notice: { kind: "alert", text: at(L, "seq_refused") } },
        400,
      );
    }
  });

  app.post("/assets/:id{[0-9]+}/sequence/preview", async (c) => {
    const { fields } = await readAdminForm(c);
    const asset = await assetOr404(c);
    const draft = draftOfForm(fields);
    noChange(c);
    try {
      const { preview } = await draftPreview(c, asset, draft, Number(fields.preview_step), fields);
      return page(c, asset, draft, { fields, preview });
    } catch (err) {
      const errors = fieldsOf(err);
      if (!errors) throw err;
      return page(c, asset, draft, { fields, errors }, 400);
    }
  });

  app.post("/assets/:id{[0-9]+}/sequence/test", async (c) => {
    const { fields } = await readAdminForm(c);
    const asset = await assetOr404(c);
    const draft = draftOfForm(fields);
    const index = Number(fields.test_step);
    const L = c.get("admin").locale;
    try {
      const address = emailSchema.safeParse(fields.test_to ?? "");
      if (!address.success)
        throw new AppError("BAD_REQUEST", "Give an address to send the test to", {
          details: { fields: { _: [at(L, "seq_test_to")] } },
        });
      const to = address.data;
      const { email, preview } = await draftPreview(c, asset, draft, index, fields);
      const sent = await sendTest(c.get("db"), c.get("config"), email, to, index + 1, c.get("now"));
      await audit(c, {
        action: TEST_SEND_ACTION,
        subject: { type: "asset", id: asset.id },
        after: { step: index + 1, locale: sent.locale, to_domain: to.split("@")[1] ?? "" },
      });
      const text = at(L, "seq_test_sent", { to, subject: sent.subject });
      return page(c, asset, draft, { fields, preview, notice: { kind: "ok", text } });
    } catch (err) {
      const errors = fieldsOf(err);
      if (!errors) throw err;
      return page(
        c,
        asset,
        draft,
        { fields, errors, notice: { kind: "alert", text: Object.values(errors).flat().join(" ") } },
        400,
      );
    }
  });
}
