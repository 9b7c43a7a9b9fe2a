// The one script of the public pages: it adds the visitor's own time to a course session's time.
// Progressive enhancement: the page already says the time in the session's zone; without JavaScript
// (or without Intl time zones) nothing changes. Served from our origin, which the CSP allows
// ('self'); no inline script, so no nonce. Hand-written: 30 lines of Intl, no library needed.

export const LOCAL_TIME_SCRIPT_PATH = "/static/local-time.js";

export const LOCAL_TIME_SCRIPT = `"use strict";
(function () {
  var viewer;
  try {
    viewer = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!viewer) return;
  var els = document.querySelectorAll("[data-local-time]");
  for (var i = 0; i < els.length; i++) {
    var el = els[i];
    var at = new Date(el.getAttribute("data-local-time"));
    var zone = el.getAttribute("data-zone");
    var locale = el.getAttribute("data-locale") || undefined;
    if (isNaN(at.getTime()) || !zone) continue;
    try {
      var wall = function (tz, opts) {
        return new Intl.DateTimeFormat(locale, Object.assign({ timeZone: tz }, opts)).format(at);
      };
      var full = { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "2-digit" };
      // Same wall clock as the session's zone: the page already says it.
      if (wall(zone, full) === wall(viewer, full)) continue;
      var day = { year: "numeric", month: "numeric", day: "numeric" };
      var time = wall(zone, day) === wall(viewer, day)
        ? wall(viewer, { hour: "numeric", minute: "2-digit" })
        : wall(viewer, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
      el.textContent = " · " + el.getAttribute("data-label") + " " + time;
      el.hidden = false;
    } catch (e) {
      /* an unknown zone in this browser: leave the page as it is */
    }
  }
})();
`;
