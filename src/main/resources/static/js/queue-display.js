// The call display: follows the branch's event stream (the page reloads itself only without JavaScript),
// chimes and says each new call in Malay and English where the browser can.
(function () {
    'use strict';
    var root = document.querySelector('[data-queue-display]');
    if (!root || !window.EventSource) {
        return;
    }
    var counterLabel = root.getAttribute('data-counter-label');
    var seen = {};
    Array.prototype.forEach.call(root.querySelectorAll('[data-call]'), function (el) {
        seen[el.getAttribute('data-call')] = true;
    });
    var soundOn = false;
    var audio = null;
    var soundButton = root.querySelector('[data-sound]');
    if (soundButton) {
        soundButton.hidden = false;
        // Browsers play sound only after a person has pressed something on the page.
        soundButton.addEventListener('click', function () {
            soundOn = true;
            audio = audio || (window.AudioContext ? new window.AudioContext() : null);
            soundButton.hidden = true;
        });
    }

    function item(number, counter, className) {
        var li = document.createElement('li');
        if (className) {
            li.className = className;
        }
        var n = document.createElement('span');
        n.className = className ? 'queue-display__number' : '';
        n.textContent = number;
        var c = document.createElement('span');
        c.className = className ? 'queue-display__counter' : '';
        c.textContent = counterLabel + ' ' + counter;
        li.appendChild(n);
        li.appendChild(c);
        return li;
    }

    function replace(list, calls, className) {
        while (list.firstChild) {
            list.removeChild(list.firstChild);
        }
        calls.forEach(function (call) {
            var li = item(call.number, call.counter, className);
            if (className) {
                li.setAttribute('data-call', call.id + ':' + call.calls);
            }
            list.appendChild(li);
        });
    }

    function chime() {
        if (!audio) {
            return;
        }
        [660, 880].forEach(function (frequency, i) {
            var tone = audio.createOscillator();
            var gain = audio.createGain();
            tone.frequency.value = frequency;
            gain.gain.setValueAtTime(0.2, audio.currentTime + i * 0.35);
            gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.35 + 0.3);
            tone.connect(gain).connect(audio.destination);
            tone.start(audio.currentTime + i * 0.35);
            tone.stop(audio.currentTime + i * 0.35 + 0.3);
        });
    }

    function say(call) {
        if (!window.speechSynthesis || !window.SpeechSynthesisUtterance) {
            return;
        }
        // "P-014" is read letter by letter and digit by digit.
        var spoken = call.number.replace('-', ' ').split('').join(' ');
        [['ms-MY', root.getAttribute('data-say-ms')], ['en-GB', root.getAttribute('data-say-en')]].forEach(function (l) {
            var u = new window.SpeechSynthesisUtterance(l[1].replace('{0}', spoken).replace('{1}', call.counter));
            u.lang = l[0];
            window.speechSynthesis.speak(u);
        });
    }

    function render(state) {
        replace(root.querySelector('[data-calling]'), state.calling, 'queue-display__call');
        replace(root.querySelector('[data-recent]'), state.recent, null);
        root.querySelector('[data-calling-empty]').hidden = state.calling.length > 0;
        state.waiting.forEach(function (w) {
            var count = root.querySelector('[data-waiting="' + w.service + '"]');
            if (count) {
                count.textContent = w.count;
            }
        });
        state.calling.slice().reverse().forEach(function (call) {
            var key = call.id + ':' + call.calls;
            if (!seen[key]) {
                seen[key] = true;
                if (soundOn) {
                    chime();
                    say(call);
                }
            }
        });
        root.setAttribute('data-live', 'true');
    }

    var stream = new EventSource(root.getAttribute('data-events'));
    stream.addEventListener('state', function (event) {
        render(JSON.parse(event.data));
    });
}());
