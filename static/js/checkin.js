/* The check-in desk (templates/admin/events/registration/checkin.html).
 *
 * Without this script the desk works by typing: choose the session, type the code, press "Check in". With it,
 * choosing a session reloads the desk for it at once, and where the browser can read QR codes (the BarcodeDetector
 * API: Chrome on Android, Safari 17+ with it on) a camera button appears: the first QR code seen is put in the code
 * field and sent, as if it had been typed. The camera is allowed on this page only (Permissions-Policy,
 * TUDOI_CAMERA_PATHS).
 */
(function () {
  "use strict";

  var sessionForm = document.getElementById("checkin-session-form");
  var form = document.getElementById("checkin-form");
  if (!sessionForm || !form) {
    return;
  }
  var choose = document.getElementById("checkin-choose");
  var select = sessionForm.querySelector("select");
  if (select && choose) {
    choose.hidden = true;
    select.addEventListener("change", function () {
      sessionForm.submit();
    });
  }

  var input = form.querySelector("input[name=code]");
  var scan = document.getElementById("checkin-scan");
  var panel = document.getElementById("checkin-camera");
  var video = document.getElementById("checkin-video");
  var status = document.getElementById("checkin-camera-status");
  var stop = document.getElementById("checkin-stop");
  var canScan =
    "BarcodeDetector" in window && navigator.mediaDevices && typeof navigator.mediaDevices.getUserMedia === "function";
  if (!input || !scan || !panel || !video || !status || !stop || !canScan) {
    return;
  }

  var stream = null;
  var detector = null;

  function stopCamera() {
    if (stream) {
      stream.getTracks().forEach(function (track) {
        track.stop();
      });
    }
    stream = null;
    video.srcObject = null;
    status.textContent = "";
    panel.hidden = true;
    scan.hidden = false;
  }

  function send(text) {
    input.value = text;
    stopCamera();
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  function look() {
    if (!stream) {
      return;
    }
    detector
      .detect(video)
      .then(function (codes) {
        var found = codes.find(function (code) {
          return code.rawValue;
        });
        if (found) {
          send(found.rawValue);
        } else {
          window.setTimeout(look, 200);
        }
      })
      .catch(function () {
        window.setTimeout(look, 400);
      });
  }

  function start() {
    status.textContent = status.dataset.looking;
    panel.hidden = false;
    scan.hidden = true;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (media) {
        stream = media;
        video.srcObject = media;
        return video.play();
      })
      .then(function () {
        detector = detector || new window.BarcodeDetector({ formats: ["qr_code"] });
        look();
      })
      .catch(function () {
        stopCamera();
        status.textContent = status.dataset.denied;
        scan.hidden = true;
        input.focus();
      });
  }

  var formats = window.BarcodeDetector.getSupportedFormats
    ? window.BarcodeDetector.getSupportedFormats()
    : Promise.resolve(["qr_code"]);
  formats
    .then(function (supported) {
      if (supported.indexOf("qr_code") !== -1) {
        scan.hidden = false;
        scan.addEventListener("click", start);
        stop.addEventListener("click", function () {
          stopCamera();
          input.focus();
        });
      }
    })
    .catch(function () {});
})();
