// Minutes in a meeting as the exports write them: 63, "01:03:00", "63分钟", "1小时3分", "1h 3m".

export function durationMinutes(raw: string | undefined): number | null {
  const s = (raw ?? "").trim();
  if (!s) return null;
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s));
  const clock = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (clock) {
    const [h, m, sec] = clock.slice(1).map((v) => Number(v ?? 0)) as [number, number, number];
    // hh:mm:ss, or mm:ss when there are only two parts and the first is large.
    return clock[3] !== undefined ? Math.round(h * 60 + m + sec / 60) : Math.round(h * 60 + m);
  }
  const h = /(\d+(?:\.\d+)?)\s*(?:小时|時|h|hr|hours?)/i.exec(s);
  const m = /(\d+(?:\.\d+)?)\s*(?:分钟|分鐘|分|m|min|minutes?)(?![a-z])/i.exec(s);
  const sec = /(\d+)\s*(?:秒|s|sec|seconds?)(?![a-z])/i.exec(s);
  if (!h && !m && !sec) return null;
  return Math.round(Number(h?.[1] ?? 0) * 60 + Number(m?.[1] ?? 0) + Number(sec?.[1] ?? 0) / 60);
}
