// Polls /now every second and swaps the page only when its key changes. The next page is
// built in the hidden buffer and then shown, so the screen is never blank; when the kiosk
// client is unreachable the current page simply stays.
(function () {
	'use strict';

	var buffers = [document.getElementById('buffer-a'), document.getElementById('buffer-b')];
	var front = 0;
	var key = buffers[0].getAttribute('data-key');

	function show(next) {
		var back = buffers[1 - front];
		back.innerHTML = next.html;
		back.setAttribute('data-key', next.key);
		back.hidden = false;
		buffers[front].hidden = true;
		buffers[front].innerHTML = '';
		front = 1 - front;
		key = next.key;
	}

	function poll() {
		fetch('/now', { cache: 'no-store' })
			.then(function (response) { return response.ok ? response.json() : null; })
			.then(function (next) {
				if (next && typeof next.key === 'string' && next.key !== key) {
					show(next);
				}
			})
			.catch(function () { /* kiosk client restarting: keep the current page */ })
			.then(function () { setTimeout(poll, 1000); });
	}

	setTimeout(poll, 1000);
}());
