// Times as HTTP and JSON carry them: Retry-After (RFC 9110: seconds or an HTTP date) and ISO 8601 strings.

/** Retry-After as seconds (delta or HTTP date), or null when absent or unreadable. */
export function retryAfterSeconds(header: string | null | undefined, now: number): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Epoch milliseconds as an ISO 8601 string (UTC). */
export const isoTime = (ms: number): string => new Date(ms).toISOString();

/** The same, keeping null (a time that has not happened). */
export const isoTimeOrNull = (ms: number | null): string | null =>
  ms === null ? null : isoTime(ms);
