/** @jsxImportSource hono/jsx */
// The lead's sales owner: who has it, since when, the acceptance deadline, and the accept button for its owner.
import type { Locale } from "../../../src/db/schema";
import { Csrf } from "../layout";
import { at } from "../messages";
import { dateTime } from "../format";
import type { LeadDetail } from "./lead-words";

export function LeadOwner(p: {
  L: Locale;
  lead: LeadDetail;
  csrf: string;
  /** Whether this session may accept it (its owner, or an admin). */
  canAccept: boolean;
  now: number;
  message?: string;
}) {
  const { L, lead: d } = p;
  const overdue = d.accept_by !== null && Date.parse(d.accept_by) < p.now;
  return (
    <div class="card" data-section="owner">
      <h2>{at(L, "owner")}</h2>
      {p.message ? <p class="ok">{p.message}</p> : null}
      {d.routing_flagged ? (
        <p class="alert" data-flagged="true">
          {at(L, "routing_flagged")}
        </p>
      ) : null}
      <table class="facts">
        <tbody>
          <tr data-field="owner">
            <th scope="row">{at(L, "owner")}</th>
            <td>{d.owner ? (d.owner.name ?? d.owner.email) : at(L, "owner_none")}</td>
          </tr>
          <tr data-field="owner_assigned_at">
            <th scope="row">{at(L, "owner_assigned")}</th>
            <td>{dateTime(d.owner_assigned_at, L)}</td>
          </tr>
          <tr data-field="accept_by">
            <th scope="row">{at(L, "accept_by")}</th>
            <td>
              {dateTime(d.accept_by, L)}
              {overdue ? <span class="pill"> {at(L, "overdue")}</span> : null}
            </td>
          </tr>
          <tr data-field="accepted_at">
            <th scope="row">{at(L, "accepted")}</th>
            <td>{dateTime(d.accepted_at, L)}</td>
          </tr>
        </tbody>
      </table>
      {d.owner && d.accepted_at === null && p.canAccept ? (
        <form method="post" action={`/admin/leads/${d.id}/accept`}>
          <Csrf token={p.csrf} />
          <button type="submit">{at(L, "accept_lead")}</button>
        </form>
      ) : null}
    </div>
  );
}
