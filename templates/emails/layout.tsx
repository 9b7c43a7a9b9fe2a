/** @jsxImportSource hono/jsx */
// The HTML and plain-text shell of every email: preheader, blocks, footer (with unsubscribe for nurture mail),
// a hidden machine-only link and the open pixel.
import type { Locale } from "../../src/db/schema";
import type { EmailBlock } from "./types";
import { RichBlockHtml, richBlockText } from "./rich-blocks";
import { AddToCalendar, addToCalendarText, type CalendarLinks } from "./add-to-calendar";

/** The workspace's brand (Settings): a header with its logo or name, its colour on buttons, its postal address. */
export interface EmailBrand {
  name: string | null;
  color: string | null;
  logoUrl: string | null;
  postalAddress: string | null;
}

interface EmailShell {
  locale: Locale;
  subject: string;
  preheader: string;
  blocks: EmailBlock[];
  /** Null for mail to teammates (invitations, sign-in links): they are not on a list to leave. */
  unsubscribeUrl: string | null;
  openPixelUrl: string | null;
  /** A link hidden from people (and from screen readers): only machines follow it. */
  honeypotUrl?: string | null;
  brand?: EmailBrand;
  /** Shown when the email is about a course session the lead registered for. */
  calendar?: CalendarLinks | null;
}

const FOOTER = {
  en: {
    why: "You are receiving this because you requested content from us.",
    unsubscribe: "Unsubscribe",
  },
  "zh-CN": { why: "您收到此邮件是因为您曾向我们索取内容。", unsubscribe: "退订" },
} as const;

const TEAM_FOOTER = {
  en: "A service message from your team's Lodestone dashboard.",
  "zh-CN": "这是团队 Lodestone 控制台发出的服务邮件。",
} as const;

const text =
  "font:16px/1.55 -apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',sans-serif;color:#1d2330;margin:0 0 16px";
const button = (color: string) =>
  `display:inline-block;padding:12px 20px;border-radius:8px;background:${color};color:#ffffff;text-decoration:none;font-weight:600`;
/** The brand colour only when it is #rrggbb (it goes into a style attribute). */
const colorOf = (b?: EmailBrand) =>
  b?.color && /^#[0-9a-f]{6}$/i.test(b.color) ? b.color : "#2f5bea";

function Block({ block, color }: { block: EmailBlock; color: string }) {
  if ("p" in block) return <p style={text}>{block.p}</p>;
  if ("rich" in block) return <RichBlockHtml block={block.rich} textStyle={text} />;
  if ("button" in block)
    return (
      <p style={text}>
        <a href={block.button.href} style={button(color)}>
          {block.button.label}
        </a>
      </p>
    );
  return (
    <p style={text}>
      <a href={block.link.href} style={`color:${color};word-break:break-all`}>
        {block.link.label}
      </a>
    </p>
  );
}

export function EmailHtml(e: EmailShell) {
  const f = FOOTER[e.locale];
  return (
    <html lang={e.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{e.subject}</title>
      </head>
      <body style="margin:0;background:#f6f7fb">
        <div style="display:none;max-height:0;overflow:hidden;opacity:0">{e.preheader}</div>
        <table
          role="presentation"
          width="100%"
          cellpadding="0"
          cellspacing="0"
          style="background:#f6f7fb"
        >
          <tr>
            <td align="center" style="padding:24px 12px">
              <table
                role="presentation"
                width="100%"
                cellpadding="0"
                cellspacing="0"
                style="max-width:600px;background:#ffffff;border-radius:12px"
              >
                <tr>
                  <td style="padding:28px">
                    {e.brand?.logoUrl || e.brand?.name ? (
                      <p style="margin:0 0 20px">
                        {e.brand.logoUrl ? (
                          <img
                            src={e.brand.logoUrl}
                            alt={e.brand.name ?? ""}
                            height="32"
                            style="display:block;height:32px;width:auto;border:0"
                          />
                        ) : (
                          <strong style="font:600 18px sans-serif;color:#1d2330">
                            {e.brand.name}
                          </strong>
                        )}
                      </p>
                    ) : null}
                    {e.blocks.map((b) => (
                      <Block block={b} color={colorOf(e.brand)} />
                    ))}
                    {e.calendar ? <AddToCalendar locale={e.locale} links={e.calendar} /> : null}
                    <p style="font:13px/1.5 sans-serif;color:#5b6475;margin:24px 0 0">
                      {e.unsubscribeUrl ? (
                        <>
                          {f.why}{" "}
                          <a href={e.unsubscribeUrl} style="color:#5b6475">
                            {f.unsubscribe}
                          </a>
                        </>
                      ) : (
                        TEAM_FOOTER[e.locale]
                      )}
                    </p>
                    {e.brand?.postalAddress ? (
                      <p style="font:13px/1.5 sans-serif;color:#5b6475;margin:8px 0 0;white-space:pre-line">
                        {e.brand.postalAddress}
                      </p>
                    ) : null}
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
        {e.honeypotUrl ? (
          <div style="display:none;max-height:0;overflow:hidden;opacity:0" aria-hidden="true">
            <a href={e.honeypotUrl} tabindex={-1} style="color:#f6f7fb;font-size:1px">
              &#8203;
            </a>
          </div>
        ) : null}
        {e.openPixelUrl ? (
          <img src={e.openPixelUrl} width="1" height="1" alt="" style="display:block;border:0" />
        ) : null}
      </body>
    </html>
  );
}

export function emailText(e: EmailShell): string {
  const f = FOOTER[e.locale];
  const lines = e.blocks.map((b) =>
    "p" in b
      ? b.p
      : "rich" in b
        ? richBlockText(b.rich)
        : "button" in b
          ? `${b.button.label}: ${b.button.href}`
          : b.link.href,
  );
  if (e.calendar) lines.push(addToCalendarText(e.locale, e.calendar));
  const footer = [
    e.unsubscribeUrl ? `${f.why} ${f.unsubscribe}: ${e.unsubscribeUrl}` : TEAM_FOOTER[e.locale],
    e.brand?.postalAddress ?? "",
  ]
    .filter(Boolean)
    .join("\n");
  return `${[...lines, "", footer].join("\n\n").replace(/\n{3,}/g, "\n\n")}\n`;
}
