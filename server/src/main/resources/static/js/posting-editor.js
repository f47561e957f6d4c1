// Posting editor: refreshes the preview frames (one per screen profile) as the author types,
// by posting the form to the preview endpoint; and switches kind or school on change.
(function () {
  'use strict';

  document.querySelectorAll('select.autosubmit').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });

  var form = document.getElementById('posting-form');
  if (!form) {
    return;
  }
  var frames = document.querySelectorAll('.preview iframe[data-profile]');
  var timer = null;

  function refresh() {
    // built by hand rather than with new FormData(form): a read-only posting's fields are
    // disabled, and FormData would leave them out; files picked for import are not needed
    var data = new FormData();
    Array.from(form.elements).forEach(function (el) {
      if (!el.name || el.type === 'file' || el.type === 'submit' || el.tagName === 'BUTTON') { return; }
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) { return; }
      data.append(el.name, el.value);
    });
    frames.forEach(function (frame) {
      var url = form.dataset.preview + '?profile=' + encodeURIComponent(frame.dataset.profile);
      fetch(url, { method: 'POST', body: data, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html !== null) {
            frame.srcdoc = html;
            frame.dataset.rendered = String(Date.now());
          }
        })
        .catch(function () { /* the next keystroke tries again */ });
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  }

  form.addEventListener('input', later);
  form.addEventListener('change', later);
  refresh();
}());
