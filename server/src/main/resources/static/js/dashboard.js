// Live dashboard: one WebSocket, a snapshot on connect, then deltas that carry only what changed.
// Labels come from the page's data-* attributes (message bundles); nothing here is shown untranslated.
(function () {
  'use strict';

  var root = document.getElementById('dashboard');
  if (!root) {
    return;
  }
  var data = root.dataset;
  var rowsBody = document.querySelector('#screens tbody');
  var countsBody = document.querySelector('#counts tbody');
  var progressList = document.getElementById('progress');
  var feedbackList = document.getElementById('feedback');
  var connection = document.getElementById('connection');
  var errorBox = document.getElementById('error');
  var schoolSelect = document.getElementById('filter-school');
  var healthSelect = document.getElementById('filter-health');
  var pageInfo = document.getElementById('page-info');
  var prev = document.getElementById('page-prev');
  var next = document.getElementById('page-next');

  var state = { view: { page: 0, size: Number(data.pageSize) || 50 }, total: 0, rows: {}, order: [], counts: {} };
  var socket = null;
  var retryMs = 1000;

  function label(name) {
    var key = 'label' + name.charAt(0).toUpperCase() + name.slice(1);
    return data[key] || name;
  }

  function format(pattern, values) {
    return pattern.replace(/\{(\d+)\}/g, function (m, i) {
      return String(values[Number(i)]);
    });
  }

  function time(iso) {
    if (!iso) {
      return '—';
    }
    return new Date(iso).toLocaleString(document.documentElement.lang || undefined);
  }

  function bytes(n) {
    if (!n) {
      return '—';
    }
    var units = ['B', 'KB', 'MB', 'GB', 'TB'];
    var i = 0;
    while (n >= 1024 && i < units.length - 1) {
      n = n / 1024;
      i++;
    }
    return (i === 0 ? n : n.toFixed(1)) + ' ' + units[i];
  }

  function cell(tr, text) {
    var td = document.createElement('td');
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function renderRow(row) {
    var tr = document.createElement('tr');
    tr.dataset.device = row.id;
    tr.dataset.health = row.health;
    var name = cell(tr, row.name);
    name.title = row.id;
    cell(tr, row.schoolName);
    var health = document.createElement('span');
    health.className = 'health health-' + row.health;
    health.textContent = label(row.health.toLowerCase());
    var td = cell(tr, '');
    td.className = 'health-cell';
    td.appendChild(health);
    cell(tr, time(row.heartbeatAt));
    var manifest = cell(tr, row.appliedVersion + ' / ' + row.latestVersion);
    manifest.className = 'manifest';
    var playing = cell(tr, row.nowPlaying ? (row.nowPlayingTitle || row.nowPlaying) : '—');
    playing.className = 'now-playing';
    if (row.nowPlaying) {
      playing.dataset.posting = row.nowPlaying;
    }
    cell(tr, bytes(row.diskFreeBytes));
    return tr;
  }

  function renderRows() {
    rowsBody.textContent = '';
    if (state.order.length === 0) {
      var tr = document.createElement('tr');
      var td = cell(tr, label('none'));
      td.colSpan = 7;
      rowsBody.appendChild(tr);
    }
    state.order.forEach(function (id) {
      var row = state.rows[id];
      if (row) {
        rowsBody.appendChild(renderRow(row));
      }
    });
    var pages = Math.max(1, Math.ceil(state.total / state.view.size));
    pageInfo.textContent = format(label('page'), [state.view.page + 1, pages, state.total]);
    prev.disabled = state.view.page <= 0;
    next.disabled = state.view.page + 1 >= pages;
  }

  function renderCounts() {
    countsBody.textContent = '';
    Object.keys(state.counts).map(function (id) {
      return state.counts[id];
    }).sort(function (a, b) {
      return a.schoolName.localeCompare(b.schoolName);
    }).forEach(function (c) {
      var tr = document.createElement('tr');
      tr.dataset.school = c.schoolId;
      cell(tr, c.schoolName);
      cell(tr, c.fine).className = 'count-fine';
      cell(tr, c.stale).className = 'count-stale';
      cell(tr, c.offline).className = 'count-offline';
      countsBody.appendChild(tr);
    });
  }

  function renderProgress(progress) {
    progressList.textContent = '';
    progress.forEach(function (p) {
      var li = document.createElement('li');
      li.dataset.posting = p.postingId;
      var title = document.createElement('div');
      title.textContent = p.title;
      var figures = document.createElement('div');
      figures.className = 'figures';
      figures.textContent = format(label('progress'), [p.showing, p.targeted]);
      var bar = document.createElement('progress');
      bar.max = Math.max(1, p.targeted);
      bar.value = p.showing;
      li.appendChild(title);
      li.appendChild(figures);
      li.appendChild(bar);
      progressList.appendChild(li);
    });
  }

  function feedbackItem(f, fresh) {
    var li = document.createElement('li');
    li.className = fresh ? 'fresh' : '';
    li.dataset.category = f.category;
    var what = document.createElement('div');
    what.textContent = label(f.category) + ' · ' + f.schoolName;
    var when = document.createElement('div');
    when.className = 'muted';
    when.textContent = time(f.at);
    li.appendChild(what);
    li.appendChild(when);
    return li;
  }

  function onSnapshot(m) {
    state.view = m.view;
    state.total = m.total;
    state.rows = {};
    state.order = m.rows.map(function (r) {
      state.rows[r.id] = r;
      return r.id;
    });
    state.counts = {};
    m.counts.forEach(function (c) {
      state.counts[c.schoolId] = c;
    });
    schoolSelect.value = m.view.schoolId || '';
    healthSelect.value = m.view.health || '';
    renderRows();
    renderCounts();
    renderProgress(m.progress);
    feedbackList.textContent = '';
    m.feedback.forEach(function (f) {
      feedbackList.appendChild(feedbackItem(f, false));
    });
  }

  function onDelta(m) {
    if (m.total !== undefined) {
      state.total = m.total;
    }
    if (m.rows) {
      m.rows.forEach(function (r) {
        state.rows[r.id] = r;
      });
    }
    if (m.order) {
      var keep = {};
      m.order.forEach(function (id) {
        keep[id] = state.rows[id];
      });
      state.rows = keep;
      state.order = m.order;
    }
    if (m.rows || m.order || m.total !== undefined) {
      renderRows();
    }
    if (m.counts || m.removedSchools) {
      (m.counts || []).forEach(function (c) {
        state.counts[c.schoolId] = c;
      });
      (m.removedSchools || []).forEach(function (id) {
        delete state.counts[id];
      });
      renderCounts();
    }
    if (m.progress) {
      renderProgress(m.progress);
    }
    if (m.feedback) {
      m.feedback.slice().reverse().forEach(function (f) {
        feedbackList.insertBefore(feedbackItem(f, true), feedbackList.firstChild);
      });
    }
  }

  function request(view) {
    errorBox.hidden = true;
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: 'view', schoolId: view.schoolId || null, health: view.health || null,
        page: view.page, size: view.size }));
    }
  }

  function filtered(page) {
    return { schoolId: schoolSelect.value, health: healthSelect.value, page: page, size: state.view.size };
  }

  function connect() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + data.ws);
    socket.onopen = function () {
      retryMs = 1000;
      connection.textContent = label('live');
      connection.classList.add('live');
      root.dataset.connected = 'true';
      // after a reconnect, ask again for the page the user was on
      if (state.view.page || state.view.schoolId || state.view.health) {
        request(state.view);
      }
    };
    socket.onmessage = function (event) {
      var m = JSON.parse(event.data);
      if (m.type === 'snapshot') {
        onSnapshot(m);
      } else if (m.type === 'delta') {
        onDelta(m);
      } else if (m.type === 'error') {
        errorBox.textContent = label(m.code === 'scope' ? 'errorScope' : 'errorInvalid');
        errorBox.hidden = false;
      }
      root.dataset.updates = String(Number(root.dataset.updates || 0) + 1);
    };
    socket.onclose = function (event) {
      root.dataset.connected = 'false';
      if (event.code === 1008) {
        // signed out or the session ended: the server sends the sign-in page
        location.assign(location.href);
        return;
      }
      connection.textContent = label('reconnecting');
      connection.classList.remove('live');
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 30000);
    };
  }

  schoolSelect.addEventListener('change', function () {
    request(filtered(0));
  });
  healthSelect.addEventListener('change', function () {
    request(filtered(0));
  });
  prev.addEventListener('click', function () {
    request(filtered(Math.max(0, state.view.page - 1)));
  });
  next.addEventListener('click', function () {
    request(filtered(state.view.page + 1));
  });

  connect();
}());
