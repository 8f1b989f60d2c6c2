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
    // verified. Registered before the submit-once guard below, which ignores a submit stopped here.
    document.querySelectorAll('form').forEach(function (form) {
        var widget = form.querySelector('altcha-widget');
        var box = widget && widget.closest('[data-waiting]');
        if (!widget || !box) {
            return;
        }
        var state = null;
        var waiting = null;
        var stopWaiting = function () {
            if (waiting && waiting.button) {
                waiting.button.textContent = waiting.text;
                waiting.button.removeAttribute('aria-disabled');
            }
            waiting = null;
        };
        widget.addEventListener('statechange', function (event) {
            state = event.detail && event.detail.state;
            if (!waiting) {
                return;
            }
            if (state === 'verified') {
                var button = waiting.button;
                stopWaiting();
                form.requestSubmit(button && button.form === form ? button : undefined);
            } else if (state === 'error' || state === 'expired') {
                stopWaiting(); // the widget shows why; the next press starts again
            }
        });
        form.addEventListener('submit', function (event) {
            var field = form.querySelector('input[name="altcha"]');
            // Without the widget's script (blocked, failed) the server says what is missing.
            if (state === 'verified' || (field && field.value) || !window.customElements.get('altcha-widget')) {
                return;
            }
            event.preventDefault();
            if (waiting) {
                return;
            }
            var button = event.submitter || form.querySelector('button[type="submit"]');
            waiting = {button: button, text: button ? button.textContent : ''};
            if (button) {
                button.textContent = box.dataset.waiting;
                button.setAttribute('aria-disabled', 'true');
            }
            if (state !== 'verifying' && typeof widget.verify === 'function') {
                widget.verify();
            }
        });
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
