// Polls /now every second and swaps the page only when its key changes. The next page is
// built in the hidden buffer and then shown, so the screen is never blank; when the kiosk
// client is unreachable the current page simply stays.
// Long tables arrive cut into pages (.table-pager > .table-page, all but the first hidden);
// every data-page-seconds the next page of each table is shown, so an unattended screen
// goes through the whole list.
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
		seconds = 0;
	}

	var seconds = 0;

	function turnTablePages() {
		seconds += 1;
		var pagers = buffers[front].querySelectorAll('.table-pager');
		Array.prototype.forEach.call(pagers, function (pager) {
			var interval = parseInt(pager.getAttribute('data-page-seconds'), 10) || 8;
			var pages = pager.querySelectorAll('.table-page');
			if (pages.length < 2 || seconds % interval !== 0) {
				return;
			}
			var current = 0;
			for (var i = 0; i < pages.length; i++) {
				if (!pages[i].hidden) {
					current = i;
					break;
				}
			}
			pages[current].hidden = true;
			pages[(current + 1) % pages.length].hidden = false;
		});
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
	setInterval(turnTablePages, 1000);
}());
