// Guided troubleshooter: shows an article of type troubleshooter one step
// at a time. The page itself is a complete article (every step in order,
// answers as ordinary links), so without this script, and in print, it
// reads as one. The path of steps is kept in the URL fragment
// ("#start/step-b/step-c"), so Back, Forward, reload and shared links
// restore the same place, from a web server and from file:// alike.
(function () {
  'use strict';
  var body = document.querySelector('[data-troubleshooter]');
  if (!body) return;
  var doc = document;
  var msgs = {};
  try { msgs = JSON.parse(body.getAttribute('data-ts-i18n') || '{}'); } catch (e) { msgs = {}; }
  function msg(key, def, vars) {
    var s = msgs[key] || def;
    Object.keys(vars || {}).forEach(function (k) { s = s.split('{' + k + '}').join(vars[k]); });
    return s;
  }
  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // Group the body into steps: each h2 and what follows it.
  var steps = [], byId = Object.create(null), cur = null;
  Array.prototype.slice.call(body.children).forEach(function (node) {
    if (node.tagName === 'H2' && node.id) {
      cur = { id: node.id, heading: node, section: el('section', 'ts-step') };
      cur.section.setAttribute('aria-labelledby', node.id);
      body.insertBefore(cur.section, node);
      steps.push(cur);
      byId[cur.id] = cur;
    }
    if (cur) cur.section.appendChild(node);
  });
  if (!steps.length) return;
  steps.forEach(function (s) {
    var q = s.section.querySelector('[data-decision="question"]');
    var title = q && q.querySelector('.callout-title');
    s.question = title ? title.textContent.trim() : s.heading.textContent.trim();
    s.answers = q ? Array.prototype.slice.call(q.querySelectorAll('.answers > li a[href]')) : [];
    s.answers.forEach(function (a) {
      var h = a.getAttribute('href');
      if (h.charAt(0) === '#' && byId[decodeURIComponent(h.slice(1))]) a.setAttribute('data-ts-to', decodeURIComponent(h.slice(1)));
    });
    s.heading.setAttribute('tabindex', '-1');
  });
  var start = steps[0], current = null; // current: the path shown

  // The controls: where the reader is, the path so far, Back and Start over.
  var bar = el('div', 'ts-bar');
  var count = bar.appendChild(el('p', 'ts-count'));
  var nav = bar.appendChild(el('nav', 'ts-path'));
  nav.setAttribute('aria-label', msg('ts_path', 'Your answers so far'));
  var trail = nav.appendChild(el('ol'));
  var actions = bar.appendChild(el('p', 'ts-actions'));
  var back = actions.appendChild(el('button', 'ts-back', msg('ts_back', 'Back')));
  var again = actions.appendChild(el('button', 'ts-restart', msg('ts_start_over', 'Start over')));
  back.type = again.type = 'button';
  var live = bar.appendChild(el('p', 'visually-hidden'));
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');
  body.insertBefore(bar, start.section);
  body.classList.add('ts-active');

  function next(from, id) {
    return from.answers.filter(function (a) { return a.getAttribute('data-ts-to') === id; })[0];
  }
  function fragment(path) {
    return '#' + path.map(function (s) { return encodeURIComponent(s.id); }).join('/');
  }
  // shortest is the shortest path from the start to s, for a link that
  // names only one step (a search result, a heading link).
  function shortest(s) {
    var prev = Object.create(null), queue = [start];
    prev[start.id] = null;
    while (queue.length) {
      var x = queue.shift();
      if (x === s) break;
      x.answers.forEach(function (a) {
        var id = a.getAttribute('data-ts-to');
        if (id && !(id in prev)) { prev[id] = x; queue.push(byId[id]); }
      });
    }
    if (!(s.id in prev)) return [s];
    var path = [];
    for (var y = s; y; y = prev[y.id]) path.unshift(y);
    return path;
  }
  // parse reads a path from a fragment; null when it names no step.
  function parse(hash) {
    var ids = hash.replace(/^#/, '').split('/'), path = [];
    for (var i = 0; i < ids.length; i++) {
      var id;
      try { id = decodeURIComponent(ids[i]); } catch (e) { break; }
      var s = byId[id];
      if (!s || (path.length && !next(path[path.length - 1], id))) break;
      path.push(s);
    }
    if (!path.length) return null;
    return path.length === 1 && ids.length === 1 ? shortest(path[0]) : path;
  }

  function show(path, moveFocus) {
    var here = path[path.length - 1];
    steps.forEach(function (s) { s.section.classList.toggle('ts-current', s === here); });
    count.textContent = msg('ts_step', 'Step {n}', { n: path.length });
    trail.textContent = '';
    nav.hidden = path.length < 2;
    path.slice(0, -1).forEach(function (s, i) {
      var li = trail.appendChild(el('li'));
      var a = li.appendChild(el('a', '', s.question));
      a.href = fragment(path.slice(0, i + 1));
      li.appendChild(doc.createTextNode(' '));
      var chosen = next(s, path[i + 1].id);
      li.appendChild(el('span', 'ts-answer', chosen ? chosen.textContent.trim() : ''));
    });
    here.answers.forEach(function (a) {
      var id = a.getAttribute('data-ts-to');
      if (id) a.href = fragment(path.concat(byId[id]));
    });
    back.disabled = path.length < 2;
    again.disabled = here === start && path.length < 2;
    current = path;
    if (!moveFocus) return;
    live.textContent = count.textContent + ': ' + here.heading.textContent.trim();
    here.heading.focus();
  }

  function go(path) { location.hash = fragment(path); }
  back.addEventListener('click', function () { if (current.length > 1) go(current.slice(0, -1)); });
  again.addEventListener('click', function () { go([start]); });
  window.addEventListener('hashchange', function () {
    var path = parse(location.hash);
    if (path) show(path, true); // other fragments (#top, #summary) just scroll
  });
  // A fragment naming one step keeps its URL: it opens the same place
  // again, and the next answer writes the whole path.
  var initial = parse(location.hash);
  show(initial || [start], false);
  if (initial) bar.scrollIntoView();
})();
