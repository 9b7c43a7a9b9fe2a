/** @jsxImportSource hono/jsx */
// /admin/assets: list, create, edit (with file upload to R2), publish, and the asset's detail page.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { chromeOf } from "../../http/admin-guard";
import { AppError } from "../../errors";
import { findAssetById } from "../../services/assets/find-asset";
import {
  listAssets,
  saveAsset,
  sequenceOptions,
  setAssetStatus,
  stepPerformance,
  valuesOf,
} from "../../services/assets/edit-asset";
import { buildReport } from "../../services/reports/report-service";
import { addDays, msToDay } from "../../domain/report-days";
import { newDashboardValues } from "../../services/assets/asset-input";
import { AssetsPage } from "../../../templates/admin/pages/assets";
import { AssetFormPage } from "../../../templates/admin/pages/asset-form";
import { AssetDetailPage } from "../../../templates/admin/pages/asset-detail";
import { ASSET_KINDS, ASSET_STATUSES, FORM_FIELDS, LOCALES, type Asset } from "../../db/schema";
import { ASSET_PREVIEW_SCRIPT_PATH } from "../../../templates/admin/scripts/asset-preview";
import type { AssetStatus } from "../../domain/vocabulary";
import { canMove } from "../../domain/asset-lifecycle";
import { largeBody } from "../../http/body-limits";
import { audit } from "../../http/audit";
import { assetRecord, assetStatusAction } from "../../http/audit-records";
import { at } from "../../../templates/admin/messages";
import { readAdminForm } from "../../http/admin-form";
import { loadSettings } from "../../services/settings/settings";
import type { Db } from "../../env";

/** Whether the consent words have a privacy policy to link to (the form says so beside the privacy box). */
async function privacyUrlSet(db: Db): Promise<boolean> {
  const s = await loadSettings(db);
  return Boolean(s.privacy_url ?? s.privacy_policy_url_en ?? s.privacy_policy_url_zh);
}

/**
 * The asset form as every route renders it: the session's chrome, the closed choices, and the sequences and
 * privacy setting it offers, read side by side.
 */
async function assetForm(
  c: Context<AppEnv>,
  p: {
    asset: Asset | null;
    values: Record<string, string>;
    errors?: Record<string, string[]>;
    message?: string;
  },
) {
  const s = c.get("admin");
  const db = c.get("db");
  const [sequences, privacySet] = await Promise.all([sequenceOptions(db), privacyUrlSet(db)]);
  return (
    <AssetFormPage
      locales={LOCALES}
      kinds={ASSET_KINDS}
      previewScript={ASSET_PREVIEW_SCRIPT_PATH}
      formFields={FORM_FIELDS}
      locale={s.locale}
      csrf={s.csrf}
      chrome={chromeOf(s)}
      sequences={sequences}
      privacyUrlSet={privacySet}
      {...p}
    />
  );
}

async function assetOr404(c: Context<AppEnv>) {
  const asset = await findAssetById(c.get("db"), Number(c.req.param("id")));
  if (!asset) throw new AppError("NOT_FOUND", at(c.get("admin").locale, "not_found"));
  return asset;
}

export function registerAssets(app: Hono<AppEnv>) {
  app.get("/assets", async (c) => {
    const { rows, nextCursor } = await listAssets(c.get("db"), {
      limit: 50,
      before: Number(c.req.query("cursor")) || undefined,
    });
    const s = c.get("admin");
    return c.html(
      <AssetsPage
        locale={s.locale}
        csrf={s.csrf}
        chrome={chromeOf(s)}
        rows={rows}
        nextCursor={nextCursor}
      />,
    );
  });

  app.get("/assets/new", async (c) => {
    const s = await loadSettings(c.get("db"), c.get("now"));
    const values = newDashboardValues(s.default_locale ?? c.get("admin").locale);
    if (s.time_zone) values.timezone = s.time_zone;
    return c.html(await assetForm(c, { asset: null, values }));
  });

  app.get("/assets/:id{[0-9]+}/edit", async (c) => {
    const asset = await assetOr404(c);
    const saved = c.req.query("saved") ? at(c.get("admin").locale, "saved") : undefined;
    return c.html(await assetForm(c, { asset, values: valuesOf(asset), message: saved }));
  });

  const save = async (c: Context<AppEnv>, before: Asset | null) => {
    const { fields, files } = await readAdminForm(c);
    const db = c.get("db");
    const id = before?.id ?? null;
    const result = await saveAsset(
      db,
      id,
      fields,
      { file: files.file, cover: files.cover },
      c.env.FILES,
      c.get("now"),
    );
    if (result.ok) {
      await audit(c, {
        action: before ? "asset.update" : "asset.create",
        subject: { type: "asset", id: result.asset.id },
        before: before && assetRecord(before),
        after: assetRecord(result.asset),
      });
      return c.redirect(`/admin/assets/${result.asset.id}/edit?saved=1`, 303);
    }
    // A refused save changed nothing: the asset is as it was read.
    return c.html(
      await assetForm(c, { asset: before, values: fields, errors: result.errors }),
      400,
    );
  };
  // The dashboard's session is checked first (routes/admin/index.tsx), then the file is counted.
  app.post("/assets/new", largeBody, (c) => save(c, null));
  app.post("/assets/:id{[0-9]+}/edit", largeBody, async (c) => save(c, await assetOr404(c)));

  app.post("/assets/:id{[0-9]+}/status", async (c) => {
    const { fields } = await readAdminForm(c);
    const asset = await assetOr404(c);
    const status = (ASSET_STATUSES as readonly string[]).includes(fields.status ?? "")
      ? (fields.status as AssetStatus)
      : null;
    if (!status) throw new AppError("BAD_REQUEST", `Choose a status: ${ASSET_STATUSES.join(", ")}`);
    const after = await setAssetStatus(c.get("db"), asset.id, status, c.get("now"));
    await audit(c, {
      action: assetStatusAction(after.status),
      subject: { type: "asset", id: asset.id },
      before: { status: asset.status },
      after: { status: after.status },
    });
    return c.redirect(`/admin/assets/${asset.id}`, 303);
  });

  app.get("/assets/:id{[0-9]+}", async (c) => {
    const asset = await assetOr404(c);
    const db = c.get("db");
    const now = c.get("now");
    const to = msToDay(now);
    const base = {
      from: addDays(to, -89),
      to,
      grain: "range" as const,
      model: "first_touch" as const,
      asset_id: asset.id,
    };
    const opts = { now, currency: c.get("config").REPORTING_CURRENCY };
    const funnel = await buildReport(db, { ...base, by: ["asset"] }, opts);
    const [channels, steps] = await Promise.all([
      buildReport(db, { ...base, by: ["asset", "channel", "campaign"] }, { ...opts, sweep: false }),
      stepPerformance(db, asset.id),
    ]);
    const s = c.get("admin");
    return c.html(
      <AssetDetailPage
        locale={s.locale}
        csrf={s.csrf}
        chrome={chromeOf(s)}
        asset={asset}
        statuses={ASSET_STATUSES.filter((st) => canMove(asset.status, st))}
        funnel={funnel}
        channels={channels}
        steps={steps}
      />,
    );
  });
}
