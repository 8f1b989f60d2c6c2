// Small enhancements only: every page works without JavaScript.
(function () {
    'use strict';

    // The error summary takes the focus, so screen readers announce the problems first.
    var summary = document.querySelector('[data-error-summary]');
    if (summary) {
        summary.focus();
    }

    // The slip's print button does nothing without JavaScript, so it is hidden until now.
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.hidden = false;
        button.addEventListener('click', function () {
            window.print();
        });
    });

    // Nationality is asked of passport holders only: hide it while MyKad is chosen.
    var nationality = document.querySelector('[data-nationality]');
    if (nationality) {
        var radios = document.querySelectorAll('input[name="documentType"]');
        var update = function () {
            var mykad = document.querySelector('input[name="documentType"][value="MYKAD"]:checked');
            nationality.hidden = mykad !== null;
        };
        radios.forEach(function (radio) {
            radio.addEventListener('change', update);
        });
        update();
    }

    // A press before the proof of work has finished is kept, not lost: the button says it is waiting
    // (its text from the page, in the page's language) and the form goes on as soon as the widget has
    // verified.
    document.querySelectorAll('form').forEach(function (form) {
        var widget = form.querySelector('altcha-widget');
        var box = widget && widget.closest('[data-waiting]');
        if (!widget || !box) {
            return;
        }
        var state = null;
        var payload = null;
        var waiting = null;
        var solved = function () {
            var field = form.querySelector('input[name="altcha"]');
            return field !== null && field.value !== '';
        };
        var stopWaiting = function () {
            if (waiting && waiting.button) {
                waiting.button.textContent = waiting.text;
                waiting.button.removeAttribute('aria-disabled');
            }
            waiting = null;
        };
        // The widget says "verified" before it has written its solution into the form: wait for the
        // field (or, failing that, add the solution the event carried), then send as the press would.
        var sendWhenFilled = function (triesLeft) {
            if (!solved() && triesLeft > 0) {
                window.setTimeout(function () { sendWhenFilled(triesLeft - 1); }, 50);
                return;
            }
            if (!solved() && payload) {
                var field = document.createElement('input');
                field.type = 'hidden';
                field.name = 'altcha';
                field.value = payload;
                form.appendChild(field);
            }
            var button = waiting.button;
            stopWaiting();
            form.requestSubmit(button && button.form === form ? button : undefined);
        };
        widget.addEventListener('statechange', function (event) {
            state = event.detail && event.detail.state;
            payload = (event.detail && event.detail.payload) || payload;
            if (!waiting) {
                return;
            }
            if (state === 'verified') {
                sendWhenFilled(40);
            } else if (state === 'error' || state === 'expired') {
                stopWaiting(); // the widget shows why; the next press starts again
            }
        });
        // Caught on the way down (capture on the document), before the widget's own capturing listener
        // on the form, which would alert "please wait" and drop the press.
        document.addEventListener('submit', function (event) {
            if (event.target !== form) {
                return;
            }
            // Without the widget's script (blocked, failed) the server says what is missing.
            if (solved() || !window.customElements.get('altcha-widget')) {
                return;
            }
            // Held here: neither the widget nor the submit-once guard sees it.
            event.preventDefault();
            event.stopImmediatePropagation();
            if (waiting) {
                return;
            }
            var button = event.submitter || form.querySelector('button[type="submit"]');
            waiting = {button: button, text: button ? button.textContent : ''};
            if (button) {
                button.textContent = box.dataset.waiting;
                button.setAttribute('aria-disabled', 'true');
            }
            if (state === 'verified') {
                sendWhenFilled(40);
            } else if (state !== 'verifying' && typeof widget.verify === 'function') {
                widget.verify();
            }
        }, true);
    });

    // A second click on OK while the first is on its way would only wait for the same answer.
    document.querySelectorAll('form[data-submit-once]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            if (event.defaultPrevented) {
                return;
            }
            if (form.dataset.submitted) {
                event.preventDefault();
            }
            form.dataset.submitted = 'true';
        });
    });
})();
