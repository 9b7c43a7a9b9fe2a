// The link builder's copy button: progressive enhancement (the URL is in a read-only field to select by hand;
// the button appears only when the clipboard can be written). Served from our origin ('self' in the CSP).

export const COPY_LINK_SCRIPT_PATH = "/static/copy-link.js";

export const COPY_LINK_SCRIPT = `"use strict";
(function () {
  if (!navigator.clipboard || !navigator.clipboard.writeText) return;
  var buttons = document.querySelectorAll("button[data-copy]");
  for (var i = 0; i < buttons.length; i++) {
    (function (button) {
      var field = document.getElementById(button.getAttribute("data-copy"));
      if (!field) return;
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(field.value).then(function () {
          button.textContent = button.getAttribute("data-copied") || label;
          setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    })(buttons[i]);
  }
})();
`;
