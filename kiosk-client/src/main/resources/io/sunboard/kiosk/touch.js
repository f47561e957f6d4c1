// Touch kiosk mode (kiosk profile only). While nobody touches, the playlist plays (attract
// mode); a touch opens the home screen: categories with counts, search, a language switch.
// A category opens its list, a line opens the posting in full; tables page with buttons,
// attachments show inline (images) or in a frame (PDF). The school's published replies
// (questions & answers) open from home, and a posting shows those about it. A visitor can
// rate a posting and leave feedback. Before IDLE_MS without a touch a warning counts down; then everything
// the visitor did or typed is dropped and the playlist returns. Every word on screen comes
// from the labels the kiosk client sends (its message bundles); this file holds none.
// Built with DOM calls only, so the strict CSP holds.
(function () {
	'use strict';

	if (!document.body.classList.contains('profile-kiosk-screen')) {
		return;
	}
	var IDLE_MS = parseInt(document.body.getAttribute('data-idle-ms'), 10) || 60000;
	// WCAG 2.2.1 asks for at least 20 s to react; shorter idle times warn for half of them.
	var WARN_MS = Math.min(20000, Math.floor(IDLE_MS / 2));
	var THANKS_MS = 3000;
	var DEFAULT_LANG = document.documentElement.getAttribute('lang') || 'zh-CN';
	var lang = DEFAULT_LANG;
	var labels = {};
	var languages = [];
	var trail = []; // views the visitor went through; the last is on screen
	var opened = null; // { postingId, since }
	var timers = { warn: null, idle: null, countdown: null };

	var hint = element('button', 'sb-touch-menu', '');
	var panel = element('section', 'sb-touch-panel', '');
	panel.hidden = true;
	var warning = element('div', 'sb-touch-warning', '');
	warning.hidden = true;
	var warningText = element('p', 'sb-touch-warning-text', '');
	var stay = element('button', 'sb-touch-stay', '');
	warning.appendChild(warningText);
	warning.appendChild(stay);
	document.body.appendChild(hint);
	document.body.appendChild(panel);
	document.body.appendChild(warning);
	hint.addEventListener('click', openHome);
	// Attract mode: a touch anywhere on the playing screen opens the home screen.
	document.querySelector('main.screen').addEventListener('click', openHome);
	stay.addEventListener('click', touched);
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

	function button(className, text, action) {
		var node = element('button', className, text);
		node.type = 'button';
		node.addEventListener('click', action);
		return node;
	}

	// A label with {0}, {1}… filled in.
	function label(key, args) {
		var text = labels[key] || key;
		(args || []).forEach(function (value, i) {
			text = text.split('{' + i + '}').join(String(value));
		});
		return text;
	}

	function clear(node) {
		while (node.firstChild) {
			node.removeChild(node.firstChild);
		}
	}

	function get(path) {
		var url = path + (path.indexOf('?') < 0 ? '?' : '&') + 'lang=' + encodeURIComponent(lang);
		return fetch(url, { cache: 'no-store' }).then(function (r) { return r.ok ? r.json() : null; });
	}

	function post(event) {
		return fetch('/touch/event', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(event)
		}).then(function (response) { return response.ok; })
			.catch(function () { return false; });
	}

	// Idle handling: warn WARN_MS before the end, then return to the playlist.
	function touched() {
		clearTimeout(timers.warn);
		clearTimeout(timers.idle);
		clearInterval(timers.countdown);
		warning.hidden = true;
		if (panel.hidden) {
			return;
		}
		timers.warn = setTimeout(warn, IDLE_MS - WARN_MS);
		timers.idle = setTimeout(reset, IDLE_MS);
	}

	function warn() {
		var left = Math.round(WARN_MS / 1000);
		stay.textContent = label('idle.stay');
		warningText.textContent = label('idle.warning', [left]);
		warning.hidden = false;
		timers.countdown = setInterval(function () {
			left = Math.max(0, left - 1);
			warningText.textContent = label('idle.warning', [left]);
		}, 1000);
	}

	function closePosting() {
		if (opened) {
			post({ type: 'interaction', postingId: opened.postingId, durationMs: Date.now() - opened.since });
			opened = null;
		}
	}

	// Back to the unattended playlist; nothing the visitor did stays, not even the language.
	function reset() {
		closePosting();
		clearTimeout(timers.warn);
		clearTimeout(timers.idle);
		clearInterval(timers.countdown);
		warning.hidden = true;
		panel.hidden = true;
		clear(panel);
		trail = [];
		if (lang !== DEFAULT_LANG) {
			lang = DEFAULT_LANG;
			loadLabels();
		}
	}

	function loadLabels() {
		return get('/touch/home').then(function (home) {
			if (home) {
				labels = home.labels;
				languages = home.languages;
				hint.textContent = label('attract.hint');
			}
			return home;
		});
	}

	// Shows a view and remembers it for the back button.
	function go(view) {
		trail.push(view);
		return show(view);
	}

	// keepOpen: the same view again (a language switch), so the posting stays open and its
	// interaction is journaled once, when the visitor really leaves it.
	function show(view, keepOpen) {
		if (!keepOpen) {
			closePosting();
		}
		return view().then(function (nodes) {
			if (!nodes) {
				return;
			}
			clear(panel);
			nodes.forEach(function (node) { panel.appendChild(node); });
			panel.hidden = false;
			panel.scrollTop = 0;
			touched();
		});
	}

	function back() {
		trail.pop();
		if (trail.length === 0) {
			reset();
			return;
		}
		show(trail[trail.length - 1]);
	}

	function openHome() {
		trail = [];
		go(homeView);
	}

	// Labels first, then the view on screen again in the new language.
	function switchLanguage(next) {
		lang = next;
		loadLabels().then(function () { show(trail[trail.length - 1], true); });
	}

	function toolbar(withBack) {
		var bar = element('nav', 'sb-touch-bar', '');
		if (withBack) {
			bar.appendChild(button('sb-touch-back', label('back'), back));
			bar.appendChild(button('sb-touch-home', label('home'), openHome));
		}
		var switcher = element('div', 'sb-touch-languages', '');
		languages.forEach(function (tag) {
			var choice = button('sb-touch-lang', label('lang.' + tag), function () { switchLanguage(tag); });
			choice.setAttribute('data-lang', tag);
			choice.setAttribute('aria-pressed', String(tag === lang));
			switcher.appendChild(choice);
		});
		bar.appendChild(switcher);
		bar.appendChild(button('sb-touch-feedback-open', label('feedback.open'), function () {
			go(feedbackView(opened ? opened.postingId : null));
		}));
		bar.appendChild(button('sb-touch-close', label('close'), reset));
		return bar;
	}

	function homeView() {
		return loadLabels().then(function (home) {
			if (!home) {
				return null;
			}
			var nodes = [toolbar(false), element('h1', 'sb-touch-heading', label('home.title'))];
			nodes.push(searchForm());
			var grid = element('div', 'sb-touch-categories', '');
			home.categories.forEach(function (category) {
				var open = button('sb-touch-category', '', function () {
					go(listView(category.kind));
				});
				open.setAttribute('data-kind', category.kind);
				open.appendChild(element('span', 'sb-touch-category-label', category.label));
				open.appendChild(element('span', 'sb-touch-category-count', label('home.count', [category.count])));
				grid.appendChild(open);
			});
			nodes.push(grid);
			if (home.categories.length === 0) {
				nodes.push(element('p', 'sb-touch-empty', label('home.empty')));
			}
			var answers = button('sb-touch-replies-open', '', function () { go(repliesView()); });
			answers.appendChild(element('span', 'sb-touch-category-label', label('replies.open')));
			answers.appendChild(element('span', 'sb-touch-category-count', label('replies.count', [home.replies])));
			nodes.push(answers);
			return nodes;
		});
	}

	function searchForm() {
		var form = element('form', 'sb-touch-search', '');
		form.setAttribute('role', 'search');
		form.setAttribute('autocomplete', 'off');
		var input = element('input', 'sb-touch-search-text', '');
		input.type = 'search';
		input.maxLength = 100;
		input.placeholder = label('search.placeholder');
		input.setAttribute('aria-label', label('search.placeholder'));
		var submit = element('button', 'sb-touch-search-submit', label('search.submit'));
		submit.type = 'submit';
		form.appendChild(input);
		form.appendChild(submit);
		form.addEventListener('submit', function (e) {
			e.preventDefault();
			var words = input.value.trim();
			if (words) {
				go(searchView(words));
			}
		});
		return form;
	}

	function lines(items) {
		var list = element('ul', 'sb-touch-list', '');
		items.forEach(function (item) {
			var entry = element('li', '', '');
			var open = button('sb-touch-item', '', function () { go(detailView(item.postingId)); });
			open.setAttribute('data-posting', item.postingId);
			open.appendChild(element('span', 'sb-touch-item-title', item.title));
			open.appendChild(element('span', 'sb-touch-item-meta',
				label('list.meta', [item.kindLabel, item.periodEnd])));
			if (item.match) {
				open.appendChild(element('span', 'sb-touch-item-match', item.match));
			}
			entry.appendChild(open);
			list.appendChild(entry);
		});
		return list;
	}

	function listView(kind) {
		return function () {
			return get('/touch/list?kind=' + encodeURIComponent(kind)).then(function (page) {
				if (!page) {
					return null;
				}
				var heading = page.items.length ? page.items[0].kindLabel : label('list.title');
				var nodes = [toolbar(true), element('h1', 'sb-touch-heading', heading), lines(page.items)];
				if (page.items.length === 0) {
					nodes.push(element('p', 'sb-touch-empty', label('list.empty')));
				}
				return nodes;
			});
		};
	}

	function searchView(words) {
		return function () {
			return get('/touch/search?q=' + encodeURIComponent(words)).then(function (page) {
				if (!page) {
					return null;
				}
				var nodes = [toolbar(true), element('h1', 'sb-touch-heading', label('search.results', [words])),
					searchForm(), lines(page.items)];
				if (page.items.length === 0) {
					nodes.push(element('p', 'sb-touch-empty', label('search.none')));
				}
				return nodes;
			});
		};
	}

	function detailView(postingId) {
		return function () {
			return get('/touch/posting/' + encodeURIComponent(postingId)).then(function (page) {
				if (!page) {
					// Its period ended while the visitor looked elsewhere: gone here too.
					closePosting();
					return [toolbar(true), element('p', 'sb-touch-empty', label('posting.gone'))];
				}
				var body = element('div', 'sb-touch-posting', '');
				body.innerHTML = page.html; // rendered and escaped by the kiosk client
				pagers(body);
				var nodes = [toolbar(true), body];
				if (page.attachments.length) {
					nodes.push(attachments(page.attachments));
				}
				if (page.replies.length) {
					var about = element('section', 'sb-touch-replies', '');
					about.appendChild(element('h2', 'sb-touch-replies-heading', label('replies.about')));
					about.appendChild(replyList(page.replies, false));
					nodes.push(about);
				}
				nodes.push(rating(postingId));
				// show() closed the previous posting before this view was asked for, unless
				// this is the same posting in another language.
				if (!opened || opened.postingId !== postingId) {
					opened = { postingId: postingId, since: Date.now() };
				}
				return nodes;
			});
		};
	}

	// The school's published replies, newest first; the question arrives masked.
	function repliesView() {
		return function () {
			return get('/touch/replies').then(function (page) {
				if (!page) {
					return null;
				}
				var nodes = [toolbar(true), element('h1', 'sb-touch-heading', label('replies.title'))];
				if (page.items.length === 0) {
					nodes.push(element('p', 'sb-touch-empty', label('replies.empty')));
				}
				else {
					nodes.push(replyList(page.items, true));
				}
				return nodes;
			});
		};
	}

	// withPosting: a reply about a posting on this kiosk now links to it.
	function replyList(items, withPosting) {
		var list = element('ul', 'sb-touch-list', '');
		items.forEach(function (item) {
			var entry = element('li', 'sb-touch-reply', '');
			entry.setAttribute('data-reply', item.id);
			entry.appendChild(element('p', 'sb-touch-item-meta', label('replies.meta', [item.kindLabel, item.date])));
			var question = element('p', 'sb-touch-reply-question', '');
			question.appendChild(element('strong', 'sb-touch-reply-mark', label('replies.question')));
			question.appendChild(element('span', 'sb-touch-reply-text', item.question));
			var answer = element('p', 'sb-touch-reply-answer', '');
			answer.appendChild(element('strong', 'sb-touch-reply-mark', label('replies.answer')));
			answer.appendChild(element('span', 'sb-touch-reply-text', item.reply));
			entry.appendChild(question);
			entry.appendChild(answer);
			if (withPosting && item.postingTitle) {
				var open = button('sb-touch-reply-posting', label('replies.posting', [item.postingTitle]),
					function () { go(detailView(item.postingId)); });
				open.setAttribute('data-posting', item.postingId);
				entry.appendChild(open);
			}
			list.appendChild(entry);
		});
		return list;
	}

	// Touch replaces timed paging: each long table gets previous / next buttons.
	function pagers(body) {
		Array.prototype.forEach.call(body.querySelectorAll('.table-pager'), function (pager) {
			var pages = pager.querySelectorAll('.table-page');
			if (pages.length < 2) {
				return;
			}
			var nav = element('div', 'sb-touch-pager', '');
			function turn(step) {
				var current = 0;
				for (var i = 0; i < pages.length; i++) {
					if (!pages[i].hidden) {
						current = i;
					}
				}
				var next = Math.min(pages.length - 1, Math.max(0, current + step));
				pages[current].hidden = true;
				pages[next].hidden = false;
				previous.disabled = next === 0;
				following.disabled = next === pages.length - 1;
			}
			var previous = button('sb-touch-page-previous', label('table.previous'), function () { turn(-1); });
			var following = button('sb-touch-page-next', label('table.next'), function () { turn(1); });
			previous.disabled = true;
			nav.appendChild(previous);
			nav.appendChild(following);
			pager.appendChild(nav);
		});
	}

	function attachments(list) {
		var box = element('section', 'sb-touch-attachments', '');
		box.appendChild(element('h2', 'sb-touch-attachments-heading', label('attachments.title')));
		list.forEach(function (attachment) {
			var url = '/touch/attachment/' + attachment.sha256;
			if (attachment.mediaType.indexOf('image/') === 0) {
				var figure = element('figure', 'sb-touch-image', '');
				var image = element('img', '', '');
				image.src = url;
				image.alt = attachment.name;
				figure.appendChild(image);
				figure.appendChild(element('figcaption', '', attachment.name));
				box.appendChild(figure);
			}
			else {
				box.appendChild(button('sb-touch-document', label('attachments.open', [attachment.name]),
					function () { go(documentView(attachment)); }));
			}
		});
		return box;
	}

	// A PDF in a frame of this page, served by the kiosk client; never a download.
	function documentView(attachment) {
		return function () {
			var frame = element('iframe', 'sb-touch-document-frame', '');
			frame.src = '/touch/attachment/' + attachment.sha256;
			frame.title = attachment.name;
			return Promise.resolve([toolbar(true), element('h1', 'sb-touch-heading', attachment.name), frame]);
		};
	}

	function rating(postingId) {
		var box = element('div', 'sb-touch-rating', '');
		box.appendChild(element('span', '', label('helpful.question')));
		[true, false].forEach(function (helpful) {
			box.appendChild(button(helpful ? 'sb-touch-yes' : 'sb-touch-no',
				label(helpful ? 'helpful.yes' : 'helpful.no'), function () {
					post({ type: 'rating', postingId: postingId, helpful: helpful }).then(function () {
						clear(box);
						box.appendChild(element('span', 'sb-touch-rated', label('helpful.thanks')));
					});
				}));
		});
		return box;
	}

	function feedbackView(postingId) {
		return function () {
			var form = element('form', 'sb-touch-form', '');
			var category = element('select', 'sb-touch-category-select', '');
			category.setAttribute('aria-label', label('feedback.category'));
			['consultation', 'complaint', 'suggestion'].forEach(function (name) {
				var option = element('option', '', label('feedback.category.' + name));
				option.value = name;
				category.appendChild(option);
			});
			var text = element('textarea', 'sb-touch-text', '');
			text.maxLength = 500;
			text.setAttribute('aria-label', label('feedback.text'));
			text.placeholder = label('feedback.text');
			var contact = element('input', 'sb-touch-contact', '');
			contact.type = 'tel';
			contact.maxLength = 20;
			contact.autocomplete = 'off';
			contact.placeholder = label('feedback.contact');
			contact.setAttribute('aria-label', label('feedback.contact'));
			var message = element('p', 'sb-touch-message', '');
			var submit = element('button', 'sb-touch-submit', label('feedback.submit'));
			submit.type = 'submit';
			form.appendChild(element('label', '', label('feedback.category')));
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
					message.textContent = label('feedback.invalid');
					return;
				}
				post(event).then(function (ok) {
					if (!ok) {
						message.textContent = label('feedback.invalid');
						return;
					}
					// Cleared at once; the thanks stays a moment, then the screen resets.
					form.reset();
					text.value = '';
					contact.value = '';
					clear(panel);
					panel.appendChild(element('p', 'sb-touch-thanks', label('feedback.thanks')));
					setTimeout(reset, THANKS_MS);
				});
			});
			return Promise.resolve([toolbar(true), element('h1', 'sb-touch-heading', label('feedback.open')), form]);
		};
	}

	loadLabels().catch(function () { /* client restarting: the hint fills in on first touch */ });
}());
