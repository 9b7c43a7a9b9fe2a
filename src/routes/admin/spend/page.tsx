/** @jsxImportSource hono/jsx */
// GET /admin/spend (records and forms), POST /admin/spend (add one), POST /admin/spend/{id}/delete.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../http/app-env";
import { chromeOf } from "../../../http/admin-guard";
import { AppError, fieldErrors, fieldErrorsOf } from "../../../errors";
import { spendInput } from "../../../services/spend/spend-input";
import { createSpend, deleteSpend, listSpend } from "../../../services/spend/spend-service";
import { latestRateOfEachCurrency, putRates } from "../../../services/spend/exchange-rates";
import { audit } from "../../../http/audit";
import { spendRecord } from "../../../http/audit-records";
import { isCurrencyCode, parseAmount } from "../../../domain/money";
import { assetOptions } from "../../../services/assets/asset-options";
import { CHANNELS } from "../../../db/schema";
import { SpendPage } from "../../../../templates/admin/pages/spend";
import { at } from "../../../../templates/admin/messages";
import { readAdminForm } from "../../../http/admin-form";

async function render(
  c: Context<AppEnv>,
  extra: {
    values?: Record<string, string>;
    errors?: Record<string, string[]>;
    message?: string;
    error?: string;
  },
  status: 200 | 400 = 200,
) {
  const db = c.get("db");
  const cursor = Number(c.req.query("cursor")) || undefined;
  const [{ rows, nextCursor }, assets, latestRates] = await Promise.all([
    listSpend(db, { limit: 50, before: cursor }),
    assetOptions(db),
    latestRateOfEachCurrency(db),
  ]);
  const s = c.get("admin");
  return c.html(
    <SpendPage
      channels={CHANNELS}
      locale={s.locale}
      csrf={s.csrf}
      chrome={chromeOf(s)}
      currency={c.get("config").REPORTING_CURRENCY}
      assets={assets}
      rows={rows}
      nextCursor={nextCursor}
      latestRates={latestRates}
      {...extra}
      values={{ ...(cursor ? { cursor: String(cursor) } : {}), ...extra.values }}
    />,
    status,
  );
}

export function registerSpendPage(app: Hono<AppEnv>) {
  app.get("/spend", (c) =>
    render(c, { message: c.req.query("saved") ? at(c.get("admin").locale, "saved") : undefined }),
  );

  app.post("/spend", async (c) => {
    const { fields } = await readAdminForm(c);
    const currency = (fields.currency ?? "").trim().toUpperCase();
    const amountMinor = isCurrencyCode(currency)
      ? parseAmount(fields.amount ?? "", currency)
      : null;
    const parsed = spendInput.safeParse({
      ...fields,
      currency,
      amount_minor: amountMinor ?? Number.NaN,
    });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      if (errors.amount_minor) {
        errors.amount = [`Enter an amount in ${currency || "the currency"}, e.g. 1234.50`];
        delete errors.amount_minor;
      }
      return render(c, { values: fields, errors }, 400);
    }
    try {
      const row = await createSpend(c.get("db"), parsed.data, {
        now: c.get("now"),
        reportingCurrency: c.get("config").REPORTING_CURRENCY,
      });
      await audit(c, {
        action: "spend.create",
        subject: { type: "spend", id: row.id },
        before: null,
        after: spendRecord(row),
      });
    } catch (err) {
      const errors = fieldErrorsOf(err);
      if (errors) return render(c, { values: fields, errors }, 400);
      throw err;
    }
    return c.redirect("/admin/spend?saved=1", 303);
  });

  app.post("/spend/rates", async (c) => {
    const { fields } = await readAdminForm(c);
    const L = c.get("admin").locale;
    const text = (fields.rates_csv ?? "").trim();
    // The header may be left out when the columns are in the order the form shows.
    const csv = /rate/i.test(text.split(/\r?\n/, 1)[0] ?? "") ? text : `day,currency,rate\n${text}`;
    try {
      const out = await putRates(
        c.get("db"),
        { csv },
        { now: c.get("now"), reportingCurrency: c.get("config").REPORTING_CURRENCY },
      );
      await audit(c, {
        action: "exchange_rates.put",
        subject: { type: "exchange_rates", id: null },
        before: null,
        after: { saved: out.saved },
      });
      return render(c, { message: at(L, "rates_saved", { n: out.saved }) });
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 400) throw err;
      const rows = (err.details as { rows?: { line: number; reason: string }[] } | undefined)?.rows;
      const lines = (rows ?? []).map((r) => `${at(L, "line")} ${r.line}: ${r.reason}`);
      return render(c, { error: [err.message, ...lines].join(" · ") }, 400);
    }
  });

  app.post("/spend/:id{[0-9]+}/delete", async (c) => {
    await readAdminForm(c);
    const id = Number(c.req.param("id"));
    const before = await deleteSpend(c.get("db"), id);
    await audit(c, {
      action: "spend.delete",
      subject: { type: "spend", id },
      before: spendRecord(before),
      after: null,
    });
    return c.redirect("/admin/spend", 303);
  });
}
