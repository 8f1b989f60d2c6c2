// The counter's camera scanner, where the browser offers BarcodeDetector. Without it (or without
// JavaScript) the verify box works as it is: a USB scanner types the token and Enter.
(function () {
    'use strict';

    var start = document.querySelector('[data-camera-start]');
    if (!start || !('BarcodeDetector' in window) || !navigator.mediaDevices
            || !navigator.mediaDevices.getUserMedia) {
        return;
    }
    var form = start.form;
    var input = form.querySelector('input[name="code"]');
    var box = form.querySelector('[data-camera]');
    var video = form.querySelector('[data-camera-video]');
    var status = form.querySelector('[data-camera-status]');
    var startText = start.textContent;
    var stream = null;

    function stop() {
        if (stream) {
            stream.getTracks().forEach(function (track) {
                track.stop();
            });
            stream = null;
        }
        box.hidden = true;
        start.textContent = startText;
    }

    window.BarcodeDetector.getSupportedFormats().then(function (formats) {
        if (formats.indexOf('qr_code') === -1) {
            return;
        }
        var detector = new window.BarcodeDetector({formats: ['qr_code']});
        var scan = function () {
            if (!stream) {
                return;
            }
            detector.detect(video).then(function (codes) {
                if (codes.length > 0) {
                    input.value = codes[0].rawValue;
                    stop();
                    form.submit();
                } else {
                    window.setTimeout(scan, 250);
                }
            }, function () {
                window.setTimeout(scan, 250); // the video is not ready yet
            });
        };
        start.hidden = false;
        start.addEventListener('click', function () {
            if (stream) {
                stop();
                return;
            }
            navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}, audio: false})
                .then(function (camera) {
                    stream = camera;
                    video.srcObject = camera;
                    box.hidden = false;
                    start.textContent = start.dataset.stopText;
                    status.textContent = '';
                    return video.play();
                })
                .then(scan, function () {
                    stop();
                    status.textContent = start.dataset.errorText;
                });
        });
    });
})();
