/** @jsxImportSource hono/jsx */
// The lead page's nurture: each sequence, whether the lead is on it, why not, and when the next email is due.
import type { Locale } from "../../../src/db/schema";
import type { loadConsentAndNurture } from "../../../src/services/leads/lead-consent";
import { at, type AdminKey } from "../messages";
import { dateTime } from "../format";

type Nurture = Awaited<ReturnType<typeof loadConsentAndNurture>>["nurture"];

export function LeadNurture(p: { locale: Locale; nurture: Nurture }) {
  const L = p.locale;
  return (
    <div class="card lead-nurture">
      <h2>{at(L, "lead_nurture")}</h2>
      {p.nurture.length ? (
        <table>
          <thead>
            <tr>
              <th>{at(L, "nurture_sequence")}</th>
              <th>{at(L, "nurture_state")}</th>
              <th>{at(L, "nurture_next_step")}</th>
            </tr>
          </thead>
          <tbody>
            {p.nurture.map((n) => (
              <tr data-sequence-id={n.sequence_id} data-state={n.state}>
                <td style="white-space:normal">{n.sequence_name}</td>
                <td style="white-space:normal;min-width:9em">
                  {at(L, `nurture_state_${n.state}` as AdminKey)}
                  {n.reason ? (
                    <span class="muted">
                      {L === "zh-CN" ? "：" : ": "}
                      {at(L, `nurture_reason_${n.reason}` as AdminKey)}
                    </span>
                  ) : null}
                </td>
                <td>{n.next_step_at ? dateTime(n.next_step_at, L) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">{at(L, "nurture_none")}</p>
      )}
    </div>
  );
}
