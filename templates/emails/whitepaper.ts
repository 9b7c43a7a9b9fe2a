// The whitepaper drip: the report again with a share link, the follow-up report, the open-class invitation.
import { defineEmail, greeting } from "./types";

export const whitepaperWelcome = defineEmail({
  id: "whitepaper-welcome",
  requires: ["asset_title", "download_url", "share_url"],
  content: {
    en: (v) => ({
      subject: `Your copy of “${v.asset_title}”`,
      preheader: "The download link, in case you need it again.",
      blocks: [
        { p: greeting("en", v.name) },
        {
          p: `Thanks for downloading “${v.asset_title}”. Here is your link again; it works for 7 days.`,
        },
        { button: { label: "Download the whitepaper", href: v.download_url } },
        { p: "Know a colleague who would find it useful? Share your personal link:" },
        { link: { label: v.share_url, href: v.share_url } },
      ],
    }),
    "zh-CN": (v) => ({
      subject: `您的《${v.asset_title}》已备好`,
      preheader: "下载链接再发您一次，方便随时查阅。",
      blocks: [
        { p: greeting("zh-CN", v.name) },
        { p: `感谢您下载《${v.asset_title}》。下载链接再发您一次，7 天内有效。` },
        { button: { label: "下载白皮书", href: v.download_url } },
        { p: "觉得有用？欢迎把您的专属链接分享给同事：" },
        { link: { label: v.share_url, href: v.share_url } },
      ],
    }),
  },
});

export const whitepaperFollowUp = defineEmail({
  id: "whitepaper-follow-up",
  requires: ["asset_title", "download_url"],
  content: {
    en: (v) => ({
      subject: "Three ideas from the report worth trying this quarter",
      preheader: `A short follow-up to “${v.asset_title}”.`,
      blocks: [
        { p: greeting("en", v.name) },
        {
          p: `Readers of “${v.asset_title}” tell us three chapters pay off fastest: channel mix, nurture cadence and the hand-off to sales.`,
        },
        { p: "If you have not had time yet, the report is one click away:" },
        { button: { label: "Open the report", href: v.download_url } },
      ],
    }),
    "zh-CN": (v) => ({
      subject: "报告里最值得本季度尝试的三个做法",
      preheader: `《${v.asset_title}》的简短跟进。`,
      blocks: [
        { p: greeting("zh-CN", v.name) },
        {
          p: `很多读者反馈，《${v.asset_title}》中见效最快的是三部分：渠道组合、培育节奏、与销售的交接。`,
        },
        { p: "如果还没来得及看，点击即可打开：" },
        { button: { label: "打开报告", href: v.download_url } },
      ],
    }),
  },
});

export const whitepaperOpenClass = defineEmail({
  id: "whitepaper-open-class",
  requires: ["asset_title", "share_url"],
  content: {
    en: (v) => ({
      subject: "Join our open class: putting the report into practice",
      preheader: "A free live session with the authors.",
      blocks: [
        { p: greeting("en", v.name) },
        {
          p: `We run a free open class that walks through “${v.asset_title}” with real pipelines. Seats are limited.`,
        },
        { p: "Bring a colleague: your share link saves them the form." },
        { link: { label: v.share_url, href: v.share_url } },
      ],
    }),
    "zh-CN": (v) => ({
      subject: "邀请您参加公开课：把报告用起来",
      preheader: "作者亲自讲解的免费直播课。",
      blocks: [
        { p: greeting("zh-CN", v.name) },
        { p: `我们开设了免费公开课，结合真实案例讲解《${v.asset_title}》，名额有限。` },
        { p: "欢迎带上同事，通过您的分享链接报名即可：" },
        { link: { label: v.share_url, href: v.share_url } },
      ],
    }),
  },
});
