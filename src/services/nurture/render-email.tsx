/** @jsxImportSource hono/jsx */
// Rendering one nurture email: the template's words for the lead's locale, every link signed and tracked.
import type { Locale } from "../../db/schema";
import type { EmailBlock, EmailTemplate, EmailVars } from "../../../templates/emails/types";
import { fillCopy, type CopyFields, type CopyValues, type Span } from "../../domain/email-copy";
import { EmailHtml, emailText, type EmailBrand } from "../../../templates/emails/layout";
import { clickUrl, openPixelUrl } from "./links";
import type { CalendarLinks } from "../../domain/registrant-links";

export class MissingVariableError extends Error {
  constructor(
    readonly template: string,
    readonly variables: string[],
  ) {
    super(`Template ${template} needs ${variables.join(", ")}, which this send cannot supply`);
    this.name = "MissingVariableError";
  }
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

interface RenderContext {
  origin: string;
  secret: string;
  sendId: number;
  unsubscribeUrl: string;
  /** The workspace's brand (Settings) for the header and the footer's postal address. */
  brand?: EmailBrand;
  /** "Add to calendar" links when the send is about a course session (shown by the layout). */
  calendar?: CalendarLinks | null;
}
/** A preview or a test: links go where they lead, with no click token, no open pixel and no hidden link. */
interface UntrackedContext {
  untracked: true;
  unsubscribeUrl: string;
  brand?: EmailBrand;
  calendar?: CalendarLinks | null;
}

/** Variables a template did not declare cannot be read: a typo fails loudly, never as a blank. */
function strictVars(template: EmailTemplate, vars: EmailVars): Record<string, string | null> {
  const missing = template.requires.filter((k) => !vars[k]);
  if (missing.length) throw new MissingVariableError(template.id, missing);
  const allowed = new Set<string>(["name", ...template.requires]);
  return new Proxy(vars as Record<string, string | null>, {
    get(target, key) {
      if (typeof key === "string" && !allowed.has(key))
        throw new MissingVariableError(template.id, [key]);
      return target[key as string] ?? null;
    },
  });
}

function linksIn(b: EmailBlock): number {
  if ("button" in b || "link" in b) return 1;
  if (!("rich" in b)) return 0;
  const count = (spans: Span[]): number =>
    spans.reduce((n, s) => n + ("a" in s ? 1 + count(s.a.label) : 0), 0);
  const r = b.rich;
  return "p" in r
    ? count(r.p)
    : "h" in r
      ? count(r.spans)
      : ("ul" in r ? r.ul : r.ol).reduce((n, i) => n + count(i), 0);
}

async function trackedSpans(
  spans: Span[],
  wrap: (href: string) => Promise<string>,
): Promise<Span[]> {
  return Promise.all(
    spans.map(async (s) =>
      "a" in s
        ? { a: { label: await trackedSpans(s.a.label, wrap), href: await wrap(s.a.href) } }
        : s,
    ),
  );
}

async function tracked(blocks: EmailBlock[], ctx: RenderContext): Promise<EmailBlock[]> {
  const n = blocks.reduce((sum, b) => sum + linksIn(b), 0);
  const wrap = (href: string) => clickUrl(ctx.origin, ctx.secret, { s: ctx.sendId, u: href, n });
  const spans = (list: Span[]) => trackedSpans(list, wrap);
  return Promise.all(
    blocks.map(async (b): Promise<EmailBlock> => {
      if ("button" in b) return { button: { ...b.button, href: await wrap(b.button.href) } };
      if ("link" in b) return { link: { ...b.link, href: await wrap(b.link.href) } };
      if (!("rich" in b)) return b;
      const r = b.rich;
      if ("p" in r) return { rich: { p: await spans(r.p) } };
      if ("h" in r) return { rich: { h: r.h, spans: await spans(r.spans) } };
      if ("ul" in r) return { rich: { ul: await Promise.all(r.ul.map(spans)) } };
      return { rich: { ol: await Promise.all(r.ol.map(spans)) } };
    }),
  );
}

export async function renderEmail(
  template: EmailTemplate,
  locale: Locale,
  vars: EmailVars,
  ctx: RenderContext,
): Promise<RenderedEmail> {
  return renderContent(template.content[locale](strictVars(template, vars) as never), locale, ctx);
}

/** A step's Markdown copy with its values filled in (escaped, never parsed), its links tracked unless untracked. */
export async function renderCopy(
  copy: CopyFields,
  locale: Locale,
  values: CopyValues,
  ctx: RenderContext | UntrackedContext,
): Promise<RenderedEmail> {
  const filled = fillCopy(copy, values);
  const content = {
    subject: filled.subject,
    preheader: filled.preheader,
    blocks: filled.blocks.map((b): EmailBlock => ("button" in b ? b : { rich: b })),
  };
  if (!("untracked" in ctx)) return renderContent(content, locale, ctx);
  const shell = {
    locale,
    subject: content.subject,
    preheader: content.preheader,
    blocks: content.blocks,
    unsubscribeUrl: ctx.unsubscribeUrl,
    brand: ctx.brand,
    openPixelUrl: null,
    calendar: ctx.calendar ?? null,
  };
  const html = `<!doctype html>${await (<EmailHtml {...shell} />).toString()}`;
  return { subject: content.subject, html, text: emailText(shell) };
}

async function renderContent(
  content: { subject: string; preheader: string; blocks: EmailBlock[] },
  locale: Locale,
  ctx: RenderContext,
): Promise<RenderedEmail> {
  const shell = {
    locale,
    subject: content.subject,
    preheader: content.preheader,
    blocks: await tracked(content.blocks, ctx),
    unsubscribeUrl: ctx.unsubscribeUrl,
    brand: ctx.brand,
    openPixelUrl: await openPixelUrl(ctx.origin, ctx.secret, { s: ctx.sendId }),
    // A link no person sees (HTML only: a plain-text reader would see it): whatever follows it is a machine.
    honeypotUrl: await clickUrl(ctx.origin, ctx.secret, { s: ctx.sendId, h: 1 }),
    calendar: ctx.calendar ?? null,
  };
  const html = `<!doctype html>${await (<EmailHtml {...shell} />).toString()}`;
  return { subject: content.subject, html, text: emailText(shell) };
}
