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

    // A second click on OK while the first is on its way would only wait for the same answer.
    document.querySelectorAll('form[data-submit-once]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            if (form.dataset.submitted) {
                event.preventDefault();
            }
            form.dataset.submitted = 'true';
        });
    });
})();
