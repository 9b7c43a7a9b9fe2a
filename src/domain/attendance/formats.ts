// The meeting platforms' participant exports Lodestone reads, told apart by their header rows.

export const ATTENDANCE_FORMATS = ["zoom", "tencent_meeting", "feishu", "email_list"] as const;
export type AttendanceFormat = (typeof ATTENDANCE_FORMATS)[number];

/** Header cells by role, compared after trimming and lower-casing. */
interface HeaderWords {
  email: string[];
  name: string[];
  duration: string[];
  /** Cells only this platform's header has: they name the format. */
  marks: string[];
}

/**
 * Zoom: Reports → Usage → Meeting participants (a meeting-details block may come first, then "Name (Original Name)",
 * "User Email", "Join Time", "Leave Time", "Duration (Minutes)", "Guest", …). Tencent Meeting (腾讯会议) member export:
 * 用户昵称 / 邮箱 / 入会时间 / 退会时间 / 参会时长. Feishu (飞书视频会议) participant export: 参会人 / 邮箱 / 入会时间 /
 * 离会时间 / 参会时长. Column order varies across versions, so cells are found by name.
 */
export const FORMAT_HEADERS: Record<Exclude<AttendanceFormat, "email_list">, HeaderWords> = {
  zoom: {
    email: ["user email", "email"],
    name: ["name (original name)", "name", "participant"],
    duration: ["duration (minutes)", "total duration (minutes)", "duration"],
    marks: ["name (original name)", "user email", "duration (minutes)"],
  },
  tencent_meeting: {
    email: ["邮箱", "电子邮箱", "用户邮箱"],
    name: ["用户昵称", "昵称", "用户名称"],
    duration: ["参会时长", "参会时长（分钟）", "参会时长(分钟)", "累计参会时长"],
    marks: ["用户昵称", "退会时间"],
  },
  feishu: {
    email: ["邮箱", "电子邮箱", "参会人邮箱"],
    name: ["参会人", "姓名", "参会人姓名"],
    duration: ["参会时长", "累计参会时长"],
    marks: ["参会人", "离会时间", "首次入会时间", "最后离会时间"],
  },
};

const bare = (cell: string) =>
  cell
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();

/** The format whose header this row is, with the column of each role; null when the row is not a header. */
export function headerOf(cells: string[]): {
  format: Exclude<AttendanceFormat, "email_list">;
  email: number;
  name: number;
  duration: number;
  /** How many of the format's own header cells the row has: Zoom's meeting block scores lower than its header. */
  score: number;
} | null {
  const row = cells.map(bare);
  let best: { format: Exclude<AttendanceFormat, "email_list">; score: number } | null = null;
  for (const [format, words] of Object.entries(FORMAT_HEADERS) as [
    Exclude<AttendanceFormat, "email_list">,
    HeaderWords,
  ][]) {
    if (!row.some((c) => words.email.includes(c))) continue;
    const score = words.marks.filter((m) => row.includes(m)).length;
    if (!best || score > best.score) best = { format, score };
  }
  if (!best) return null;
  const words = FORMAT_HEADERS[best.format];
  const find = (names: string[]) => row.findIndex((c) => names.includes(c));
  return {
    format: best.format,
    email: find(words.email),
    name: find(words.name),
    duration: find(words.duration),
    score: best.score + (find(words.name) >= 0 ? 1 : 0),
  };
}
