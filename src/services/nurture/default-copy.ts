// The code templates as the copy a new step starts from: their words in Markdown, their values as `{{variables}}`.
import type { Locale } from "../../db/schema";
import type { CopyFields } from "../../domain/email-copy";
import type { EmailBlock, EmailTemplate } from "../../../templates/emails/types";

const PLACEHOLDERS = {
  name: "{{first_name}}",
  asset_title: "{{asset_title}}",
  download_url: "{{download_link}}",
  share_url: "{{share_link}}",
  session_time: "{{session_time}}",
  join_url: "{{join_link}}",
  unsubscribe_url: "",
  optin_url: "",
};

/** Markdown's characters are escaped in a template's words; its placeholders are left to be filled in. */
function escaped(s: string): string {
  return s
    .split(/(\{\{[a-z_]+\}\})/)
    .map((part, i) =>
      i % 2 ? part : part.replace(/[\\*_[\]]/g, "\\$&").replace(/^([#>+-])/, "\\$1"),
    )
    .join("");
}

function markdownOf(b: EmailBlock): string {
  if ("p" in b) return escaped(b.p);
  if ("button" in b) return `[[${escaped(b.button.label)}]](${b.button.href})`;
  if ("link" in b) return `[${escaped(b.link.label)}](${b.link.href})`;
  return "";
}

export function defaultCopy(template: EmailTemplate, locale: Locale): CopyFields {
  const content = template.content[locale](PLACEHOLDERS as never);
  return {
    subject: content.subject,
    preheader: content.preheader,
    body: content.blocks.map(markdownOf).filter(Boolean).join("\n\n"),
  };
}
