// The consent words a gate shows, in both languages: the privacy notice and the marketing box of each mode.
// The landing page draws them and the capture stores them (as one text, by hash), so what is kept is what was seen.
import type { AssetKind, Locale, MarketingConsentMode } from "../src/db/schema";

const en = {
  privacy_box: ["I have read and agree to the ", "privacy policy", "."],
  privacy_notice: [
    "We use these details to send you what you asked for, as our ",
    "privacy policy",
    " explains.",
  ],
  marketing_default: "Email me related content and invitations. I can unsubscribe at any time.",
  optional_note: {
    whitepaper: "Optional: you get the whitepaper either way.",
    report: "Optional: you get the report either way.",
    ebook: "Optional: you get the ebook either way.",
    course: "Optional: your seat is reserved either way.",
    link: "Optional: you get the link either way.",
  },
  implied_statement:
    "We will also email you related content and invitations. You can unsubscribe in any of our emails.",
  implied_opt_out: "Don't email me related content.",
  required_note:
    "Required for this offer: it is sent only to people who agree to receive our emails.",
};

const zh: typeof en = {
  privacy_box: ["我已阅读并同意", "《隐私政策》", ""],
  privacy_notice: ["我们仅将您填写的信息用于向您提供所申请的内容，详见", "《隐私政策》", "。"],
  marketing_default: "我愿意接收相关资料与活动邀请邮件，可随时退订。",
  optional_note: {
    whitepaper: "选填：不勾选也可获取白皮书。",
    report: "选填：不勾选也可获取报告。",
    ebook: "选填：不勾选也可获取电子书。",
    course: "选填：不勾选也可完成预约。",
    link: "选填：不勾选也可获取链接。",
  },
  implied_statement: "我们还会通过邮件向您发送相关资料与活动邀请，您可在任意一封邮件中退订。",
  implied_opt_out: "不要给我发送相关邮件。",
  required_note: "获取本资料需同意接收我们的邮件。",
};

/** The privacy policy link inside a sentence: before, the linked words, after. */
export interface LinkedSentence {
  before: string;
  link: string;
  after: string;
  url: string | null;
}

export interface ConsentCopy {
  /** A box that must be ticked to submit, or (box false) a sentence shown above the button. */
  privacy: LinkedSentence & { box: boolean };
  /** `consent` is an opt-in box; `marketing_opt_out` is the soft opt-in's opt-out box, under its statement. */
  marketing: {
    field: "consent" | "marketing_opt_out";
    label: string;
    required: boolean;
    statement: string | null;
    note: string | null;
  };
}

export function consentCopy(
  locale: Locale,
  o: {
    mode: MarketingConsentMode;
    kind: AssetKind;
    marketerText: string;
    privacyRequired: boolean;
    privacyUrl: string | null;
  },
): ConsentCopy {
  const w = locale === "zh-CN" ? zh : en;
  const [before, link, after] = o.privacyRequired ? w.privacy_box : w.privacy_notice;
  const label = o.marketerText.trim() || w.marketing_default;
  return {
    privacy: { box: o.privacyRequired, before, link, after, url: o.privacyUrl },
    marketing:
      o.mode === "implied"
        ? {
            field: "marketing_opt_out",
            label: w.implied_opt_out,
            required: false,
            statement: w.implied_statement,
            note: null,
          }
        : {
            field: "consent",
            label,
            required: o.mode === "required",
            statement: null,
            note: o.mode === "required" ? w.required_note : w.optional_note[o.kind],
          },
  };
}

/** The copy as one text, line by line, naming each box and what it was; this is what a capture stores. */
export function consentText(c: ConsentCopy): string {
  const p = c.privacy;
  const privacy = `${p.before}${p.link}${p.url ? ` <${p.url}>` : ""}${p.after}`;
  const m = c.marketing;
  return [
    p.box ? `[privacy box, must be ticked] ${privacy}` : `[privacy notice] ${privacy}`,
    m.statement ? `[marketing notice] ${m.statement}` : null,
    `[${m.field === "consent" ? "marketing opt-in box" : "marketing opt-out box"}${m.required ? ", must be ticked" : ", unticked"}] ${m.label}`,
    m.note ? `[note] ${m.note}` : null,
  ]
    .filter(Boolean)
    .join("\n");
}
