/** @jsxImportSource hono/jsx */
// Refusal pages for prospects, in the asset's language when it is known.
import type { Context } from "hono";
import type { AppEnv } from "../../http/app-env";
import type { Locale } from "../../db/schema";
import { NoticePage } from "../../../templates/pages/notice";
import { t } from "../../../templates/i18n";

/** Without an asset to take the language from, follow the browser's Accept-Language. */
export function browserLocale(c: Context<AppEnv>): Locale {
  return /^zh/i.test(c.req.header("accept-language") ?? "") ? "zh-CN" : "en";
}

export function notFoundPage(c: Context<AppEnv>, locale = browserLocale(c)) {
  return c.html(
    <NoticePage
      locale={locale}
      title={t(locale, "not_found_title")}
      text={t(locale, "not_found_text")}
    />,
    404,
  );
}

/** A link that is not one Lodestone signed (tampered, cut short, or for something that no longer exists). */
export function invalidLinkPage(
  c: Context<AppEnv>,
  status: 403 | 404 = 403,
  locale = browserLocale(c),
  action?: { href: string; label: string },
) {
  return c.html(
    <NoticePage
      locale={locale}
      title={t(locale, "invalid_link_title")}
      text={t(locale, "invalid_link_text")}
      action={action}
    />,
    status,
  );
}
