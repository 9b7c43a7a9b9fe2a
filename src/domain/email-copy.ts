// One step's email copy: checked at authoring against what its asset can supply, and filled in at send time.
import {
  parseMarkdown,
  parsePlainCopy,
  type Href,
  type Inline,
  type MdBlock,
} from "./email-markdown";
import { COPY_VARIABLES, type CopyVariable } from "./vocabulary";

export interface CopyFields {
  subject: string;
  preheader: string;
  body: string;
}

/** Text after its variables are filled in: spans of plain text, a line break, or a link. */
export type Span =
  | { t: string; b?: true; i?: true }
  | { br: true }
  | { a: { label: Span[]; href: string } };
export type FilledBlock =
  | { p: Span[] }
  | { h: 1 | 2 | 3; spans: Span[] }
  | { ul: Span[][] }
  | { ol: Span[][] }
  | { button: { label: string; href: string } };

export interface FilledCopy {
  subject: string;
  preheader: string;
  blocks: FilledBlock[];
}

/** What each field of the copy gets wrong, keyed by field; empty when every variable can be supplied. */
export function copyProblems(
  copy: CopyFields,
  supplied: ReadonlySet<CopyVariable>,
  kindName: string,
): Partial<Record<keyof CopyFields, string[]>> {
  const out: Partial<Record<keyof CopyFields, string[]>> = {};
  const parsed = {
    subject: parsePlainCopy(copy.subject),
    preheader: parsePlainCopy(copy.preheader),
    body: parseMarkdown(copy.body),
  };
  for (const field of ["subject", "preheader", "body"] as const) {
    const problems = [...parsed[field].problems];
    for (const v of parsed[field].variables) {
      if (!(COPY_VARIABLES as readonly string[]).includes(v))
        problems.push(
          `{{${v}}} is not a variable; use one of ${COPY_VARIABLES.map((n) => `{{${n}}}`).join(", ")}`,
        );
      else if (!supplied.has(v as CopyVariable))
        problems.push(`{{${v}}} cannot be supplied by a ${kindName}`);
    }
    if (field === "subject" && !copy.subject.trim()) problems.push("A subject is required");
    if (field === "body" && !parsed.body.value.length) problems.push("The email needs a body");
    if (problems.length) out[field] = problems;
  }
  return out;
}

export type CopyValues = Partial<Record<CopyVariable, string | null>>;

// An empty variable leaves a mark for tidy() to take out with the space or comma it leaves behind.
const EMPTY = "\ue000";
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a value loses (and the mark)
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\ue000]/g;

function filled(values: CopyValues, name: string): string {
  const v = (values[name as CopyVariable] ?? "").replace(CONTROL, "").trim();
  return v || EMPTY;
}

/** "Hi {{first_name}}," with no name reads "Hi,"; "{{first_name}}，您好：" reads "您好：". */
function tidy(s: string, first: boolean): string {
  let t = s.replace(/ ?\ue000(?=[\s,，.。!！?？;；:：、)]|$)/g, EMPTY);
  if (first) t = t.replace(/^\ue000+[,，、:：]?\s*/, "");
  return t.replace(/\ue000 ?/g, "").replace(/ {2,}/g, " ");
}

function flat(nodes: Inline[], values: CopyValues): string {
  return nodes
    .map((n) =>
      "text" in n
        ? n.text
        : "var" in n
          ? filled(values, n.var)
          : "strong" in n
            ? flat(n.strong, values)
            : "em" in n
              ? flat(n.em, values)
              : "link" in n
                ? flat(n.link.label, values)
                : " ",
    )
    .join("");
}

function spans(nodes: Inline[], values: CopyValues, style: { b?: true; i?: true } = {}): Span[] {
  const out: Span[] = [];
  for (const n of nodes) {
    if ("text" in n) out.push({ t: n.text, ...style });
    else if ("var" in n) out.push({ t: filled(values, n.var), ...style });
    else if ("strong" in n) out.push(...spans(n.strong, values, { ...style, b: true }));
    else if ("em" in n) out.push(...spans(n.em, values, { ...style, i: true }));
    else if ("br" in n) out.push({ br: true });
    else {
      const target = hrefOf(n.link.href, values);
      const label = spans(n.link.label, values, style);
      if (target) out.push({ a: { label, href: target } });
      else out.push(...label);
    }
  }
  return out;
}

/** Neighbouring text of one style becomes one span, so tidy() sees "Hi " and "," around an empty name. */
function finished(raw: Span[]): Span[] {
  const merged: Span[] = [];
  for (const s of raw) {
    const last = merged.at(-1);
    if (last && "t" in last && "t" in s && last.b === s.b && last.i === s.i) last.t += s.t;
    else
      merged.push(
        "t" in s ? { ...s } : "a" in s ? { a: { ...s.a, label: finished(s.a.label) } } : s,
      );
  }
  return merged
    .map((s, i) => ("t" in s ? { ...s, t: tidy(s.t, i === 0) } : s))
    .filter((s) => !("t" in s) || s.t !== "");
}

function hrefOf(h: Href, values: CopyValues): string | null {
  return "url" in h ? h.url : (values[h.var as CopyVariable] ?? null) || null;
}

function fillBlock(b: MdBlock, values: CopyValues): FilledBlock | null {
  const fill = (nodes: Inline[]) => finished(spans(nodes, values));
  if ("p" in b) return { p: fill(b.p) };
  if ("h" in b) return { h: b.h, spans: fill(b.content) };
  if ("ul" in b) return { ul: b.ul.map(fill) };
  if ("ol" in b) return { ol: b.ol.map(fill) };
  const target = hrefOf(b.button.href, values);
  return target
    ? { button: { label: tidy(flat(b.button.label, values), true), href: target } }
    : null;
}

/** The copy with every variable filled in; a link whose variable is empty loses its link, never its words. */
export function fillCopy(copy: CopyFields, values: CopyValues): FilledCopy {
  const plain = (s: string) => tidy(flat(parsePlainCopy(s).value, values), true);
  return {
    subject: plain(copy.subject),
    preheader: plain(copy.preheader),
    blocks: parseMarkdown(copy.body)
      .value.map((b) => fillBlock(b, values))
      .filter((b): b is FilledBlock => b !== null),
  };
}
