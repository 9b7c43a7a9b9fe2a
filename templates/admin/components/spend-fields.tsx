/** @jsxImportSource hono/jsx */
// Pieces of the spend pages: labelled fields with their errors, the asset/channel/UTM tie, the CSV upload form.
import { channelName } from "../words";
import type { Channel, Locale } from "../../../src/db/schema";
import { Csrf } from "../layout";
import { Errors } from "./field-errors";
import { at } from "../messages";

export interface AssetOption {
  id: number;
  title: string;
}

export function Field(p: {
  label: string;
  name: string;
  value?: string;
  type?: string;
  errors?: Record<string, string[]>;
  required?: boolean;
  step?: string;
}) {
  return (
    <label>
      {p.label}
      <input
        name={p.name}
        type={p.type ?? "text"}
        value={p.value ?? ""}
        required={p.required}
        step={p.step}
        aria-invalid={p.errors?.[p.name] ? "true" : undefined}
      />
      <Errors errors={p.errors} name={p.name} />
    </label>
  );
}

export function TargetFields(p: {
  L: Locale;
  channels: readonly Channel[];
  assets: AssetOption[];
  values: Record<string, string>;
  errors?: Record<string, string[]>;
}) {
  const { L, values } = p;
  return (
    <>
      <label>
        {at(L, "asset")}
        <select name="asset_id">
          <option value="">{at(L, "any")}</option>
          {p.assets.map((a) => (
            <option value={String(a.id)} selected={values.asset_id === String(a.id)}>
              {a.title}
            </option>
          ))}
        </select>
        <Errors errors={p.errors} name="asset_id" />
      </label>
      <label>
        {at(L, "channel")}
        <select name="channel">
          <option value="">{at(L, "any")}</option>
          {p.channels.map((ch) => (
            <option value={ch} selected={values.channel === ch}>
              {channelName(L, ch)}
            </option>
          ))}
        </select>
        <Errors errors={p.errors} name="channel" />
      </label>
      <Field
        label={at(L, "utm_source")}
        name="utm_source"
        value={values.utm_source}
        errors={p.errors}
      />
      <Field
        label={at(L, "utm_medium")}
        name="utm_medium"
        value={values.utm_medium}
        errors={p.errors}
      />
    </>
  );
}

export function ImportForm(p: {
  L: Locale;
  channels: readonly Channel[];
  csrf: string;
  currency: string;
  assets: AssetOption[];
  values: Record<string, string>;
}) {
  const { L, values } = p;
  return (
    <form class="card" method="post" action="/admin/spend/import" enctype="multipart/form-data">
      <h2>{at(L, "spend_import")}</h2>
      <p class="muted">{at(L, "spend_import_help")}</p>
      <Csrf token={p.csrf} />
      <label>
        {at(L, "csv_file")}
        <input
          type="file"
          name="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
        />
      </label>
      <label>
        {at(L, "csv_paste")}
        <textarea name="csv" rows={5}>
          {values.csv ?? ""}
        </textarea>
      </label>
      <p class="muted">{at(L, "tie_to")}</p>
      <div class="grid">
        <TargetFields L={L} channels={p.channels} assets={p.assets} values={values} />
        <label>
          {at(L, "currency_if_none")}
          <input name="currency" value={values.currency ?? ""} placeholder={p.currency} />
        </label>
      </div>
      <p class="muted">{at(L, "currency_if_none_help")}</p>
      <label>
        {at(L, "rates_help")}
        <textarea name="rates" rows={2}>
          {values.rates ?? ""}
        </textarea>
      </label>
      <p>
        <button type="submit" name="action" value="preview">
          {at(L, "preview")}
        </button>
      </p>
    </form>
  );
}
