/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";
// The landing page: title, summary, outline and the gate form, with per-field errors announced.
import { Layout } from "./layout";
import { t, type MessageKey } from "../i18n";
import type { Asset, CourseSession, FormField } from "../../src/db/schema";
import type { GateChoices } from "../../src/domain/gate-form";
import type { FieldErrors } from "../../src/errors";
import { SessionTime } from "./session-time";
import type { ConsentCopy } from "../consent-words";
import { ConsentFields } from "./consent-fields";
import type { Brand } from "../../src/services/settings/settings";
import { SessionPicker, type SessionOption } from "./session-picker";

interface LandingProps {
  asset: Asset;
  session: CourseSession | null;
  canonical: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  turnstileSiteKey?: string;
  /** The consent words this visitor gets (the asset's mode as their law allows). */
  consent: ConsentCopy;
  /** The gate's closed sets (company sizes, hidden UTM fields, the honeypot's name), from the form's rules. */
  choices: GateChoices;
  /** The workspace's brand for the header (Settings). */
  brand?: Brand | null;
  /** The cover image's URL on this origin, when the asset has one. */
  coverUrl?: string | null;
  /** A course's upcoming sessions to pick from (full ones shown closed); absent for a whitepaper. */
  sessions?: SessionOption[];
}

const INPUT_TYPES: Record<FormField, { type: string; autocomplete: string }> = {
  name: { type: "text", autocomplete: "name" },
  company: { type: "text", autocomplete: "organization" },
  job_title: { type: "text", autocomplete: "organization-title" },
  phone: { type: "tel", autocomplete: "tel" },
  company_size: { type: "select", autocomplete: "off" },
};

function Field(props: {
  id: string;
  label: string;
  required: boolean;
  optionalText: string;
  errors?: string[];
  children: Child;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div>
      <label for={props.id}>
        {props.label}
        {props.required ? null : <span class="hint"> ({props.optionalText})</span>}
      </label>
      {props.children}
      {props.errors?.length ? (
        <p class="field-error" id={errorId}>
          {props.errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function LandingPage(p: LandingProps) {
  const { asset, values, errors = {} } = p;
  const L = asset.locale;
  const invalid = (f: string) =>
    errors[f]?.length ? { "aria-invalid": "true", "aria-describedby": `${f}-error` } : {};
  const fields = (Object.keys(asset.form.fields) as FormField[]).filter(
    (f) => asset.form.fields[f] !== "hidden",
  );
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout
      locale={L}
      title={asset.title}
      description={asset.summary}
      canonical={p.canonical}
      brand={p.brand}
      image={p.coverUrl ? new URL(p.coverUrl, p.canonical).href : null}
      head={
        p.turnstileSiteKey ? (
          <script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer></script>
        ) : null
      }
    >
      <main class="landing">
        <article>
          <div class="kicker">{t(L, `kicker_${asset.kind}`)}</div>
          <h1>{asset.title}</h1>
          {p.coverUrl ? <img class="cover" src={p.coverUrl} alt="" /> : null}
          <p>{asset.summary}</p>
          {p.session ? <SessionTime session={p.session} locale={L} /> : null}
          {asset.outline.length ? (
            <section aria-labelledby="outline-title">
              <h2 id="outline-title">{t(L, "outline")}</h2>
              <ul>
                {asset.outline.map((item) => (
                  <li>{item}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </article>
        <section class="card" aria-labelledby="form-title">
          <h2 id="form-title">{t(L, "form_title")}</h2>
          {hasErrors ? (
            <div class="alert" role="alert" id="form-errors">
              {t(L, "errors_title")}
              {errors._ ? <p>{errors._.join(" ")}</p> : null}
            </div>
          ) : null}
          <form method="post" action={`/p/${asset.slug}`} novalidate>
            <Field
              id="email"
              label={t(L, "email")}
              required
              optionalText={t(L, "optional")}
              errors={errors.email}
            >
              <input
                id="email"
                name="email"
                type="email"
                autocomplete="email"
                required
                value={values.email ?? ""}
                {...invalid("email")}
              />
            </Field>
            {fields.map((f) => {
              const required = asset.form.fields[f] === "required";
              return (
                <Field
                  id={f}
                  label={t(L, f as MessageKey)}
                  required={required}
                  optionalText={t(L, "optional")}
                  errors={errors[f]}
                >
                  {f === "company_size" ? (
                    <select id={f} name={f} required={required} {...invalid(f)}>
                      <option value="">{t(L, "choose")}</option>
                      {p.choices.companySizes.map((s) => (
                        <option value={s} selected={values[f] === s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      id={f}
                      name={f}
                      type={INPUT_TYPES[f].type}
                      autocomplete={INPUT_TYPES[f].autocomplete}
                      required={required}
                      value={values[f] ?? ""}
                      {...invalid(f)}
                    />
                  )}
                </Field>
              );
            })}
            {p.sessions ? (
              <SessionPicker
                locale={L}
                sessions={p.sessions}
                chosen={values.session}
                errors={errors.session}
              />
            ) : null}
            <ConsentFields copy={p.consent} values={values} errors={errors} />
            {/* A field people never see or reach (off-screen, out of the tab order, hidden from assistive tech); bots fill it. Named like a real field so it does not give itself away. */}
            <div class="field-site" aria-hidden="true">
              <label for={p.choices.honeypot}>Website</label>
              <input
                id={p.choices.honeypot}
                name={p.choices.honeypot}
                type="text"
                tabindex={-1}
                autocomplete="off"
                value=""
              />
            </div>
            {[
              ...p.choices.utmFields,
              ...p.choices.clickIdFields,
              "ref",
              "landing_url",
              "referrer",
            ].map((name) =>
              values[name] ? <input type="hidden" name={name} value={values[name]} /> : null,
            )}
            {p.turnstileSiteKey ? (
              <div class="cf-turnstile" data-sitekey={p.turnstileSiteKey}></div>
            ) : null}
            <button
              type="submit"
              disabled={p.sessions !== undefined && !p.sessions.some((s) => s.seatsLeft !== 0)}
            >
              {t(L, `submit_${asset.kind}`)}
            </button>
          </form>
        </section>
      </main>
    </Layout>
  );
}
