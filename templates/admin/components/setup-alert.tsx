/** @jsxImportSource hono/jsx */
// The banner that tells the marketer nurture email is held back by a setup problem, and what fixes it.
import type { Locale } from "../../../src/db/schema";
import { at } from "../messages";

export function SendingPausedAlert(p: { locale: Locale; paused: boolean }) {
  if (!p.paused) return null;
  return (
    <p class="alert" role="alert" id="sending-paused">
      <strong>{at(p.locale, "sending_paused_title")}</strong> {at(p.locale, "sending_paused_text")}
    </p>
  );
}
