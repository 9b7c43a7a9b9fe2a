/** @jsxImportSource hono/jsx */
// The page shell shared by every public page: meta, Open Graph, and a small responsive stylesheet.
import type { Child } from "hono/jsx";
import { html, raw } from "hono/html";
import type { Locale } from "../../src/db/schema";
import type { Brand } from "../../src/services/settings/settings";

interface LayoutProps {
  locale: Locale;
  title: string;
  description?: string;
  canonical?: string;
  children?: Child;
  head?: Child;
  /** The workspace's brand (Settings): its logo or name above the page, its colour for buttons and accents. */
  brand?: Brand | null;
  /** An absolute image URL for link previews (the asset's cover). */
  image?: string | null;
}

const STYLE = `
:root{--ink:#1d2330;--muted:#5b6475;--line:#d9dee7;--brand:#2f5bea;--bad:#b42318;--bg:#f6f7fb}
*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1040px;margin:0 auto;padding:32px 20px;display:grid;gap:32px;grid-template-columns:1fr}
@media(min-width:860px){main.landing{grid-template-columns:1.3fr 1fr}}
h1{font-size:clamp(1.6rem,3vw,2.3rem);line-height:1.2;margin:.2em 0}.kicker{color:var(--brand);font-weight:600;text-transform:uppercase;font-size:.8rem;letter-spacing:.06em}
.card{background:#fff;border:1px solid var(--line);border-radius:12px;padding:24px}
label{display:block;font-weight:600;margin:14px 0 4px}.hint{font-weight:400;color:var(--muted);font-size:.85rem}
input,select{width:100%;padding:10px 12px;border:1px solid var(--line);border-radius:8px;font:inherit}
input[aria-invalid=true],select[aria-invalid=true]{border-color:var(--bad)}
.field-error{color:var(--bad);font-size:.9rem;margin:4px 0 0}
fieldset.sessions{border:1px solid #d8dce6;border-radius:8px;margin:14px 0 0;padding:6px 12px 10px}fieldset.sessions legend{font-weight:600}
.session-option{font-weight:400;margin:8px 0}.session-option input{width:auto;margin:0 6px 0 0}.session-option.full{color:var(--muted)}
.consent{display:flex;gap:8px;align-items:flex-start;font-weight:400}.consent input{width:auto;margin-top:5px}
button,.button{display:inline-block;margin-top:18px;width:100%;padding:12px 16px;border:0;border-radius:8px;background:var(--brand);color:#fff;font:600 1rem system-ui;text-align:center;text-decoration:none;cursor:pointer}
.alert{border:1px solid var(--bad);color:var(--bad);background:#fff4f2;border-radius:8px;padding:10px 12px}
.field-site{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.share{word-break:break-all;background:var(--bg);padding:8px;border-radius:6px;font-family:ui-monospace,monospace}
.muted{color:var(--muted)}
.brand-bar{max-width:1040px;margin:0 auto;padding:16px 20px 0;display:flex;align-items:center;gap:10px;font-weight:600}
.brand-bar img{max-height:36px;width:auto}.cover{width:100%;height:auto;border-radius:12px;margin:8px 0}
`;

/** The brand colour only when it is #rrggbb: it is written into the stylesheet. */
const brandStyle = (b?: Brand | null) =>
  b?.color && /^#[0-9a-f]{6}$/i.test(b.color) ? `:root{--brand:${b.color}}` : "";

export function Layout(props: LayoutProps) {
  return (
    <>
      {html`<!doctype html>`}
      <html lang={props.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title}</title>
          {props.description ? <meta name="description" content={props.description} /> : null}
          <meta property="og:type" content="website" />
          <meta property="og:title" content={props.title} />
          {props.description ? (
            <meta property="og:description" content={props.description} />
          ) : null}
          {props.canonical ? <meta property="og:url" content={props.canonical} /> : null}
          {props.canonical ? <link rel="canonical" href={props.canonical} /> : null}
          <meta property="og:locale" content={props.locale === "zh-CN" ? "zh_CN" : "en_US"} />
          {props.image ? <meta property="og:image" content={props.image} /> : null}
          <meta name="twitter:card" content={props.image ? "summary_large_image" : "summary"} />
          <meta name="twitter:title" content={props.title} />
          {props.description ? (
            <meta name="twitter:description" content={props.description} />
          ) : null}
          <style>{raw(STYLE + brandStyle(props.brand))}</style>
          {props.head}
        </head>
        <body>
          {props.brand?.logoUrl || props.brand?.name ? (
            <header class="brand-bar">
              {props.brand.logoUrl ? (
                <img src={props.brand.logoUrl} alt={props.brand.name ?? ""} />
              ) : null}
              {props.brand.name ? <span>{props.brand.name}</span> : null}
            </header>
          ) : null}
          {props.children}
        </body>
      </html>
    </>
  );
}
