/** @jsxImportSource hono/jsx */
// One body limit for every route that takes a body: small for JSON and forms, larger only where a file
// or a file's text is the point. Over it is a 413: the error envelope, or a page where a browser posted.
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./app-env";
import type { Locale } from "../db/schema";
import { AppError, errorBody } from "../errors";
import { MAX_FILE_BYTES, MAX_IMAGE_BYTES } from "../services/assets/asset-files";
import { MAX_IMPORT_BYTES } from "../services/spend/spend-import";
import { MAX_MESSAGE_BYTES } from "../services/nurture/mail-sink";
import { MAX_LEAD_FILE_BYTES } from "../services/lead-import/read-lead-file";
import { AdminNotice } from "../../templates/admin/pages/notice";
import { at } from "../../templates/admin/messages";
import { NoticePage } from "../../templates/pages/notice";
import { t } from "../../templates/i18n";

const KB = 1024;
/** Every JSON body and form post, unless a row below says otherwise. */
export const MAX_BODY_BYTES = 64 * KB;
/** An attendance export of a large webinar (thousands of rows, rejoins included). */
export const MAX_ATTENDANCE_BYTES = 4 * 1024 * KB;
/** Room for a form's other fields (and multipart boundaries) beside a file. */
const FORM_ROOM = 64 * KB;

interface Larger {
  method: string;
  path: RegExp;
  maxBytes: number;
  /**
   * The route checks who is asking before it reads the body, and counts a streamed body itself with
   * `largeBody` after that check: nobody unauthenticated makes the Worker hold megabytes.
   */
  afterAuth: boolean;
  /** Only while this holds (the local sink exists only without RESEND_API_KEY). */
  when?: (c: Context<AppEnv>) => boolean;
}

/** The routes allowed more, and why. A new route that takes a file adds a row here (and `largeBody`). */
const LARGER: Larger[] = [
  // An asset's file, uploaded with its form.
  {
    method: "POST",
    path: /^\/admin\/assets\/(new|\d+\/edit)$/,
    maxBytes: MAX_FILE_BYTES + MAX_IMAGE_BYTES + FORM_ROOM,
    afterAuth: true,
  },
  // The same file (or a cover image) as the raw body of the assets API; the route counts it after the token check.
  {
    method: "PUT",
    path: /^\/api\/v1\/assets\/\d+\/file$/,
    maxBytes: MAX_FILE_BYTES,
    afterAuth: true,
  },
  {
    method: "PUT",
    path: /^\/api\/v1\/assets\/\d+\/cover$/,
    maxBytes: MAX_IMAGE_BYTES,
    afterAuth: true,
  },
  // The workspace logo: in the settings form, and as the raw body of the API.
  {
    method: "POST",
    path: /^\/admin\/settings$/,
    maxBytes: MAX_IMAGE_BYTES + FORM_ROOM,
    afterAuth: true,
  },
  {
    method: "PUT",
    path: /^\/api\/v1\/settings\/logo$/,
    maxBytes: MAX_IMAGE_BYTES,
    afterAuth: true,
  },
  // A spend CSV: a file in the dashboard, its text in the API's JSON.
  {
    method: "POST",
    path: /^\/admin\/spend\/import$/,
    maxBytes: MAX_IMPORT_BYTES + FORM_ROOM,
    afterAuth: true,
  },
  {
    method: "POST",
    path: /^\/api\/v1\/spend\/import$/,
    maxBytes: MAX_IMPORT_BYTES + FORM_ROOM,
    afterAuth: true,
  },
  // A meeting's attendance export uploaded in the dashboard (the API's raw CSV keeps the 64 KB default).
  {
    method: "POST",
    path: /^\/admin\/assets\/\d+\/sessions\/\d+\/attendance$/,
    maxBytes: MAX_ATTENDANCE_BYTES + FORM_ROOM,
    afterAuth: true,
  },
  // A lead list (5,000 rows at most): the raw CSV in the API, a file in the dashboard.
  {
    method: "POST",
    path: /^\/api\/v1\/leads\/import$/,
    maxBytes: MAX_LEAD_FILE_BYTES,
    afterAuth: true,
  },
  {
    method: "POST",
    path: /^\/admin\/leads\/import$/,
    maxBytes: MAX_LEAD_FILE_BYTES + FORM_ROOM,
    afterAuth: true,
  },
  // Resend's webhook events: the signature needs the body, so it is counted here, before the route.
  { method: "POST", path: /^\/hooks\/resend$/, maxBytes: 256 * KB, afterAuth: false },
  // The local mail sink accepts what Resend accepts: 40 MB a message, attachments included.
  {
    method: "POST",
    path: /^\/dev\/resend\/emails(\/batch)?$/,
    maxBytes: MAX_MESSAGE_BYTES,
    afterAuth: true,
    when: (c) => !c.get("config").RESEND_API_KEY,
  },
];

