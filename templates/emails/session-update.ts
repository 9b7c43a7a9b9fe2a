// The email a registrant gets when their course session moves or is cancelled; the .ics attached updates their calendar.
import type { Locale } from "../../src/db/schema";
import { greeting, type EmailContent } from "./types";

export interface SessionUpdateVars {
  name: string | null;
  asset_title: string;
  session_time: string;
  join_url: string;
}

export function sessionUpdateEmail(
  locale: Locale,
  kind: "moved" | "cancelled",
  v: SessionUpdateVars,
): EmailContent {
  if (locale === "zh-CN")
    return kind === "moved"
      ? {
          subject: `开课时间已更改：${v.asset_title}`,
          preheader: `新的时间：${v.session_time}`,
          blocks: [
            { p: greeting("zh-CN", v.name) },
            {
              p: `《${v.asset_title}》的开课时间已改为 ${v.session_time}。附件中的日历文件会更新您日历中的安排。`,
            },
            { button: { label: "进入课程教室", href: v.join_url } },
          ],
        }
      : {
          subject: `课程已取消：${v.asset_title}`,
          preheader: "很抱歉，本场课程不再举行。",
          blocks: [
            { p: greeting("zh-CN", v.name) },
            {
              p: `很抱歉，原定于 ${v.session_time} 的《${v.asset_title}》已取消。附件中的日历文件会从您的日历中移除这一安排。`,
            },
          ],
        };
  return kind === "moved"
    ? {
        subject: `New time: ${v.asset_title}`,
        preheader: `Now ${v.session_time}.`,
        blocks: [
          { p: greeting("en", v.name) },
          {
            p: `“${v.asset_title}” has moved to ${v.session_time}. The attached calendar file updates the event in your calendar.`,
          },
          { button: { label: "Open the course room", href: v.join_url } },
        ],
      }
    : {
        subject: `Cancelled: ${v.asset_title}`,
        preheader: "Sorry, this session will not take place.",
        blocks: [
          { p: greeting("en", v.name) },
          {
            p: `Sorry: “${v.asset_title}” on ${v.session_time} is cancelled. The attached calendar file removes it from your calendar.`,
          },
        ],
      };
}
