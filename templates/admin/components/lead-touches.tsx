/** @jsxImportSource hono/jsx */
// Where the lead came from: the UTM five and click ids of the first and the latest touch, then every touch.
import type { Locale } from "../../../src/db/schema";
import { at, type AdminKey } from "../messages";
import { dateTime } from "../format";
import { channelName, type LeadDetail } from "./lead-words";

type Touch = NonNullable<LeadDetail["first_touch"]>;
const UTM: [keyof Touch & `utm_${string}`, AdminKey][] = [
  ["utm_source", "utm_source"],
  ["utm_medium", "utm_medium"],
  ["utm_campaign", "utm_campaign"],
  ["utm_term", "utm_term"],
  ["utm_content", "utm_content"],
];

/** The ad platforms' click ids of a touch, one per line as `param value`; "—" when it had none. */
function ClickIds(p: { ids: Touch["click_ids"] }) {
  const entries = Object.entries(p.ids);
  if (!entries.length) return <>—</>;
  return (
    <ul class="click-ids">
      {entries.map(([param, value]) => (
        <li data-click-id={param}>
          <code>{param}</code> <span class="click-id-value">{value}</span>
        </li>
      ))}
    </ul>
  );
}

/** The first and the latest touch side by side: asset, channel, the UTM five, the referring site. */
export function FirstAndLatestTouch(p: { L: Locale; lead: LeadDetail }) {
  const { L } = p;
  const first = p.lead.first_touch;
  const latest = p.lead.latest_touch;
  if (!first || !latest) return null;
  const cell = (v: string | null) => <td>{v ?? "—"}</td>;
  return (
    <div class="card">
      <table class="touch-utm">
        <thead>
          <tr>
            <th />
            <th scope="col">{at(L, "first_touch")}</th>
            <th scope="col">{at(L, "latest_touch")}</th>
          </tr>
        </thead>
        <tbody>
          <tr data-field="at">
            <th scope="row">{at(L, "at")}</th>
            {cell(dateTime(first.at, L))}
            {cell(dateTime(latest.at, L))}
          </tr>
          <tr data-field="asset">
            <th scope="row">{at(L, "asset")}</th>
            {[first, latest].map((t) => (
              <td>
                <a href={`/admin/assets/${t.asset.id}`}>{t.asset.title}</a>
              </td>
            ))}
          </tr>
          <tr data-field="channel">
            <th scope="row">{at(L, "channel")}</th>
            {cell(channelName(L, first.channel))}
            {cell(channelName(L, latest.channel))}
          </tr>
          {UTM.map(([field, label]) => (
            <tr data-field={field}>
              <th scope="row">{at(L, label)}</th>
              {cell(first[field])}
              {cell(latest[field])}
            </tr>
          ))}
          <tr data-field="referrer_host">
            <th scope="row">{at(L, "referrer_host")}</th>
            {cell(first.referrer_host)}
            {cell(latest.referrer_host)}
          </tr>
          <tr data-field="click_ids">
            <th scope="row">{at(L, "click_ids")}</th>
            {[first, latest].map((t) => (
              <td>
                <ClickIds ids={t.click_ids} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Every touch, first first. */
export function LeadTouches(p: { L: Locale; lead: LeadDetail }) {
  const { L } = p;
  return (
    <div class="card">
      <h2>{at(L, "touch_list")}</h2>
      <table>
        <thead>
          <tr>
            <th>{at(L, "at")}</th>
            <th>{at(L, "asset")}</th>
            <th>{at(L, "channel")}</th>
            {UTM.map(([, label]) => (
              <th>{at(L, label)}</th>
            ))}
            <th>{at(L, "click_ids")}</th>
          </tr>
        </thead>
        <tbody>
          {p.lead.touches.map((t) => (
            <tr>
              <td>{dateTime(t.at, L)}</td>
              <td>
                <a href={`/admin/assets/${t.asset.id}`}>{t.asset.title}</a>
              </td>
              <td>{channelName(L, t.channel)}</td>
              {UTM.map(([field]) => (
                <td>{t[field] ?? ""}</td>
              ))}
              <td>
                <ClickIds ids={t.click_ids} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
