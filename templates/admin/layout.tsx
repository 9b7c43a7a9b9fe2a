/** @jsxImportSource hono/jsx */
// The dashboard shell: navigation, language switch, logout, and a stylesheet that needs no script.
import type { Child } from "hono/jsx";
import { html, raw } from "hono/html";
import type { Locale, Role } from "../../src/db/schema";
import { at, type AdminKey } from "./messages";

const STYLE = `
:root{--ink:#1b2130;--muted:#5d6678;--line:#dde2ea;--brand:#2f5bea;--bad:#b42318;--ok:#067647;--bg:#f5f6fa}
*{box-sizing:border-box}body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--brand)}header.top{background:#111827;color:#fff;display:flex;align-items:center;gap:18px;padding:0 20px;flex-wrap:wrap}
header.top .brand{font-weight:700;letter-spacing:.02em;padding:12px 0}header.top nav{display:flex;gap:4px;flex-wrap:wrap;flex:1}
header.top nav a{color:#cbd2e0;text-decoration:none;padding:14px 10px;border-bottom:2px solid transparent}header.top nav a[aria-current=page]{color:#fff;border-color:#8ea8ff}
header.top form{display:inline}header.top .who{color:#cbd2e0;font-size:.85rem;display:flex;gap:4px;white-space:nowrap}header.top .who .name{max-width:240px;overflow:hidden;text-overflow:ellipsis}header.top button.link{background:none;border:0;color:#cbd2e0;cursor:pointer;font:inherit;padding:6px}
main{max-width:1280px;margin:0 auto;padding:24px 20px;display:grid;gap:20px}
h1{font-size:1.5rem;margin:0}h2{font-size:1.1rem;margin:0 0 12px}.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px;overflow-x:auto}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}th,td{padding:7px 10px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
th{font-weight:600;color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.03em}td.n,th.n{text-align:right}tr.total td{font-weight:700;border-top:2px solid var(--ink)}
form.filters{display:flex;gap:10px;flex-wrap:wrap;align-items:flex-end}label{display:block;font-weight:600;font-size:.85rem;margin:0 0 4px}
input,select,textarea{padding:7px 9px;border:1px solid var(--line);border-radius:6px;font:inherit;background:#fff;max-width:100%}textarea{width:100%;font-family:ui-monospace,monospace;font-size:.85rem}
.grid{display:grid;gap:14px;grid-template-columns:repeat(auto-fill,minmax(220px,1fr))}.grid label input,.grid label select{width:100%;margin-top:4px}.grid label{font-weight:600}.grid label input[type=checkbox],label.row input[type=checkbox]{width:auto;margin:0}
button,.button{display:inline-block;padding:8px 14px;border:0;border-radius:6px;background:var(--brand);color:#fff;font:600 .9rem system-ui;text-decoration:none;cursor:pointer}
button.secondary,.button.secondary{background:#e8ecf6;color:var(--ink)}button.danger{background:#fde8e6;color:var(--bad)}
.muted{color:var(--muted)}.note{background:#eef3ff;border-left:3px solid var(--brand);padding:8px 12px;border-radius:4px}
.alert{border:1px solid var(--bad);color:var(--bad);background:#fff4f2;border-radius:6px;padding:10px 12px}.ok{border:1px solid var(--ok);color:var(--ok);background:#f0fbf4;border-radius:6px;padding:10px 12px}
.empty{padding:28px;text-align:center;color:var(--muted)}.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:12px}.kpi{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px}
.kpi b{display:block;font-size:1.4rem}.kpi span{color:var(--muted);font-size:.8rem}.field-error{color:var(--bad);font-size:.85rem}.pill{display:inline-block;padding:1px 8px;border-radius:99px;background:#e8ecf6;font-size:.8rem}
.pill.published{background:#dcfae6;color:var(--ok)}.pill.unlisted{background:#e6effe;color:#2c4a8a}.pill.archived{background:#eceef2;color:var(--muted)}.pill.warn{background:#fdecd2;color:#8a4b00}.row{display:flex;gap:10px;align-items:center;flex-wrap:wrap}svg.chart{width:100%;height:auto;max-width:1200px}svg text{font:11px system-ui;fill:#5d6678}
.legend{display:flex;gap:14px;flex-wrap:wrap;font-size:.85rem}.legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.cols{display:grid;gap:20px;grid-template-columns:1fr}@media(min-width:1000px){.cols{grid-template-columns:1fr 1fr}}pre{white-space:pre-wrap;word-break:break-word}
.copy-url{flex-wrap:nowrap}.copy-url input{flex:1;min-width:12em;font-family:ui-monospace,monospace;font-size:.85rem}[data-made-link] .copy-url input{min-width:0}td .copy-url input{width:15em;flex:none}
ul.click-ids{list-style:none;margin:0;padding:0;font-size:.85rem}ul.click-ids code{color:var(--muted);font-size:.75rem;font-weight:600}ul.click-ids .click-id-value{font-family:ui-monospace,monospace;word-break:break-all;white-space:normal}td:has(ul.click-ids){white-space:normal;min-width:16em}
td.what{white-space:normal}@media(min-width:721px){td.what{min-width:14em}}td.when{color:var(--muted)}table.facts th{width:1%}table.facts td{white-space:normal;word-break:break-word}
@media(max-width:720px){header.top{padding:0 12px;gap:0 8px}header.top .brand{flex:1}header.top nav{order:3;flex:1 0 100%;gap:0 2px;margin:0 -6px}
header.top nav a{padding:6px 6px 8px;white-space:nowrap}main{padding:16px 12px;gap:14px}.card{padding:14px}h1{font-size:1.3rem}svg.chart{min-width:560px}svg text{font-size:17px}th,td{padding:6px 8px}
table.stack thead{display:none}table.stack tr{display:grid;grid-template-columns:1fr auto;column-gap:8px;padding:6px 0;border-bottom:1px solid var(--line)}
table.stack td{border:0;padding:0 8px;white-space:normal}table.stack td:first-child{grid-column:1/-1;color:var(--muted);font-size:.8rem}table.stack td.nowrap{white-space:nowrap}table.touch-utm td,table.touch-utm th{white-space:normal;word-break:break-word}}
`;

