/** @jsxImportSource hono/jsx */
// The spend page: records, a form to add one, exchange rates, and the CSV upload that leads to the import preview.
import { ExchangeRatesCard, SpendTie } from "../components/spend-tie";
import type { DayRate } from "../../../src/domain/exchange-rates";
import type { Channel, Locale } from "../../../src/db/schema";
import type { SpendRow } from "../../../src/services/spend/spend-service";
import { AdminLayout, Csrf, allows, type AdminChrome } from "../layout";
import { at } from "../messages";
import { money, num } from "../format";
import { type AssetOption, Field, ImportForm, TargetFields } from "../components/spend-fields";

export type { AssetOption };

interface SpendPageProps {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  currency: string;
  assets: AssetOption[];
  rows: SpendRow[];
  nextCursor: number | null;
  /** The latest exchange rate of each currency that has one. */
  latestRates: DayRate[];
  values?: Record<string, string>;
  errors?: Record<string, string[]>;
  error?: string;
  message?: string;
  /** The channels a spend record can be tied to. */
  channels: readonly Channel[];
}

export function SpendPage(p: SpendPageProps) {
  const L = p.locale;
  const v = p.values ?? {};
  const title = (id: number | null) =>
    id === null ? at(L, "any") : (p.assets.find((a) => a.id === id)?.title ?? `#${id}`);
  return (
    <AdminLayout
      locale={L}
      title={at(L, "spend_title")}
      path="/admin/spend"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1>{at(L, "spend_title")}</h1>
      {p.message ? <p class="ok">{p.message}</p> : null}
      {p.error ? (
        <p class="alert" role="alert">
          {p.error}
        </p>
      ) : null}
      {allows(p.chrome, "spend.write") ? (
        <div class="cols">
          <form class="card" method="post" action="/admin/spend">
            <h2>{at(L, "spend_new")}</h2>
            <Csrf token={p.csrf} />
            {p.errors ? <p class="alert">{at(L, "fix_errors")}</p> : null}
            <div class="grid">
              <Field
                label={at(L, "day_from")}
                name="day_from"
                type="date"
                value={v.day_from}
                errors={p.errors}
                required
              />
              <Field
                label={at(L, "day_to")}
                name="day_to"
                type="date"
                value={v.day_to}
                errors={p.errors}
              />
              <Field
                label={at(L, "amount")}
                name="amount"
                value={v.amount}
                errors={p.errors}
                required
              />
              <Field
                label={at(L, "currency")}
                name="currency"
                value={v.currency ?? p.currency}
                errors={p.errors}
                required
              />
              <Field
                label={at(L, "fx_rate", { currency: p.currency })}
                name="fx_rate"
                value={v.fx_rate}
                errors={p.errors}
              />
              <TargetFields
                L={L}
                channels={p.channels}
                assets={p.assets}
                values={v}
                errors={p.errors}
              />
              <Field
                label={at(L, "utm_campaign")}
                name="utm_campaign"
                value={v.utm_campaign}
                errors={p.errors}
              />
              <Field
                label={at(L, "impressions")}
                name="impressions"
                value={v.impressions}
                errors={p.errors}
              />
              <Field label={at(L, "clicks")} name="clicks" value={v.clicks} errors={p.errors} />
            </div>
            <p>
              <button type="submit">{at(L, "save")}</button>
            </p>
          </form>
          <ImportForm
            L={L}
            channels={p.channels}
            csrf={p.csrf}
            currency={p.currency}
            assets={p.assets}
            values={{}}
          />
        </div>
      ) : null}
      <ExchangeRatesCard
        L={L}
        csrf={p.csrf}
        currency={p.currency}
        latest={p.latestRates}
        canWrite={allows(p.chrome, "spend.write")}
      />
      <div class="card">
        {p.rows.length ? (
          <table>
            <thead>
              <tr>
                <th>{at(L, "day_from")}</th>
                <th>{at(L, "to")}</th>
                <th>{at(L, "tied_to")}</th>
                <th class="n">{at(L, "amount")}</th>
                <th class="n">{p.currency}</th>
                <th class="n">{at(L, "impressions")}</th>
                <th class="n">{at(L, "clicks")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <td>{r.dayFrom}</td>
                  <td>{r.dayTo}</td>
                  <td>
                    <SpendTie L={L} row={r} assetTitle={r.assetId ? title(r.assetId) : null} />
                  </td>
                  <td class="n">{money(r.amountMinor, r.currency, L)}</td>
                  <td class="n">{money(r.reportingMinor, p.currency, L)}</td>
                  <td class="n">{num(r.impressions, L)}</td>
                  <td class="n">{num(r.clicks, L)}</td>
                  <td>
                    {allows(p.chrome, "spend.write") ? (
                      <form method="post" action={`/admin/spend/${r.id}/delete`}>
                        <Csrf token={p.csrf} />
                        <button class="danger" type="submit">
                          {at(L, "delete")}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">{at(L, "spend_empty")}</p>
        )}
        <p class="row">
          {v.cursor ? <a href="/admin/spend">{at(L, "first_page")}</a> : null}
          {p.nextCursor ? (
            <a href={`/admin/spend?cursor=${p.nextCursor}`}>{at(L, "next_page")}</a>
          ) : null}
        </p>
      </div>
    </AdminLayout>
  );
}