function larger(c: Context<AppEnv>): Larger | undefined {
  return LARGER.find(
    (r) => r.method === c.req.method && r.path.test(c.req.path) && (!r.when || r.when(c)),
  );
}

const size = (bytes: number) =>
  bytes >= 1024 * KB ? `${Math.round(bytes / 1024 / KB)} MB` : `${Math.round(bytes / KB)} KB`;

const browserLocale = (c: Context<AppEnv>): Locale =>
  /^zh/i.test(c.req.header("accept-language") ?? "") ? "zh-CN" : "en";

/** JSON for the API and JSON clients; a page for the dashboard and for forms a browser posted. */
function tooLarge(c: Context<AppEnv>, maxBytes: number) {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  const path = c.req.path;
  const wantsJson =
    path.startsWith("/api/") ||
    path.startsWith("/hooks/") ||
    path.startsWith("/dev/") ||
    type.startsWith("application/json");
  if (wantsJson) {
    const err = new AppError(
      "PAYLOAD_TOO_LARGE",
      `The request body is larger than ${size(maxBytes)}`,
      { details: { max_bytes: maxBytes } },
    );
    return c.json(errorBody(err), 413);
  }
  const L = browserLocale(c);
  if (path === "/admin" || path.startsWith("/admin/"))
    return c.html(
      <AdminNotice
        locale={L}
        title={at(L, "body_too_large_title")}
        text={at(L, "body_too_large_text").replace("{size}", size(maxBytes))}
      />,
      413,
    );
  return c.html(
    <NoticePage
      locale={L}
      title={t(L, "body_too_large_title")}
      text={t(L, "body_too_large_text").replace("{size}", size(maxBytes))}
    />,
    413,
  );
}

const counted = (maxBytes: number): MiddlewareHandler<AppEnv> =>
  bodyLimit({ maxSize: maxBytes, onError: (ctx) => tooLarge(ctx as Context<AppEnv>, maxBytes) });

/**
 * The app-wide middleware: every body gets MAX_BODY_BYTES, counted as it streams, unless its route is
 * in LARGER. A larger route's announced size (Content-Length) is checked here, before anything is read;
 * a streamed body on a route that checks who is asking is counted by that route's `largeBody`.
 */
export const bodyLimits: MiddlewareHandler<AppEnv> = (c, next) => {
  const row = larger(c);
  if (!row) return counted(MAX_BODY_BYTES)(c, next);
  if (!row.afterAuth) return counted(row.maxBytes)(c, next);
  const declared = c.req.header("content-length");
  if (declared && !c.req.header("transfer-encoding") && Number(declared) > row.maxBytes)
    return Promise.resolve(tooLarge(c, row.maxBytes));
  return next();
};

/** On a route in LARGER, after its own check of who is asking: counts the body to the route's limit. */
export const largeBody: MiddlewareHandler<AppEnv> = (c, next) =>
  counted(larger(c)?.maxBytes ?? MAX_BODY_BYTES)(c, next);
