// Dashboard words for a course's sessions page, in English and Simplified Chinese.

export const sessionsEn = {
  sessions_title: "Sessions",
  sessions_of: "Sessions of {title}",
  sessions_empty:
    "No sessions yet. Add one: the landing page lists the upcoming ones to choose from.",
  sessions_add: "Add a session",
  session_starts: "Starts (local time)",
  session_zone: "Time zone (IANA)",
  session_duration: "Duration (minutes)",
  session_join: "Join link (https)",
  session_capacity: "Seats (empty: unlimited)",
  session_registered: "Registered",
  session_status: "Status",
  session_status_scheduled: "Scheduled",
  session_status_cancelled: "Cancelled",
  session_save: "Save",
  session_cancel: "Cancel session",
  session_cancel_help:
    "Registrants get an email whose calendar file removes the event, and their reminders stop. A session nobody registered for is removed.",
  session_move_help:
    "Changing the time moves every registrant's reminders and emails them a calendar update.",
  session_attendance: "Attendance",
  session_attendance_upload: "Import attendance (Zoom, Tencent Meeting or Feishu CSV)",
  session_attendance_import: "Import",
  session_attendance_result:
    "Imported a {format} file: {attended} attended, {no_shows} no-shows, {unmatched} addresses not registered.",
  session_attended_count: "{attended} attended · {no_shows} no-shows",
  session_unlimited: "unlimited",
  sessions_link: "Sessions",
  mail_attachments: "Attachments",
} as const;

export const sessionsZh: Record<keyof typeof sessionsEn, string> = {
  sessions_title: "场次",
  sessions_of: "《{title}》的场次",
  sessions_empty: "还没有场次。添加一个后，落地页会列出即将开始的场次供访客选择。",
  sessions_add: "添加场次",
  session_starts: "开始时间（当地时间）",
  session_zone: "时区（IANA）",
  session_duration: "时长（分钟）",
  session_join: "入会链接（https）",
  session_capacity: "名额（留空为不限）",
  session_registered: "已报名",
  session_status: "状态",
  session_status_scheduled: "已排期",
  session_status_cancelled: "已取消",
  session_save: "保存",
  session_cancel: "取消场次",
  session_cancel_help:
    "已报名的人会收到一封邮件，其中的日历文件会从日历中移除该安排，提醒邮件也会停止。没有人报名的场次会被直接删除。",
  session_move_help: "修改时间后，所有报名者的提醒会随之调整，并收到一封日历更新邮件。",
  session_attendance: "出席情况",
  session_attendance_upload: "导入出席名单（Zoom、腾讯会议或飞书导出的 CSV）",
  session_attendance_import: "导入",
  session_attendance_result:
    "已导入 {format} 文件：出席 {attended} 人，缺席 {no_shows} 人，{unmatched} 个邮箱未报名。",
  session_attended_count: "出席 {attended} · 缺席 {no_shows}",
  session_unlimited: "不限",
  sessions_link: "场次",
  mail_attachments: "附件",
};
