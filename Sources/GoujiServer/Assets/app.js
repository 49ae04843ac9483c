// The gouji serve workbench: sends a file or pasted text to the API and shows the report.
// Every text that comes from a document is set with textContent; no markup is ever parsed.
(function () {
  'use strict';

  var words = {
    zh: {
      title: '勾稽 · 绩效自评报告数字勾稽检查', drop: '把报告拖到这里，或', choose: '选择文件',
      formats: '支持 .docx、.txt、.html', pastePlaceholder: '或者把报告文本粘贴到这里', checkText: '检查文本',
      fixAll: '应用全部安全修复', dlDocx: '下载带批注的 .docx', dlJson: '下载 JSON', dlSarif: '下载 SARIF', dlCsv: '下载 CSV',
      hint: '上传或粘贴一份绩效自评报告，这里会列出每一处数字矛盾。',
      checking: '正在检查…', done: '检查完成', severity: '级别', rules: '规则', error: '错误', warning: '警告', info: '提示',
      arithmetic: '计算', suggestion: '建议', fixable: '可自动修复', apply: '应用此修改', line: '第 {n} 行',
      rule: '规则说明', example: '触发示例', unreadable: '无法读取', clean: '未发现问题。', figures: '数字',
      failed: '请求失败', applied: '已应用修改并重新检查', noFix: '没有可自动应用的修复', mismatch: '文本已改动，无法应用此修改',
      busy: '服务器繁忙，请稍后重试', pasted: '粘贴的文本.txt'
    },
    en: {
      title: 'Gouji · cross-check of report figures', drop: 'Drop a report here, or', choose: 'choose a file',
      formats: '.docx, .txt and .html', pastePlaceholder: 'or paste the text of a report here', checkText: 'Check text',
      fixAll: 'Apply all safe fixes', dlDocx: 'Download annotated .docx', dlJson: 'Download JSON', dlSarif: 'Download SARIF', dlCsv: 'Download CSV',
      hint: 'Upload or paste a performance self-evaluation report; every contradiction between its figures is listed here.',
      checking: 'Checking…', done: 'Checked', severity: 'Severity', rules: 'Rules', error: 'error', warning: 'warning', info: 'info',
      arithmetic: 'Arithmetic', suggestion: 'Suggestion', fixable: 'fixable', apply: 'Apply', line: 'line {n}',
      rule: 'Rule', example: 'Example', unreadable: 'Unreadable', clean: 'No findings.', figures: 'figures',
      failed: 'Request failed', applied: 'Applied and checked again', noFix: 'No fix could be applied automatically', mismatch: 'The text has changed; this suggestion no longer applies',
      busy: 'The server is busy; try again shortly', pasted: 'pasted.txt'
    }
  };
  var severities = ['error', 'warning', 'info'];
  var rank = { info: 0, warning: 1, error: 2 };
  var state = { lang: 'zh', source: null, view: null, rules: {}, hidden: { sev: {}, rule: {} } };

  function $(id) { return document.getElementById(id); }
  function t(key, n) { return (words[state.lang][key] || key).replace('{n}', n); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // MARK: language

  function setLang(lang) {
    state.lang = lang;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '勾稽 · 工作台' : 'Gouji · workbench';
    $('lang-zh').classList.toggle('on', lang === 'zh');
    $('lang-en').classList.toggle('on', lang === 'en');
    document.querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = t(e.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(function (e) { e.placeholder = t(e.dataset.i18nPlaceholder); });
    if (state.source) check(); // messages come from the server in the chosen language
  }

  // MARK: requests

  function query(extra) {
    var name = state.source.kind === 'file' ? state.source.file.name : t('pasted');
    var q = '?name=' + encodeURIComponent(name) + '&lang=' + state.lang;
    return q + (extra || '');
  }
  function body() { return state.source.kind === 'file' ? state.source.file : state.source.text; }
  function post(path, extra) {
    return fetch(path + query(extra), {
      method: 'POST', body: body(), headers: { 'Content-Type': 'application/octet-stream' }
    }).then(function (r) {
      if (r.ok) return r;
      return r.json().catch(function () { return { error: r.status + ' ' + r.statusText }; }).then(function (j) {
        throw new Error(r.status === 503 ? t('busy') : j.error || String(r.status));
      });
    });
  }
  function status(text, isError) {
    $('status').textContent = text;
    $('status').classList.toggle('error', !!isError);
  }
  function loadRules() {
    if (state.rules[state.lang]) return Promise.resolve(state.rules[state.lang]);
    var lang = state.lang;
    return fetch('/api/rules?lang=' + lang).then(function (r) { return r.json(); }).then(function (j) {
      var byId = {};
      j.rules.forEach(function (rule) { byId[rule.id] = rule; });
      state.rules[lang] = byId;
      return byId;
    }).catch(function () { return {}; });
  }
  function check(message) {
    status(t('checking'));
    document.body.removeAttribute('data-ready');
    return Promise.all([post('/api/view').then(function (r) { return r.json(); }), loadRules()]).then(function (got) {
      state.view = got[0];
      render();
      status(message || t('done'));
      document.body.setAttribute('data-ready', '1');
    }).catch(function (e) {
      status(t('failed') + ': ' + e.message, true);
      document.body.setAttribute('data-ready', 'error');
    });
  }

  // MARK: rendering

  function render() {
    var view = state.view;
    $('result-bar').hidden = false;
    $('summary').textContent = view.summary;
    var counts = { error: 0, warning: 0, info: 0 }, rules = {};
    view.documents.forEach(function (d) {
      d.findings.forEach(function (f) {
        counts[f.severity] += 1;
        rules[f.rule] = rules[f.rule] || { name: f.name, count: 0 };
        rules[f.rule].count += 1;
      });
    });
    var countBox = $('counts');
    countBox.replaceChildren();
    severities.forEach(function (s) {
      var c = el('span', 'count');
      c.id = 'count-' + s;
      c.appendChild(el('span', 'badge sev-' + s, t(s)));
      c.appendChild(document.createTextNode(' ' + counts[s]));
      countBox.appendChild(c);
    });
    renderFilters(rules, counts);
    var isText = state.source.kind === 'text';
    $('fix-all').hidden = !isText;
    var panel = $('panel'), main = $('main');
    panel.replaceChildren();
    main.replaceChildren();
    view.documents.forEach(function (d, i) {
      panel.appendChild(renderPanel(d, i));
      main.appendChild(renderDocument(d, i));
    });
    applyFilters();
    layout();
  }

  function renderFilters(rules, counts) {
    var box = $('filters');
    box.replaceChildren();
    var sev = el('span', 'filter-group');
    sev.appendChild(el('b', null, t('severity')));
    severities.forEach(function (s) {
      var label = el('label');
      var input = el('input', 'f-sev');
      input.type = 'checkbox'; input.value = s; input.checked = !state.hidden.sev[s];
      input.addEventListener('change', function () { state.hidden.sev[s] = !input.checked; applyFilters(); });
      label.appendChild(input);
      label.appendChild(document.createTextNode(' '));
      label.appendChild(el('span', 'badge sev-' + s, t(s)));
      label.appendChild(document.createTextNode(' ' + counts[s]));
      sev.appendChild(label);
    });
    box.appendChild(sev);
    var group = el('span', 'filter-group');
    group.appendChild(el('b', null, t('rules')));
    Object.keys(rules).sort().forEach(function (id) {
      var label = el('label');
      var input = el('input', 'f-rule');
      input.type = 'checkbox'; input.value = id; input.checked = !state.hidden.rule[id];
      input.addEventListener('change', function () { state.hidden.rule[id] = !input.checked; applyFilters(); });
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + id + ' '));
      label.appendChild(el('small', null, rules[id].name));
      label.appendChild(document.createTextNode(' ' + rules[id].count));
      group.appendChild(label);
    });
    box.appendChild(group);
  }

  function renderPanel(d, i) {
    var section = el('section', 'panel-doc');
    section.appendChild(el('h2', null, d.path));
    if (d.error) { section.appendChild(el('p', 'unreadable', t('unreadable') + ': ' + d.error)); return section; }
    if (!d.findings.length) { section.appendChild(el('p', 'clean', t('clean'))); return section; }
    var list = el('ol', 'findings');
    d.findings.forEach(function (f) { list.appendChild(renderFinding(d, i, f)); });
    section.appendChild(list);
    return section;
  }

  function renderFinding(d, i, f) {
    var li = el('li', 'finding sev-' + f.severity);
    li.id = f.id;
    li.tabIndex = 0;
    li.dataset.doc = String(i);
    li.dataset.rule = f.rule;
    li.dataset.sev = f.severity;
    li.dataset.targets = f.targets.join(' ');
    var head = el('div', 'head');
    head.appendChild(el('span', 'badge sev-' + f.severity, t(f.severity)));
    head.appendChild(document.createTextNode(' '));
    head.appendChild(el('code', null, f.rule));
    head.appendChild(document.createTextNode(' '));
    head.appendChild(el('small', null, f.name));
    if (f.line) { head.appendChild(document.createTextNode(' ')); head.appendChild(el('span', 'where', t('line', f.line))); }
    li.appendChild(head);
    li.appendChild(el('div', 'msg', f.message));
    if (f.figures.length) {
      var figs = el('div', 'figs');
      f.figures.forEach(function (text) { figs.appendChild(el('span', 'chip', text)); figs.appendChild(document.createTextNode(' ')); });
      li.appendChild(figs);
    }
    var detail = el('div', 'detail');
    if (f.arithmetic) detail.appendChild(el('div', 'arith', t('arithmetic') + ': ' + f.arithmetic));
    if (f.suggestions.length) {
      var list = el('ul', 'sugg');
      f.suggestions.forEach(function (s) { list.appendChild(renderSuggestion(d, f, s)); });
      detail.appendChild(list);
    }
    var rule = (state.rules[state.lang] || {})[f.rule];
    if (rule) {
      var info = el('div', 'rule-info');
      info.appendChild(el('div', null, t('rule') + ' ' + rule.id + ' ' + rule.name + ': ' + rule.description));
      if (rule.example) {
        var ex = el('div');
        ex.appendChild(document.createTextNode(t('example') + ': '));
        ex.appendChild(el('code', null, rule.example));
        info.appendChild(ex);
      }
      detail.appendChild(info);
    }
    li.appendChild(detail);
    li.addEventListener('click', function (e) {
      if (e.target.tagName === 'BUTTON') return;
      focus(li, true);
    });
    li.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); focus(li, true); }
    });
    return li;
  }

  function renderSuggestion(d, f, s) {
    var li = el('li');
    li.appendChild(document.createTextNode(t('suggestion') + ': '));
    if (s.original || s.replacement) {
      li.appendChild(el('del', null, s.original));
      li.appendChild(document.createTextNode(' → '));
      li.appendChild(el('ins', null, s.replacement));
      li.appendChild(document.createTextNode(' '));
    }
    li.appendChild(el('span', 'reason', s.reason));
    if (s.line !== f.line) { li.appendChild(document.createTextNode(' ')); li.appendChild(el('span', 'where', t('line', s.line))); }
    if (s.safe) { li.appendChild(document.createTextNode(' ')); li.appendChild(el('span', 'safe', t('fixable'))); }
    if (state.source.kind === 'text' && typeof d.text === 'string' && s.end >= s.start && (s.original || s.replacement)) {
      var button = el('button', 'apply', t('apply'));
      button.type = 'button';
      button.addEventListener('click', function () { applySuggestion(d, s); });
      li.appendChild(button);
    }
    return li;
  }

  function renderSegments(parent, segments) {
    segments.forEach(function (seg) {
      if (!seg.fig) { appendText(parent, seg.text); return; }
      var span = el('span', 'fig');
      span.id = seg.fig;
      span.dataset.kind = seg.kind;
      span.dataset.value = seg.value;
      span.dataset.unit = seg.unit;
      span.title = seg.kind + ': ' + seg.value + ' ' + seg.unit + (seg.subject ? ' · ' + seg.subject : '');
      if (seg.findings) {
        span.dataset.findings = seg.findings.join(' ');
        span.addEventListener('click', function () {
          var li = $(seg.findings[0]);
          if (li) focus(li, false);
        });
      }
      appendText(span, seg.text);
      parent.appendChild(span);
    });
  }

  function appendText(parent, text) {
    text.split('\n').forEach(function (part, k) {
      if (k > 0) parent.appendChild(document.createElement('br'));
      if (part) parent.appendChild(document.createTextNode(part));
    });
  }

  function block(tag, b) {
    var e = el(tag, b.type === 'caption' ? 'caption' : null);
    if (b.line) e.dataset.line = String(b.line);
    if (b.at) e.dataset.at = b.at.join(' ');
    if (b.colspan) e.colSpan = b.colspan;
    if (b.rowspan) e.rowSpan = b.rowspan;
    renderSegments(e, b.segments || []);
    return e;
  }

  function renderDocument(d, i) {
    var section = el('section', 'doc');
    section.id = 'doc-' + i;
    var h2 = el('h2', null, d.path);
    if (!d.error) h2.appendChild(el('small', null, ' ' + d.template + ' · ' + d.format + ' · ' + d.encoding + ' · ' + t('figures') + ' ' + d.figures));
    section.appendChild(h2);
    if (d.error) { section.appendChild(el('p', 'unreadable', t('unreadable') + ': ' + d.error)); return section; }
    var bodyBox = el('div', 'body');
    d.blocks.forEach(function (b) {
      if (b.type === 'p') { bodyBox.appendChild(block('p', b)); return; }
      (b.caption || []).forEach(function (c) { bodyBox.appendChild(block('p', c)); });
      var table = el('table');
      b.rows.forEach(function (row) {
        var tr = el('tr');
        row.forEach(function (cell) { tr.appendChild(block('td', cell)); });
        table.appendChild(tr);
      });
      bodyBox.appendChild(table);
    });
    section.appendChild(bodyBox);
    return section;
  }

  // MARK: findings and figures

  function targets(li) {
    var out = [];
    (li.dataset.targets || '').split(' ').forEach(function (id) {
      if (!id) return;
      if (id.indexOf('at:') === 0) {
        document.querySelectorAll('#doc-' + li.dataset.doc + ' [data-at]').forEach(function (e) {
          if (e.dataset.at.split(' ').indexOf(id) >= 0) out.push(e);
        });
      } else {
        var e = $(id);
        if (e) out.push(e);
      }
    });
    return out;
  }

  function applyFilters() {
    document.querySelectorAll('.fig.flag').forEach(function (e) {
      e.classList.remove('flag', 'flag-error', 'flag-warning', 'flag-info');
      delete e.dataset.sev;
    });
    document.querySelectorAll('li.finding').forEach(function (li) {
      var visible = !state.hidden.sev[li.dataset.sev] && !state.hidden.rule[li.dataset.rule];
      li.classList.toggle('hidden', !visible);
      if (!visible) return;
      targets(li).forEach(function (e) {
        if (!e.classList.contains('fig')) return;
        var current = e.dataset.sev;
        if (current && rank[current] >= rank[li.dataset.sev]) return;
        if (current) e.classList.remove('flag-' + current);
        e.classList.add('flag', 'flag-' + li.dataset.sev);
        e.dataset.sev = li.dataset.sev;
      });
    });
  }

  // Outlines the finding's figures, scrolls the first into view and opens the finding.
  function focus(li, fromPanel) {
    document.querySelectorAll('li.finding.active').forEach(function (o) { o.classList.remove('active', 'open'); });
    document.querySelectorAll('.focus').forEach(function (e) { e.classList.remove('focus'); });
    li.classList.add('active', 'open');
    var els = targets(li);
    els.forEach(function (e) { e.classList.add('focus'); });
    if (els.length) els[0].scrollIntoView({ behavior: 'auto', block: 'center' });
    li.scrollIntoView({ behavior: 'auto', block: fromPanel ? 'nearest' : 'center' });
  }

  // MARK: editing pasted text

  function setText(text, message) {
    $('paste').value = text;
    state.source = { kind: 'text', text: text };
    return check(message);
  }

  function applySuggestion(d, s) {
    var chars = Array.from(d.text); // offsets count Unicode scalars, as Array.from does
    if (chars.slice(s.start, s.end).join('') !== s.original) { status(t('mismatch'), true); return; }
    setText(chars.slice(0, s.start).join('') + s.replacement + chars.slice(s.end).join(''), t('applied'));
  }

  function fixAll() {
    post('/api/fix').then(function (r) { return r.json(); }).then(function (j) {
      if (!j.changed) { status(t('noFix')); return; }
      setText(j.text, t('applied'));
    }).catch(function (e) { status(t('failed') + ': ' + e.message, true); });
  }

  // MARK: downloads

  function baseName() {
    var name = state.source.kind === 'file' ? state.source.file.name : t('pasted');
    return name.replace(/\.[^.]*$/, '');
  }
  function download(path, extra, filename) {
    post(path, extra).then(function (r) { return r.blob(); }).then(function (blob) {
      var url = URL.createObjectURL(blob);
      var a = el('a');
      a.href = url;
      a.download = filename;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 10000);
    }).catch(function (e) { status(t('failed') + ': ' + e.message, true); });
  }

  // MARK: input

  function useFile(file) {
    if (!file) return;
    state.source = { kind: 'file', file: file };
    state.hidden = { sev: {}, rule: {} };
    check();
  }

  function layout() {
    var h = document.querySelector('header').offsetHeight;
    document.documentElement.style.setProperty('--header', h + 'px');
  }

  $('lang-zh').addEventListener('click', function () { setLang('zh'); });
  $('lang-en').addEventListener('click', function () { setLang('en'); });
  $('file').addEventListener('change', function () { useFile($('file').files[0]); });
  var drop = $('drop');
  drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files.length) useFile(e.dataTransfer.files[0]);
  });
  $('check-text').addEventListener('click', function () {
    state.hidden = { sev: {}, rule: {} };
    setText($('paste').value);
  });
  $('fix-all').addEventListener('click', fixAll);
  $('dl-docx').addEventListener('click', function () {
    var name = state.source.kind === 'file' && /\.docx$/i.test(state.source.file.name) ? baseName() : (state.source.kind === 'file' ? state.source.file.name : baseName());
    download('/api/annotate', '', name + '.annotated.docx');
  });
  $('dl-json').addEventListener('click', function () { download('/api/check', '&format=json', baseName() + '.json'); });
  $('dl-sarif').addEventListener('click', function () { download('/api/check', '&format=sarif', baseName() + '.sarif'); });
  $('dl-csv').addEventListener('click', function () { download('/api/check', '&format=csv', baseName() + '.csv'); });
  window.addEventListener('resize', layout);
  layout();
  document.body.setAttribute('data-loaded', '1');
})();
