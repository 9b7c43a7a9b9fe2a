// The course drip: reminders a day and an hour before the session, and the day after the replay (for no-shows) or thanks
// for coming (for attendees, as the attendance import marked them).
import { defineEmail, greeting } from "./types";

export const courseReminderDay = defineEmail({
  id: "course-reminder-day",
  requires: ["asset_title", "session_time", "join_url"],
  timing: { anchor: "session_start", delayMinutes: -24 * 60 },
  content: {
    en: (v) => ({
      subject: `Tomorrow: ${v.asset_title}`,
      preheader: `Starts ${v.session_time}.`,
      blocks: [
        { p: greeting("en", v.name) },
        { p: `A reminder that “${v.asset_title}” starts ${v.session_time}.` },
        { button: { label: "Open the course room", href: v.join_url } },
      ],
    }),
    "zh-CN": (v) => ({
      subject: `明天开课：${v.asset_title}`,
      preheader: `开课时间：${v.session_time}`,
      blocks: [
        { p: greeting("zh-CN", v.name) },
        { p: `提醒您，《${v.asset_title}》将于 ${v.session_time} 开课。` },
        { button: { label: "进入课程教室", href: v.join_url } },
      ],
    }),
  },
});

export const courseReminderHour = defineEmail({
  id: "course-reminder-hour",
  requires: ["asset_title", "session_time", "join_url"],
  timing: { anchor: "session_start", delayMinutes: -60 },
  content: {
    en: (v) => ({
      subject: `Starting in an hour: ${v.asset_title}`,
      preheader: "Your seat is waiting.",
      blocks: [
        { p: greeting("en", v.name) },
        {
          p: `“${v.asset_title}” starts ${v.session_time}. Join a few minutes early to test your audio.`,
        },
        { button: { label: "Join now", href: v.join_url } },
      ],
    }),
    "zh-CN": (v) => ({
      subject: `一小时后开课：${v.asset_title}`,
      preheader: "您的座位已预留。",
      blocks: [
        { p: greeting("zh-CN", v.name) },
        { p: `《${v.asset_title}》将于 ${v.session_time} 开始，建议提前几分钟进入调试音频。` },
        { button: { label: "立即进入", href: v.join_url } },
      ],
    }),
  },
});

export const courseReplay = defineEmail({
  id: "course-replay",
  requires: ["asset_title", "download_url", "share_url"],
  timing: { anchor: "session_start", delayMinutes: 24 * 60, conditions: { skipIfAttended: true } },
  content: {
    en: (v) => ({
      subject: `The replay of ${v.asset_title}`,
      preheader: "Watch it at your own pace.",
      blocks: [
        { p: greeting("en", v.name) },
        { p: `Thanks for joining “${v.asset_title}”. The replay and slides are ready.` },
        { button: { label: "Watch the replay", href: v.download_url } },
        { p: "Share the class with your team:" },
        { link: { label: v.share_url, href: v.share_url } },
      ],
    }),
    "zh-CN": (v) => ({
      subject: `《${v.asset_title}》课程回放`,
      preheader: "随时回看。",
      blocks: [
        { p: greeting("zh-CN", v.name) },
        { p: `感谢参加《${v.asset_title}》，回放和课件已上线。` },
        { button: { label: "观看回放", href: v.download_url } },
        { p: "分享给团队：" },
        { link: { label: v.share_url, href: v.share_url } },
      ],
    }),
  },
});

export const courseThanksAttended = defineEmail({
  id: "course-thanks-attended",
  requires: ["asset_title", "download_url", "share_url"],
  timing: { anchor: "session_start", delayMinutes: 24 * 60, conditions: { skipIfNoShow: true } },
  content: {
    en: (v) => ({
      subject: `Thanks for joining ${v.asset_title}`,
      preheader: "The slides and the replay, to look back on.",
      blocks: [
        { p: greeting("en", v.name) },
        {
          p: `Thank you for joining “${v.asset_title}” live. The slides and the replay are here if you want to look back.`,
        },
        { button: { label: "Slides and replay", href: v.download_url } },
        { p: "A colleague who missed it can catch up here:" },
        { link: { label: v.share_url, href: v.share_url } },
      ],
    }),
    "zh-CN": (v) => ({
      subject: `感谢参加《${v.asset_title}》`,
      preheader: "课件与回放，方便您回顾。",
      blocks: [
        { p: greeting("zh-CN", v.name) },
        { p: `感谢您参加《${v.asset_title}》直播。课件和回放已整理好，方便您回顾。` },
        { button: { label: "查看课件与回放", href: v.download_url } },
        { p: "没能参加的同事可以在这里补看：" },
        { link: { label: v.share_url, href: v.share_url } },
      ],
    }),
  },
});
