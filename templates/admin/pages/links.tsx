/** @jsxImportSource hono/jsx */
// The link builder: a form for asset, preset and UTMs, the link just made with a copy button, and the links made.
import type { Locale } from "../../../src/db/schema";
import type { TaggedLinkRow } from "../../../src/store/tagged-links";
import type { LinkPreset } from "../../../src/domain/tagged-link";
import { AdminLayout, Csrf, allows, type AdminChrome } from "../layout";
import { at, type AdminKey } from "../messages";
import { dateTime } from "../format";
import { Field } from "../components/spend-fields";
import { Errors } from "../components/field-errors";

interface LinksPageProps {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  assets: { id: number; title: string }[];
  presets: readonly LinkPreset[];
  links: TaggedLinkRow[];
  /** The link this request just made. */
  made?: TaggedLinkRow;
  values?: Record<string, string>;
  errors?: Record<string, string[]>;
  copyScript: string;
}

function CopyableUrl(p: { id: string; url: string; L: Locale }) {
  return (
    <span class="row copy-url">
      <input id={p.id} type="text" readonly value={p.url} aria-label={at(p.L, "links_url")} />
      <button
        type="button"
        class="secondary"
        data-copy={p.id}
        data-copied={at(p.L, "links_copied")}
        hidden
      >
        {at(p.L, "links_copy")}
      </button>
    </span>
  );
}

function LinkForm(p: LinksPageProps) {
  const L = p.locale;
  const v = p.values ?? {};
  if (!p.assets.length) return <p class="note">{at(L, "links_no_assets")}</p>;
  return (
    <form class="card" method="post" action="/admin/links">
      <Csrf token={p.csrf} />
      {p.errors ? <p class="alert">{at(L, "fix_errors")}</p> : null}
      <div class="grid">
        <label>
          {at(L, "links_asset")}
          <select name="asset_id" required>
            {p.assets.map((a) => (
              <option value={String(a.id)} selected={v.asset_id === String(a.id)}>
                {a.title}
              </option>
            ))}
          </select>
          <Errors errors={p.errors} name="asset_id" />
        </label>
        <label>
          {at(L, "links_preset")}
          <select name="preset">
            <option value="">{at(L, "links_preset_none")}</option>
            {p.presets.map((name) => (
              <option value={name} selected={v.preset === name}>
                {at(L, `preset_${name}` as AdminKey)}
              </option>
            ))}
          </select>
        </label>
        <Field
          label={at(L, "links_source")}
          name="utm_source"
          value={v.utm_source}
          errors={p.errors}
        />
        <Field
          label={at(L, "links_medium")}
          name="utm_medium"
          value={v.utm_medium}
          errors={p.errors}
        />
        <Field
          label={at(L, "links_campaign")}
          name="utm_campaign"
          value={v.utm_campaign}
          errors={p.errors}
          required
        />
        <Field
          label={at(L, "links_content")}
          name="utm_content"
          value={v.utm_content}
          errors={p.errors}
        />
        <Field label={at(L, "links_term")} name="utm_term" value={v.utm_term} errors={p.errors} />
      </div>
      <p>
        <button type="submit">{at(L, "links_make")}</button>
      </p>
    </form>
  );
}

export function LinksPage(p: LinksPageProps) {
  const L = p.locale;
  return (
    <AdminLayout
      locale={L}
      title={at(L, "links_title")}
      path="/admin/links"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1>{at(L, "links_title")}</h1>
      <p class="muted">{at(L, "links_intro")}</p>
      {p.made ? (
        <div class="ok" data-made-link>
          <p>{at(L, "links_made")}</p>
          <CopyableUrl id="made-link" url={p.made.url} L={L} />
        </div>
      ) : null}
      {allows(p.chrome, "links.write") ? <LinkForm {...p} /> : null}
      <div class="card">
        <h2>{at(L, "links_list")}</h2>
        {p.links.length ? (
          <table class="stack">
            <thead>
              <tr>
                <th>{at(L, "links_at")}</th>
                <th>{at(L, "links_asset")}</th>
                <th>utm_source / utm_medium</th>
                <th>utm_campaign</th>
                <th>{at(L, "links_by")}</th>
                <th>{at(L, "links_url")}</th>
              </tr>
            </thead>
            <tbody>
              {p.links.map((l) => (
                <tr data-link-id={String(l.id)}>
                  <td>{dateTime(l.createdAt, L)}</td>
                  <td>
                    <a href={`/admin/assets/${l.assetId}`}>{l.assetTitle}</a>
                  </td>
                  <td>
                    {l.utmSource} / {l.utmMedium}
                  </td>
                  <td>{l.utmCampaign}</td>
                  <td>{l.createdByLabel}</td>
                  <td>
                    <CopyableUrl id={`link-${l.id}`} url={l.url} L={L} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">{at(L, "links_empty")}</p>
        )}
      </div>
      <script src={p.copyScript} defer></script>
    </AdminLayout>
  );
}
