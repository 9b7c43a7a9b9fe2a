/** @jsxImportSource hono/jsx */
// The lead page's consent: where the lead stands on marketing email, and what each capture showed and was answered.
import type { Locale } from "../../../src/db/schema";
import type { loadConsentAndNurture } from "../../../src/services/leads/lead-consent";
import { at, type AdminKey } from "../messages";
import { dateTime } from "../format";

type Consent = Awaited<ReturnType<typeof loadConsentAndNurture>>["consent"];
type ConsentRecord = Consent["records"][number];

/** One capture's answer in words: the marketing box, then the privacy box or notice. */
function answer(r: ConsentRecord, L: Locale): string {
  const marketing = at(L, `consent_state_${r.marketing ?? "none"}` as AdminKey);
  const privacy =
    r.privacy_accepted === null ? at(L, "consent_privacy_notice") : at(L, "consent_privacy_ticked");
  return `${marketing}${L === "zh-CN" ? "；" : "; "}${privacy}`;
}

export function LeadConsent(p: { locale: Locale; consent: Consent }) {
  const L = p.locale;
  const c = p.consent;
  const recorded = c.records.filter((r) => r.marketing !== null);
  const colon = L === "zh-CN" ? "：" : ": ";
  return (
    <div class="card lead-consent">
      <h2>{at(L, "lead_consent")}</h2>
      <table>
        <tbody>
          <tr>
            <th>{at(L, "lead_consent_standing")}</th>
            <td data-consent={c.marketing ?? "none"}>
              {at(L, `consent_state_${c.marketing ?? "none"}` as AdminKey)}
            </td>
          </tr>
          {c.at ? (
            <tr>
              <th>{at(L, "consent_since")}</th>
              <td>{dateTime(c.at, L)}</td>
            </tr>
          ) : null}
          {c.version ? (
            <tr>
              <th>{at(L, "consent_version_label")}</th>
              <td>{c.version}</td>
            </tr>
          ) : null}
          {c.ip_hashed ? (
            <tr>
              <th>{at(L, "consent_ip")}</th>
              <td>{at(L, "consent_ip_hashed")}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <h2 style="margin-top:16px">{at(L, "consent_records")}</h2>
      {recorded.length ? (
        <table>
          <thead>
            <tr>
              <th>{at(L, "at")}</th>
              <th>{at(L, "consent_boxes")}</th>
            </tr>
          </thead>
          <tbody>
            {recorded.map((r) => (
              <tr data-touch-id={r.touch_id}>
                <td style="white-space:normal;vertical-align:top">
                  {dateTime(r.at, L)}
                  <br />
                  <span class="muted">{r.asset.title}</span>
                </td>
                <td style="white-space:normal;vertical-align:top">
                  {answer(r, L)}
                  <br />
                  <span class="muted">
                    {`${at(L, "consent_mode")}${colon}${r.mode ? at(L, `consent_mode_short_${r.mode}` as AdminKey) : "—"} · ${at(L, "consent_version_label")}${colon}${r.version ?? "—"}`}
                  </span>
                  {r.text ? (
                    <details>
                      <summary class="muted">{at(L, "consent_words")}</summary>
                      <pre>{r.text}</pre>
                    </details>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">{at(L, "consent_no_records")}</p>
      )}
    </div>
  );
}
