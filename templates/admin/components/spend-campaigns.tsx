/** @jsxImportSource hono/jsx */
// The import preview's campaigns: the leads each will meet, and a campaign → leads' campaign mapping.
import type { Locale } from "../../../src/db/schema";
import type { ImportResult } from "../../../src/services/spend/spend-import";
import { Csrf } from "../layout";
import { at } from "../messages";
import { money } from "../format";

/** The form fields every step of the import carries: the file's text, its encoding, the tie, the rates. */
export const KEPT_FIELDS = [
  "csv",
  "encoding",
  "asset_id",
  "channel",
  "utm_source",
  "utm_medium",
  "currency",
  "rates",
  "platform",
  "account",
] as const;

/** The form fields a re-preview keeps (the file, the tie, the column mapping). */
export function KeptFields(p: { values: Record<string, string>; result: ImportResult }) {
  return (
    <>
      {KEPT_FIELDS.map((k) =>
        p.values[k] ? <input type="hidden" name={k} value={p.values[k]} /> : null,
      )}
      {Object.entries(p.result.mapping).map(([f, h]) => (
        <input type="hidden" name={`map_${f}`} value={h} />
      ))}
    </>
  );
}

export function SpendCampaigns(p: {
  L: Locale;
  csrf: string;
  values: Record<string, string>;
  result: ImportResult;
}) {
  const { L, result: r } = p;
  if (!r.campaigns.length) return null;
  return (
    <form class="card" method="post" action="/admin/spend/import">
      <h2>{at(L, "campaigns_title")}</h2>
      <p class="muted">{at(L, "campaigns_help")}</p>
      <Csrf token={p.csrf} />
      <KeptFields values={p.values} result={r} />
      <table>
        <thead>
          <tr>
            <th>{at(L, "campaign")}</th>
            <th>{at(L, "day")}</th>
            <th class="n">{at(L, "amount")}</th>
            <th>{at(L, "map_to")}</th>
            <th class="n">{at(L, "leads")}</th>
          </tr>
        </thead>
        <tbody>
          {r.campaigns.map((c, i) => (
            <tr>
              <td>{c.campaign ?? at(L, "any")}</td>
              <td>{c.day_from === c.day_to ? c.day_from : `${c.day_from} – ${c.day_to}`}</td>
              <td class="n">{money(c.amount_minor, c.currency, L)}</td>
              <td>
                <input type="hidden" name={`cmap_name_${i}`} value={c.campaign ?? ""} />
                <select
                  name={`cmap_utm_${i}`}
                  aria-label={`${at(L, "map_to")} ${c.campaign ?? ""}`}
                >
                  <option value="" selected={c.tie.from === "file"}>
                    {at(L, "map_own")}
                  </option>
                  {[...new Set([c.tie.utm_campaign ?? "", ...r.known_campaigns])]
                    .filter((k) => k && (c.tie.from !== "file" || k !== c.campaign))
                    .map((k) => (
                      <option
                        value={k}
                        selected={c.tie.from !== "file" && k === c.tie.utm_campaign}
                      >
                        {k}
                      </option>
                    ))}
                </select>
                {c.tie.from === "saved" ? <span class="pill">{at(L, "mapping_saved")}</span> : null}
              </td>
              <td class="n">
                {c.meets_none ? (
                  <span class="pill warn">{at(L, "meets_none")}</span>
                ) : (
                  at(L, "meets_leads", { n: c.leads })
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="submit" name="action" value="preview" class="secondary">
          {at(L, "apply_mapping")}
        </button>
      </p>
    </form>
  );
}
