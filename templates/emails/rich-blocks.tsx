/** @jsxImportSource hono/jsx */
// Blocks of Markdown copy after their variables are filled: headings, paragraphs with bold, italic and links,
// and lists, as HTML (every string escaped by JSX) and as plain text.
import type { FilledBlock, Span } from "../../src/domain/email-copy";

export type RichBlock = Exclude<FilledBlock, { button: unknown }>;

const link = "color:#2f5bea";
const heading = (level: 1 | 2 | 3) =>
  `font:600 ${[0, 22, 19, 17][level]}px/1.35 -apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',sans-serif;color:#1d2330;margin:0 0 12px`;

function Spans({ spans }: { spans: Span[] }) {
  return (
    <>
      {spans.map((s) => {
        if ("br" in s) return <br />;
        if ("a" in s)
          return (
            <a href={s.a.href} style={link}>
              <Spans spans={s.a.label} />
            </a>
          );
        const t =
          s.b && s.i ? (
            <strong>
              <em>{s.t}</em>
            </strong>
          ) : s.b ? (
            <strong>{s.t}</strong>
          ) : s.i ? (
            <em>{s.t}</em>
          ) : (
            s.t
          );
        return <>{t}</>;
      })}
    </>
  );
}

export function RichBlockHtml({ block, textStyle }: { block: RichBlock; textStyle: string }) {
  if ("p" in block)
    return (
      <p style={textStyle}>
        <Spans spans={block.p} />
      </p>
    );
  if ("h" in block) {
    const H = (["h1", "h2", "h3"] as const)[block.h - 1]!;
    return (
      <H style={heading(block.h)}>
        <Spans spans={block.spans} />
      </H>
    );
  }
  const items = "ul" in block ? block.ul : block.ol;
  const List = "ul" in block ? "ul" : "ol";
  return (
    <List style={`${textStyle};padding-left:24px`}>
      {items.map((item) => (
        <li>
          <Spans spans={item} />
        </li>
      ))}
    </List>
  );
}

function spansText(spans: Span[]): string {
  return spans
    .map((s) => ("br" in s ? "\n" : "a" in s ? `${spansText(s.a.label)} (${s.a.href})` : s.t))
    .join("");
}

export function richBlockText(block: RichBlock): string {
  if ("p" in block) return spansText(block.p);
  if ("h" in block) return spansText(block.spans);
  const items = "ul" in block ? block.ul : block.ol;
  return items
    .map((item, i) => `${"ul" in block ? "-" : `${i + 1}.`} ${spansText(item)}`)
    .join("\n");
}
