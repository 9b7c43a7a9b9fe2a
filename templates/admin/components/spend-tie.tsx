/** @jsxImportSource hono/jsx */
// What a spend row is tied to, in words, and the exchange-rates card of the spend page.
import type { Locale } from "../../../src/db/schema";
import type { SpendRow } from "../../../src/services/spend/spend-service";
import type { DayRate } from "../../../src/domain/exchange-rates";
import { Csrf } from "../layout";
import { at } from "../messages";

/** Asset, channel and UTMs of a row: "asset · google / cpc · spring"; the platform's own campaign name when it differs. */
export function SpendTie(p: { L: Locale; row: SpendRow; assetTitle: string | null }) {
  const r = p.row;
  const utm = [r.utmSource, r.utmMedium].filter(Boolean).join(" / ");
  const parts = [p.assetTitle, r.channel, utm || null, r.utmCampaign].filter(Boolean);
  return (
    <>
      {parts.length ? parts.join(" · ") : at(p.L, "any")}
      {r.platformCampaign && r.platformCampaign.replace(/\s+/g, " ").trim() !== r.utmCampaign ? (
        <span class="muted"> ← {r.platformCampaign}</span>
      ) : null}
    </>
  );
}

export function ExchangeRatesCard(p: {
  L: Locale;
  csrf: string;
  currency: string;
  latest: DayRate[];
  canWrite: boolean;
}) {
  const { L } = p;
  return (
    <div class="card" id="rates">
      <h2>{at(L, "rates_title")}</h2>
      <p class="muted">{at(L, "rates_table_help", { r: p.currency })}</p>
      {p.latest.length ? (
        <table>
          <thead>
            <tr>
              <th>{at(L, "currency")}</th>
              <th>{at(L, "day")}</th>
              <th class="n">{at(L, "rates_latest")}</th>
            </tr>
          </thead>
          <tbody>
            {p.latest.map((r) => (
              <tr>
                <td>{r.currency}</td>
                <td>{r.day}</td>
                <td class="n">{r.rate}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">{at(L, "rates_none")}</p>
      )}
      {p.canWrite ? (
        <form method="post" action="/admin/spend/rates">
          <Csrf token={p.csrf} />
          <label>
            day,currency,rate
            <textarea
              name="rates_csv"
              rows={4}
              placeholder={"day,currency,rate\n2026-11-30,CNY,0.1381"}
            />
          </label>
          <p>
            <button type="submit">{at(L, "rates_save")}</button>
          </p>
        </form>
      ) : null}
    </div>
  );
}
