// soloai serve: drag and drop onto the upload form, and the live progress of a run.
// Served as a file (the Content-Security-Policy forbids inline script).
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // Drag and drop: files dropped on the zone go into the form's file input.
  document.querySelectorAll("form.upload").forEach(function (form) {
    var zone = form.querySelector(".dropzone");
    var input = form.querySelector("input[type=file]");
    if (!zone || !input) return;
    ["dragenter", "dragover"].forEach(function (ev) {
      zone.addEventListener(ev, function (e) {
        e.preventDefault();
        zone.classList.add("over");
      });
    });
    ["dragleave", "drop"].forEach(function (ev) {
      zone.addEventListener(ev, function (e) {
        e.preventDefault();
        zone.classList.remove("over");
      });
    });
    zone.addEventListener("drop", function (e) {
      if (!e.dataTransfer || !e.dataTransfer.files.length) return;
      input.files = e.dataTransfer.files;
      zone.textContent = Array.prototype.map
        .call(input.files, function (f) { return f.name; })
        .join(", ");
    });
  });

  // Live progress: server-sent events until the run ends, then the page reloads to show
  // the reports. Closing the page does not stop the run.
  var box = document.querySelector(".progress[data-events]");
  if (box && box.getAttribute("data-finished") !== "1" && window.EventSource) {
    var bar = document.getElementById("run-progress");
    var pct = document.getElementById("run-percent");
    var msg = document.getElementById("run-message");
    var source = new EventSource(box.getAttribute("data-events"));
    source.addEventListener("progress", function (e) {
      var p;
      try { p = JSON.parse(e.data); } catch (err) { return; }
      bar.value = p.percent;
      pct.textContent = p.percent + " %";
      msg.textContent = p.message + (p.total ? " (" + p.done + "/" + p.total + ")" : "");
      if (p.status === "done" || p.status === "failed") {
        source.close();
        box.setAttribute("data-finished", "1");
        window.setTimeout(function () { window.location.reload(); }, 600);
      }
    });
  }
});
