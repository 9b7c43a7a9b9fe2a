/** @jsxImportSource hono/jsx */
// The gate's consent: the marketing box (opt-in, or the soft opt-in's notice and opt-out) and the privacy notice.
// No box is ever ticked for the visitor; a re-render after an error keeps only what they ticked themselves.
import type { ConsentCopy, LinkedSentence } from "../consent-words";

function Sentence(p: { s: LinkedSentence }) {
  return (
    <>
      {p.s.before}
      {p.s.url ? (
        <a href={p.s.url} target="_blank" rel="noopener noreferrer">
          {p.s.link}
        </a>
      ) : (
        p.s.link
      )}
      {p.s.after}
    </>
  );
}

function Box(p: {
  name: string;
  required: boolean;
  checked: boolean;
  errors?: string[];
  children: unknown;
  note?: string | null;
}) {
  const errorId = `${p.name}-error`;
  const described = [p.errors?.length ? errorId : null, p.note ? `${p.name}-note` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div>
      <label class="consent" for={p.name}>
        <input
          id={p.name}
          name={p.name}
          type="checkbox"
          value="on"
          checked={p.checked}
          required={p.required}
          aria-invalid={p.errors?.length ? "true" : undefined}
          aria-describedby={described || undefined}
        />
        <span>{p.children}</span>
      </label>
      {p.note ? (
        <p class="hint consent-note" id={`${p.name}-note`} style="margin:2px 0 0 28px">
          {p.note}
        </p>
      ) : null}
      {p.errors?.length ? (
        <p class="field-error" id={errorId}>
          {p.errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function ConsentFields(p: {
  copy: ConsentCopy;
  values: Record<string, string>;
  errors: Record<string, string[]>;
}) {
  const { marketing: m, privacy } = p.copy;
  return (
    <div class="consent-fields">
      {m.statement ? <p class="hint consent-statement">{m.statement}</p> : null}
      <Box
        name={m.field}
        required={m.required}
        checked={p.values[m.field] === "on"}
        errors={p.errors[m.field]}
        note={m.note}
      >
        {m.label}
      </Box>
      {privacy.box ? (
        <Box name="privacy" required checked={p.values.privacy === "on"} errors={p.errors.privacy}>
          <Sentence s={privacy} />
        </Box>
      ) : (
        <p class="hint privacy-notice">
          <Sentence s={privacy} />
        </p>
      )}
    </div>
  );
}
