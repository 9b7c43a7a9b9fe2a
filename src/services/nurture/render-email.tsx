/** @jsxImportSource hono/jsx */
// Rendering one nurture email: the template's words for the lead's locale, every link signed and tracked.
import type { Locale } from "../../db/schema";
import type { EmailBlock, EmailTemplate, EmailVars } from "../../../templates/emails/types";
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

interface RenderedEmail {
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

async function tracked(blocks: EmailBlock[], ctx: RenderContext): Promise<EmailBlock[]> {
  const n = blocks.filter((b) => "button" in b || "link" in b).length;
  const wrap = (href: string) => clickUrl(ctx.origin, ctx.secret, { s: ctx.sendId, u: href, n });
  return Promise.all(
    blocks.map(async (b) => {
      if ("button" in b) return { button: { ...b.button, href: await wrap(b.button.href) } };
      if ("link" in b) return { link: { ...b.link, href: await wrap(b.link.href) } };
      return b;
    }),
  );
}

export async function renderEmail(
  template: EmailTemplate,
  locale: Locale,
  vars: EmailVars,
  ctx: RenderContext,
): Promise<RenderedEmail> {
  const content = template.content[locale](strictVars(template, vars) as never);
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
