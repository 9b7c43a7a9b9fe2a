/** @jsxImportSource hono/jsx */
// GET/POST /admin/leads/import (leads.import: marketers and admins): upload a lead list, adjust the columns, dry run, import.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { suppressionSecret } from "../../env";
import { chromeOf } from "../../http/admin-guard";
import { readAdminForm } from "../../http/admin-form";
import { audit, noChange } from "../../http/audit";
import { leadImportRecord } from "../../http/audit-records";
import { largeBody } from "../../http/body-limits";
import { AppError, fieldErrorsOf } from "../../errors";
import { importLeads, type ImportResult } from "../../services/lead-import/import-leads";
import { assetOptions } from "../../services/assets/asset-options";
import {
  IMPORT_FIELDS,
  type ColumnRole,
  type ImportMapping,
} from "../../domain/lead-import/columns";
import { decodeExport } from "../../domain/ad-exports";
import { LeadImportPage } from "../../../templates/admin/pages/lead-import";

const ROLES = new Set<string>([...IMPORT_FIELDS, "ignore"]);

/** `head_i` (a header of the file) with `map_i` (its field): the marketer's mapping. */
function mappingOf(fields: Record<string, string>): ImportMapping {
  const out: ImportMapping = {};
  for (const [k, head] of Object.entries(fields)) {
    const i = /^head_(\d+)$/.exec(k)?.[1];
    const role = i === undefined ? undefined : fields[`map_${i}`];
    if (role && ROLES.has(role)) out[head] = role as ColumnRole;
  }
  return out;
}

async function render(
  c: Context<AppEnv>,
  state: {
    values: Record<string, string>;
    text: string | null;
    result?: ImportResult;
    error?: string;
  },
  status: 200 | 400 = 200,
) {
  const s = c.get("admin");
  return c.html(
    <LeadImportPage
      locale={s.locale}
      csrf={s.csrf}
      chrome={chromeOf(s)}
      assets={await assetOptions(c.get("db"))}
      fields={IMPORT_FIELDS}
      {...state}
    />,
    status,
  );
}

export function registerLeadImport(app: Hono<AppEnv>) {
  app.get("/leads/import", (c) => render(c, { values: {}, text: null }));

  app.post("/leads/import", largeBody, async (c) => {
    const { fields, files } = await readAdminForm(c);
    const values = { ...fields };
    delete values._csrf;
    const file = files.file;
    // A re-post after a preview carries the text already read (UTF-8 from then on).
    const bytes = file
      ? new Uint8Array(await file.arrayBuffer())
      : new TextEncoder().encode(fields.csv_text ?? "");
    const dryRun = fields.action !== "import";
    const assetId = /^\d+$/.test(fields.asset_id ?? "") ? Number(fields.asset_id) : undefined;
    const text = (b: Uint8Array) => {
      const d = decodeExport(b);
      return d.ok ? d.text : "";
    };
    try {
      const result = await importLeads(
        {
          db: c.get("db"),
          jobs: c.env.JOBS,
          suppressionSecret: suppressionSecret(c.get("config")),
        },
        bytes,
        {
          mapping: mappingOf(fields),
          source: (fields.source ?? "").trim().slice(0, 200) || "Dashboard import",
          basis: fields.basis?.trim() || undefined,
          consentText: fields.consent_text?.trim() || undefined,
          consentVersion: fields.consent_version?.trim() || undefined,
          assetId,
          enrol: fields.enrol === "1",
          dryRun,
        },
        c.get("now"),
      );
      if (!dryRun && result.new + result.updated + result.unchanged > 0)
        await audit(c, {
          action: "leads.import",
          subject: { type: "lead_import", id: null },
          before: null,
          after: leadImportRecord(result, assetId),
        });
      else noChange(c);
      return render(c, { values, text: dryRun ? text(bytes) : null, result });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== "BAD_REQUEST") throw err;
      const fields = fieldErrorsOf(err);
      const extra = fields ? Object.values(fields).flat().join(" ") : "";
      noChange(c);
      return render(
        c,
        { values, text: null, error: `${err.message}${extra ? `: ${extra}` : ""}` },
        400,
      );
    }
  });
}
