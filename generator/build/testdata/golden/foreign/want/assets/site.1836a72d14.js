// kbsite page behaviour, none of it needed to read a page: copy buttons on
// code blocks, the "On this page" list following the reader (and folded on
// narrow screens), and the header's search button focusing the box.
(function () {
  'use strict';
  var doc = document;

  // --- code blocks: copy ----------------------------------------------------

  // Copies with the async Clipboard API, falling back to a selected textarea
  // and execCommand where it is missing or refused (file://, no permission).
  function copyText(text) {
    var fallback = function () {
      var ta = doc.createElement('textarea');
      ta.value = text;
      ta.setAttribute('readonly', '');
      ta.style.cssText = 'position:fixed;top:0;left:0;opacity:0;pointer-events:none';
      doc.body.appendChild(ta);
      ta.select();
      var ok = false;
      try { ok = doc.execCommand('copy'); } catch (e) { ok = false; }
      ta.remove();
      return ok ? Promise.resolve() : Promise.reject(new Error('copy refused'));
    };
    if (!navigator.clipboard || !navigator.clipboard.writeText) return fallback();
    return navigator.clipboard.writeText(text).catch(fallback);
  }

  function addCopyButton(block, tpl) {
    var head = block.querySelector('.code-head');
    if (!head) {
      head = doc.createElement('div');
      head.className = 'code-head';
      block.insertBefore(head, block.firstChild);
    }
    var button = tpl.content.firstElementChild.cloneNode(true);
    var status = doc.createElement('span');
    status.className = 'code-status';
    status.setAttribute('role', 'status');
    head.appendChild(status);
    head.appendChild(button);
    var timer;
    var report = function (msg) {
      status.textContent = msg;
      clearTimeout(timer);
      timer = setTimeout(function () { status.textContent = ''; }, 2500);
    };
    button.addEventListener('click', function () {
      var code = block.querySelector('pre code') || block.querySelector('pre');
      copyText(code.textContent).then(
        function () { report(button.dataset.done); },
        function () { report(button.dataset.fail); }
      ).then(function () { button.focus(); });
    });
  }

  function initCopy() {
    var tpl = doc.getElementById('code-copy');
    if (!tpl || !tpl.content) return;
    doc.querySelectorAll('.code-block').forEach(function (block) { addCopyButton(block, tpl); });
  }

  // --- "On this page": folded when narrow, current section marked ---------

  var wide = window.matchMedia('(min-width: 56.25rem)');

  function initTOC() {
    var toc = doc.querySelector('.toc');
    if (!toc) return;
    var details = toc.querySelector('details');
    if (details) {
      var fit = function () { details.open = wide.matches; };
      fit();
      wide.addEventListener('change', fit);
      // Wide, the list is a sidebar that cannot be folded.
      details.querySelector('summary').addEventListener('click', function (e) {
        if (wide.matches) e.preventDefault();
      });
    }
    scrollSpy(toc);
  }

  // Marks the link of the last section whose heading has passed the top
  // tenth of the window (low enough that a short section, scrolled to from
  // its link, is the one marked); the observer only says when to look again.
  function scrollSpy(toc) {
    if (!('IntersectionObserver' in window)) return;
    var links = [], heads = [];
    toc.querySelectorAll('a[href^="#"]').forEach(function (a) {
      var h = doc.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
      if (h) { links.push(a); heads.push(h); }
    });
    if (!heads.length) return;
    var current = -1;
    var update = function () {
      var line = window.innerHeight / 10, at = 0;
      for (var i = 0; i < heads.length; i++) {
        if (heads[i].getBoundingClientRect().top <= line) at = i;
      }
      if (at === current) return;
      if (current >= 0) links[current].removeAttribute('aria-current');
      links[at].setAttribute('aria-current', 'true');
      current = at;
    };
    var io = new IntersectionObserver(update, { rootMargin: '0px 0px -90% 0px' });
    heads.forEach(function (h) { io.observe(h); });
    update();
  }

  // --- header: the search button opens and focuses the box ---------------

  function initHeader() {
    var toggle = doc.querySelector('.search-toggle');
    var input = doc.getElementById('search-input');
    if (!toggle || !input) return;
    toggle.addEventListener('toggle', function () {
      if (toggle.open) input.focus();
    });
    // "/" focuses the box (search-ui.js); open it first when it is folded.
    doc.addEventListener('keydown', function (e) {
      var t = e.target;
      if (e.key === '/' && !toggle.open && !(t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) {
        toggle.open = true;
      }
    }, true);
  }


  // --- DocFX tabs -------------------------------------------------------------

  // Without JavaScript every panel shows in order under its label. With it,
  // the tab list appears and one panel at a time shows; choosing a tab
  // chooses the tab of the same name in every group of the page, as on
  // Microsoft Learn, and "#tab/<id>" links do the same.
  function selectTab(name, focusIn) {
    doc.querySelectorAll('.tabs').forEach(function (group) {
      var tabs = group.querySelectorAll('[role="tab"]');
      var has = Array.prototype.some.call(tabs, function (t) { return t.dataset.tab === name; });
      if (!has) return;
      tabs.forEach(function (t) {
        var on = t.dataset.tab === name;
        t.setAttribute('aria-selected', on ? 'true' : 'false');
        t.tabIndex = on ? 0 : -1;
        var panel = doc.getElementById(t.getAttribute('aria-controls'));
        if (panel) panel.hidden = !on;
        if (on && focusIn === group) t.focus();
      });
    });
  }

  function initTabs() {
    var groups = doc.querySelectorAll('.tabs');
    if (!groups.length) return;
    groups.forEach(function (group) {
      var list = group.querySelector('.tab-list');
      if (!list) return;
      list.hidden = false;
      group.classList.add('tabs-live');
      group.querySelectorAll('.tab-panel').forEach(function (panel) {
        panel.setAttribute('aria-labelledby', panel.id.replace('tabpanel.', 'tab.'));
      });
      var first = group.querySelector('[role="tab"][aria-selected="true"]') || group.querySelector('[role="tab"]');
      if (first) selectTab(first.dataset.tab, null);
      list.addEventListener('click', function (e) {
        var t = e.target.closest('[role="tab"]');
        if (t) selectTab(t.dataset.tab, group);
      });
      list.addEventListener('keydown', function (e) {
        var tabs = Array.prototype.slice.call(list.querySelectorAll('[role="tab"]'));
        var i = tabs.indexOf(doc.activeElement);
        if (i < 0) return;
        var j = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
        if (j === undefined) return;
        e.preventDefault();
        selectTab(tabs[(j + tabs.length) % tabs.length].dataset.tab, group);
      });
    });
    doc.addEventListener('click', function (e) {
      var a = e.target.closest('a[href^="#tab/"]');
      if (!a) return;
      e.preventDefault();
      selectTab(a.getAttribute('href').slice(5), null);
    });
  }

  function init() {
    initCopy();
    initTabs();
    initTOC();
    initHeader();
  }
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', init);
  else init();
})();
