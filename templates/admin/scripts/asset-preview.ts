// The asset editor's live preview: on input, the form is posted to the preview frame (the Preview button's
// formaction/formtarget), without its files, so the frame shows the landing page as typed. Progressive
// enhancement: without JavaScript the Preview button does the same by hand. Served from our origin ('self').

export const ASSET_PREVIEW_SCRIPT_PATH = "/static/asset-preview.js";

export const ASSET_PREVIEW_SCRIPT = `"use strict";
(function () {
  var form = document.getElementById("asset-form");
  var button = document.getElementById("preview-button");
  if (!form || !button || typeof form.requestSubmit !== "function") return;
  var timer = null;
  function refresh() {
    timer = null;
    // Disabled inputs are left out of the submission, which is built at once: no file is sent to the preview.
    var files = form.querySelectorAll("input[type=file]");
    for (var i = 0; i < files.length; i++) files[i].disabled = true;
    try {
      form.requestSubmit(button);
    } finally {
      for (var j = 0; j < files.length; j++) files[j].disabled = false;
    }
  }
  function later(e) {
    if (e.target && e.target.type === "file") return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(refresh, 350);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  refresh();
})();
`;
