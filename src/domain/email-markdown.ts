// The Markdown of email copy, parsed before any variable is filled in: whatever a lead typed can never become syntax.
import { LINK_VARIABLES } from "./vocabulary";

/** A link's target: an address the marketer wrote, or one of the signed links a send supplies. */
export type Href = { url: string } | { var: string };
export type Inline =
  | { text: string }
  | { var: string }
  | { strong: Inline[] }
  | { em: Inline[] }
  | { link: { label: Inline[]; href: Href } }
  | { br: true };
export type MdBlock =
  | { p: Inline[] }
  | { h: 1 | 2 | 3; content: Inline[] }
  | { ul: Inline[][] }
  | { ol: Inline[][] }
  | { button: { label: Inline[]; href: Href } };

export interface Parsed<T> {
  value: T;
  /** Every `{{variable}}` named, in order of first use. */
  variables: string[];
  problems: string[];
}

const ESCAPABLE = new Set([..."\\*_[](){}#-+.!`>|"]);
const VARIABLE = /^\{\{\s*([A-Za-z0-9_]+)\s*\}\}/;
const SAFE_URL = /^(https?:\/\/[^\s<>"'`]+|mailto:[^\s<>"'`]+)$/i;

class Scanner {
  readonly variables: string[] = [];
  readonly problems: string[] = [];
  note(name: string) {
    if (!this.variables.includes(name)) this.variables.push(name);
  }
}

/** The index of `close` in `s` from `from`, skipping backslash escapes; -1 when absent. */
function findClose(s: string, close: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s.startsWith(close, i)) return i;
  }
  return -1;
}

function href(raw: string, sc: Scanner): Href | null {
  const t = raw.trim();
  const v = VARIABLE.exec(t);
  if (v && v[0].length === t.length) {
    sc.note(v[1]!);
    if ((LINK_VARIABLES as readonly string[]).includes(v[1]!)) return { var: v[1]! };
    sc.problems.push(
      `{{${v[1]}}} is not a link; a link goes to ${LINK_VARIABLES.map((n) => `{{${n}}}`).join(", ")} or an https:// address`,
    );
    return null;
  }
  if (SAFE_URL.test(t)) return { url: t };
  sc.problems.push(
    `A link must go to an https:// or mailto: address or to a link variable, not "${t.slice(0, 80)}"`,
  );
  return null;
}

function inline(s: string, sc: Scanner, inLink = false): Inline[] {
  const out: Inline[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push({ text });
    text = "";
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "\\" && i + 1 < s.length && ESCAPABLE.has(s[i + 1]!)) {
      text += s[++i];
      continue;
    }
    if (ch === "{" && s[i + 1] === "{") {
      const v = VARIABLE.exec(s.slice(i));
      if (v) {
        flush();
        sc.note(v[1]!);
        out.push({ var: v[1]! });
        i += v[0].length - 1;
        continue;
      }
    }
    if (ch === "*" && s[i + 1] === "*") {
      const end = findClose(s, "**", i + 2);
      if (end > i + 2) {
        flush();
        out.push({ strong: inline(s.slice(i + 2, end), sc, inLink) });
        i = end + 1;
        continue;
      }
    }
    const wordBefore = i > 0 && /[\p{L}\p{N}]/u.test(s[i - 1]!);
    if ((ch === "*" || (ch === "_" && !wordBefore)) && s[i + 1] && s[i + 1] !== " ") {
      const end = findClose(s, ch, i + 1);
      if (end > i + 1 && !(ch === "_" && /[\p{L}\p{N}]/u.test(s[end + 1] ?? ""))) {
        flush();
        out.push({ em: inline(s.slice(i + 1, end), sc, inLink) });
        i = end;
        continue;
      }
    }
    if (ch === "[" && !inLink) {
      const close = findClose(s, "]", i + 1);
      if (close > i + 1 && s[close + 1] === "(") {
        const end = findClose(s, ")", close + 2);
        if (end > close + 2) {
          flush();
          const target = href(s.slice(close + 2, end), sc);
          const label = inline(s.slice(i + 1, close), sc, true);
          if (target) out.push({ link: { label, href: target } });
          i = end;
          continue;
        }
      }
    }
    text += ch;
  }
  flush();
  return out;
}

const HEADING = /^(#{1,3})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const BUTTON = /^\[\[(.+?)\]\]\((.+)\)\s*$/;

/**
 * Paragraphs (a single line break stays a line break), `#`–`###` headings, `-` and `1.` lists, **bold**,
 * *italic*, `[label](url)` links and a button on a line of its own: `[[label]](url)`.
 */
export function parseMarkdown(md: string): Parsed<MdBlock[]> {
  const sc = new Scanner();
  const blocks: MdBlock[] = [];
  let para: string[] = [];
  let list: { kind: "ul" | "ol"; items: Inline[][] } | null = null;
  const endPara = () => {
    if (para.length) {
      const p: Inline[] = [];
      para.forEach((line, n) => {
        if (n) p.push({ br: true });
        p.push(...inline(line, sc));
      });
      blocks.push({ p });
    }
    para = [];
  };
  const endList = () => {
    if (list) blocks.push(list.kind === "ul" ? { ul: list.items } : { ol: list.items });
    list = null;
  };
  for (const raw of md.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.replace(/\s+$/, "");
    const item = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (item) {
      endPara();
      const kind = BULLET.test(line) ? "ul" : "ol";
      if (list && list.kind !== kind) endList();
      list ??= { kind, items: [] };
      list.items.push(inline(item[1]!, sc));
      continue;
    }
    endList();
    const heading = HEADING.exec(line);
    const button = BUTTON.exec(line.trim());
    if (!line.trim()) endPara();
    else if (heading) {
      endPara();
      blocks.push({ h: heading[1]!.length as 1 | 2 | 3, content: inline(heading[2]!, sc) });
    } else if (button) {
      endPara();
      const target = href(button[2]!, sc);
      const label = inline(button[1]!, sc, true);
      if (target) blocks.push({ button: { label, href: target } });
    } else para.push(line.trim());
  }
  endPara();
  endList();
  return { value: blocks, variables: sc.variables, problems: sc.problems };
}

/** A subject or preheader: plain text whose only syntax is `{{variable}}`. */
export function parsePlainCopy(s: string): Parsed<Inline[]> {
  const sc = new Scanner();
  const out: Inline[] = [];
  let rest = s;
  while (rest) {
    const at = rest.indexOf("{{");
    const v = at >= 0 ? VARIABLE.exec(rest.slice(at)) : null;
    if (at < 0 || !v) {
      out.push({ text: rest });
      break;
    }
    if (at) out.push({ text: rest.slice(0, at) });
    sc.note(v[1]!);
    out.push({ var: v[1]! });
    rest = rest.slice(at + v[0].length);
  }
  return { value: out, variables: sc.variables, problems: sc.problems };
}