const NAV: [string, AdminKey][] = [
  ["/admin", "nav_overview"],
  ["/admin/reports", "nav_reports"],
  ["/admin/assets", "nav_assets"],
  ["/admin/leads", "nav_leads"],
  ["/admin/routing", "nav_routing"],
  ["/admin/spend", "nav_spend"],
  ["/admin/links", "nav_links"],
  ["/admin/scoring", "nav_scoring"],
  ["/admin/webhooks", "nav_webhooks"],
  ["/admin/mail", "nav_mail"],
  ["/admin/settings", "nav_settings"],
  ["/admin/people", "nav_people"],
  ["/admin/tokens", "nav_tokens"],
  ["/admin/audit", "nav_audit"],
];

/** What the shell shows of the signed-in session (src/http/admin-guard.ts chromeOf). */
export interface AdminChrome {
  /** The pages this session may open; the navigation lists only these. */
  nav: string[];
  /** Who is signed in, e.g. "Ann <ann@acme.test>" or "token CRM sync". */
  who: string;
  roles: Role[];
  /** Its permissions, for pages that hide what it cannot use. */
  permissions: string[];
}

interface AdminLayoutProps {
  locale: Locale;
  title: string;
  /** Current path, for the active nav item; absent on the login page (no nav). */
  path?: string;
  csrf?: string;
  chrome?: AdminChrome;
  /** Pages whose URL holds a secret (a sign-in link): send no Referer anywhere. */
  noReferrer?: boolean;
  children?: Child;
}

export function AdminLayout(p: AdminLayoutProps) {
  const nav = p.chrome ? NAV.filter(([href]) => p.chrome!.nav.includes(href)) : NAV;
  const active = p.path
    ? (NAV.filter(
        ([href]) => p.path === href || (href !== "/admin" && p.path!.startsWith(href)),
      ).map(([href]) => href)[0] ?? (p.path === "/admin" ? "/admin" : undefined))
    : undefined;
  return (
    <>
      {html`<!doctype html>`}
      <html lang={p.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          {p.noReferrer ? <meta name="referrer" content="no-referrer" /> : null}
          <title>{`${p.title} · Lodestone`}</title>
          <style>{raw(STYLE)}</style>
        </head>
        <body>
          <header class="top">
            <span class="brand">{at(p.locale, "app")}</span>
            {p.csrf ? (
              <>
                <nav>
                  {nav.map(([href, key]) => (
                    <a href={href} aria-current={active === href ? "page" : undefined}>
                      {at(p.locale, key)}
                    </a>
                  ))}
                </nav>
                {p.chrome ? (
                  <span class="who" title={p.chrome.who}>
                    <span class="name">{p.chrome.who}</span>
                    <span>· {p.chrome.roles.map((r) => at(p.locale, `role_${r}`)).join(", ")}</span>
                  </span>
                ) : null}
                <form method="post" action="/admin/locale">
                  <input type="hidden" name="_csrf" value={p.csrf} />
                  <input type="hidden" name="next" value={p.path ?? "/admin"} />
                  <button
                    class="link"
                    name="locale"
                    value={p.locale === "en" ? "zh-CN" : "en"}
                    type="submit"
                  >
                    {p.locale === "en" ? "中文" : "English"}
                  </button>
                </form>
                <form method="post" action="/admin/logout">
                  <input type="hidden" name="_csrf" value={p.csrf} />
                  <button class="link" type="submit">
                    {at(p.locale, "logout")}
                  </button>
                </form>
              </>
            ) : null}
          </header>
          <main>{p.children}</main>
        </body>
      </html>
    </>
  );
}

/** Whether the session holds a permission: pages leave out the forms it could not use (the guard refuses them anyway). */
export function allows(chrome: AdminChrome | undefined, permission: string): boolean {
  return !chrome || chrome.permissions.includes(permission);
}

/** The hidden CSRF field every dashboard form carries. */
export function Csrf(p: { token: string }) {
  return <input type="hidden" name="_csrf" value={p.token} />;
}
