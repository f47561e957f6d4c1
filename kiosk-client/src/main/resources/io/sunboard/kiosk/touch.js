// Touch kiosk mode (kiosk profile only): a visitor opens a posting from the menu, rates it
// and may leave feedback. Everything a visitor typed is cleared after sending and after
// IDLE_MS without a touch; it exists only in this page's memory until it is posted to the
// kiosk client's journal. Built with DOM calls only, so the strict CSP holds.
(function () {
	'use strict';

	if (!document.body.classList.contains('profile-kiosk-screen')) {
		return;
	}
	var IDLE_MS = parseInt(document.body.getAttribute('data-idle-ms'), 10) || 60000;
	var THANKS_MS = 3000;
	var labels = {};
	var idleTimer = null;
	var opened = null; // { postingId, since }

	var button = element('button', 'sb-touch-menu', '');
	var panel = element('section', 'sb-touch-panel', '');
	panel.hidden = true;
	document.body.appendChild(button);
	document.body.appendChild(panel);
	button.addEventListener('click', openMenu);
	document.addEventListener('pointerdown', touched, true);
	document.addEventListener('keydown', touched, true);

	function element(tag, className, text) {
		var node = document.createElement(tag);
		if (className) {
			node.className = className;
		}
		if (text) {
			node.textContent = text;
		}
		return node;
	}

	function post(event) {
		return fetch('/touch/event', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(event)
		}).then(function (response) { return response.ok; })
			.catch(function () { return false; });
	}

	function touched() {
		if (idleTimer) {
			clearTimeout(idleTimer);
		}
		idleTimer = setTimeout(reset, IDLE_MS);
	}

	function closePosting() {
		if (opened) {
			post({ type: 'interaction', postingId: opened.postingId, durationMs: Date.now() - opened.since });
			opened = null;
		}
	}

	// Back to the unattended playlist; nothing the visitor did stays on screen.
	function reset() {
		closePosting();
		panel.hidden = true;
		while (panel.firstChild) {
			panel.removeChild(panel.firstChild);
		}
	}

	function loadLabels() {
		return fetch('/touch/menu', { cache: 'no-store' }).then(function (r) { return r.json(); })
			.then(function (menu) {
				labels = menu.labels;
				button.textContent = labels.menu;
				return menu;
			});
	}

	function openMenu() {
		loadLabels().then(function (menu) {
			reset();
			panel.hidden = false;
			panel.appendChild(toolbar(false));
			var list = element('ul', 'sb-touch-list', '');
			menu.items.forEach(function (item) {
				var entry = element('li', '', '');
				var open = element('button', 'sb-touch-item', item.title);
				open.setAttribute('data-posting', item.postingId);
				open.addEventListener('click', function () { openPosting(item.postingId); });
				entry.appendChild(open);
				list.appendChild(entry);
			});
			panel.appendChild(list);
			touched();
		});
	}

	function toolbar(withBack) {
		var bar = element('div', 'sb-touch-bar', '');
		if (withBack) {
			var back = element('button', 'sb-touch-back', labels.back);
			back.addEventListener('click', openMenu);
			bar.appendChild(back);
		}
		var feedback = element('button', 'sb-touch-feedback-open', labels['feedback.open']);
		feedback.addEventListener('click', function () { openFeedback(opened ? opened.postingId : null); });
		bar.appendChild(feedback);
		var close = element('button', 'sb-touch-close', labels.close);
		close.addEventListener('click', reset);
		bar.appendChild(close);
		return bar;
	}

	function openPosting(postingId) {
		fetch('/touch/posting/' + encodeURIComponent(postingId), { cache: 'no-store' })
			.then(function (r) { return r.ok ? r.json() : null; })
			.then(function (page) {
				if (!page) {
					return;
				}
				reset();
				panel.hidden = false;
				opened = { postingId: postingId, since: Date.now() };
				panel.appendChild(toolbar(true));
				var body = element('div', 'sb-touch-posting', '');
				body.innerHTML = page.html; // rendered and escaped by the kiosk client
				panel.appendChild(body);
				panel.appendChild(rating(postingId));
			});
	}

	function rating(postingId) {
		var box = element('div', 'sb-touch-rating', '');
		box.appendChild(element('span', '', labels['helpful.question']));
		[true, false].forEach(function (helpful) {
			var answer = element('button', helpful ? 'sb-touch-yes' : 'sb-touch-no',
				labels[helpful ? 'helpful.yes' : 'helpful.no']);
			answer.addEventListener('click', function () {
				post({ type: 'rating', postingId: postingId, helpful: helpful }).then(function () {
					while (box.firstChild) {
						box.removeChild(box.firstChild);
					}
					box.appendChild(element('span', 'sb-touch-rated', labels['helpful.thanks']));
				});
			});
			box.appendChild(answer);
		});
		return box;
	}

	function openFeedback(postingId) {
		closePosting();
		while (panel.firstChild) {
			panel.removeChild(panel.firstChild);
		}
		panel.appendChild(toolbar(true));
		var form = element('form', 'sb-touch-form', '');
		var category = element('select', 'sb-touch-category', '');
		['consultation', 'complaint', 'suggestion'].forEach(function (name) {
			var option = element('option', '', labels['feedback.category.' + name]);
			option.value = name;
			category.appendChild(option);
		});
		var text = element('textarea', 'sb-touch-text', '');
		text.maxLength = 500;
		text.setAttribute('aria-label', labels['feedback.text']);
		text.placeholder = labels['feedback.text'];
		var contact = element('input', 'sb-touch-contact', '');
		contact.type = 'tel';
		contact.maxLength = 20;
		contact.autocomplete = 'off';
		contact.placeholder = labels['feedback.contact'];
		var message = element('p', 'sb-touch-message', '');
		var submit = element('button', 'sb-touch-submit', labels['feedback.submit']);
		submit.type = 'submit';
		form.appendChild(element('label', '', labels['feedback.category']));
		form.appendChild(category);
		form.appendChild(text);
		form.appendChild(contact);
		form.appendChild(submit);
		form.appendChild(message);
		form.setAttribute('autocomplete', 'off');
		form.addEventListener('submit', function (e) {
			e.preventDefault();
			var event = { type: 'feedback', category: category.value, text: text.value.trim(),
				contact: contact.value.trim() };
			if (postingId) {
				event.postingId = postingId;
			}
			if (!event.text || (event.contact && !/^[0-9+\- ]{5,20}$/.test(event.contact))) {
				message.textContent = labels['feedback.invalid'];
				return;
			}
			post(event).then(function (ok) {
				if (!ok) {
					message.textContent = labels['feedback.invalid'];
					return;
				}
				// Cleared at once; the thanks stays a moment, then the screen resets.
				form.reset();
				text.value = '';
				contact.value = '';
				while (panel.firstChild) {
					panel.removeChild(panel.firstChild);
				}
				panel.appendChild(element('p', 'sb-touch-thanks', labels['feedback.thanks']));
				setTimeout(reset, THANKS_MS);
			});
		});
		panel.appendChild(form);
	}

	loadLabels().catch(function () { /* client restarting: the button fills in on first touch */ });
}());
