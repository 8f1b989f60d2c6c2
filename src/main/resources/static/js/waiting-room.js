// The waiting room with JavaScript: the position and the estimate follow the ticket's status every two
// seconds between the page's own reloads, and the page reloads at once when the stage changes (admitted:
// the pass comes with the page).
(function () {
    var room = document.querySelector('[data-waiting-room]');
    if (!room || !window.fetch) {
        return;
    }
    var stage = room.getAttribute('data-stage');
    if (stage !== 'WAITING' && stage !== 'WAITING_FOR_DRAW') {
        return;
    }
    function set(name, value) {
        var element = room.querySelector('[data-' + name + ']');
        if (element) {
            element.textContent = value;
        }
    }
    function poll() {
        fetch(room.getAttribute('data-status-url'), {credentials: 'same-origin', cache: 'no-store'})
            .then(function (response) { return response.json(); })
            .then(function (status) {
                if (status.stage !== stage) {
                    window.location.reload();
                    return;
                }
                set('ahead', status.ahead);
                set('estimate', status.waitSeconds);
                room.setAttribute('data-live', 'true');
                setTimeout(poll, 2000);
            })
            .catch(function () { setTimeout(poll, 5000); });
    }
    poll();
})();
