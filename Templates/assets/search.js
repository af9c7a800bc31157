// Silkpress offline search, browser half. Loaded by a plain <script> (works from file://) after
// search-index.js, which sets window.SILKPRESS_SEARCH (written by SiteSearch.SearchIndexBuilder):
//
//   { version: 2,
//     kinds:    ["paragraph","section","country","organisation","agreement"],
//     prefixes: [url prefix, …],            shared by many records ("documents/x/index.html#")
//     titles:   [title, …],                 de-duplicated
//     docs:     [[kind, prefix, "suffix", title, "text", ["name", …]?], …]   record id = position
//     tokens:   "tok tok …"                 space-separated, sorted
//     postings: "gaps gaps …" }             aligned with tokens; each = record ids ascending,
//                                           first id then gaps, as base-32 varints (decodeGaps)
//
// Everything taken from the index reaches the page through textContent / createElement only.
(function (global) {
  'use strict';

  // ---- Tokenizer: twin of Sources/SiteSearch/Tokenizer.swift (rules documented there). ----

  function fold(v) {
    if (v >= 0xFF01 && v <= 0xFF5E) return fold(v - 0xFEE0);
    if (v === 0x3000) return 0x20;
    if (v >= 0x41 && v <= 0x5A) return v + 0x20;
    return v;
  }

  function isWord(v) {
    return (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39);
  }

  function isCJK(v) {
    return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) ||
      (v >= 0x20000 && v <= 0x3134F) || (v >= 0xF900 && v <= 0xFAFF) ||
      v === 0x3005 || v === 0x3007 || (v >= 0x3040 && v <= 0x30FF) ||
      (v >= 0xAC00 && v <= 0xD7AF);
  }

  // Maximal word / CJK runs: {kind, chars (code points as strings), text}.
  function runs(text) {
    var out = [];
    var cur = null;
    for (var ch of String(text)) {
      var v = fold(ch.codePointAt(0));
      var kind = isWord(v) ? 'word' : isCJK(v) ? 'cjk' : null;
      var c = String.fromCodePoint(v);
      if (kind !== null && cur !== null && cur.kind === kind) {
        cur.chars.push(c);
        continue;
      }
      if (cur !== null) out.push(cur);
      cur = kind === null ? null : { kind: kind, chars: [c] };
    }
    if (cur !== null) out.push(cur);
    for (var i = 0; i < out.length; i++) out[i].text = out[i].chars.join('');
    return out;
  }

  function runTokens(r) {
    if (r.kind === 'word' || r.chars.length === 1) return [r.text];
    var out = [];
    for (var i = 0; i + 1 < r.chars.length; i++) out.push(r.chars[i] + r.chars[i + 1]);
    return out;
  }

  // Query tokens: unique, in order of first occurrence.
  function tokens(text) {
    var seen = new Set();
    var out = [];
    var rs = runs(text);
    for (var i = 0; i < rs.length; i++) {
      var ts = runTokens(rs[i]);
      for (var k = 0; k < ts.length; k++) {
        if (!seen.has(ts[k])) { seen.add(ts[k]); out.push(ts[k]); }
      }
    }
    return out;
  }

  // The fold applied per UTF-16 unit: same length as the input, so offsets carry over.
  function normalize(text) {
    return String(text).replace(/[\uFF01-\uFF5EA-Z\u3000]/g, function (c) {
      return String.fromCharCode(fold(c.charCodeAt(0)));
    });
  }

  // ---- Index access ----

  // Varint digits (twin of Sources/SiteSearch/GapCode.swift): value, and whether it ends a number.
  var MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345', LAST = 'abcdefghijklmnopqrstuvwxyz6789+/';
  var DIGIT = new Int8Array(128).fill(-1), ENDS = new Uint8Array(128);
  for (var d = 0; d < 32; d++) {
    DIGIT[MORE.charCodeAt(d)] = d;
    DIGIT[LAST.charCodeAt(d)] = d;
    ENDS[LAST.charCodeAt(d)] = 1;
  }

  // Record ids from one posting string: running sum of the decoded gaps.
  function decodeGaps(s) {
    var ids = [];
    var v = 0, id = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      v = v * 32 + DIGIT[c];
      if (ENDS[c]) { id += v; ids.push(id); v = 0; }
    }
    return ids;
  }

  // Splits the two big strings once per page. Tokens are sorted by UTF-16 code units (the
  // builder's order), which is what `<` compares, so lookup is a binary search: cheaper to
  // open than a Map of every token.
  function openIndex(raw) {
    if (!raw.tokenList) {
      raw.tokenList = raw.tokens.split(' ');
      raw.postingList = raw.postings.split(' ');
    }
    return raw;
  }

  function postings(index, token) {
    var toks = openIndex(index).tokenList;
    var lo = 0, hi = toks.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (toks[mid] === token) return decodeGaps(index.postingList[mid]);
      if (toks[mid] < token) lo = mid + 1; else hi = mid - 1;
    }
    return [];
  }

  function intersect(a, b) {
    var out = [];
    var i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; }
      else if (a[i] < b[j]) i++;
      else j++;
    }
    return out;
  }

  function record(index, id) {
    var d = index.docs[id];
    return {
      id: id,
      kind: index.kinds[d[0]],
      url: index.prefixes[d[1]] + d[2],
      title: index.titles[d[3]],
      text: d[4],
      names: d[5] || []
    };
  }

  // ---- Matching and ranking ----

  // Start offsets of `needle` in normalized `hay`; words must not touch other word characters.
  function occurrences(hay, needle, wholeWord) {
    var out = [];
    if (!needle) return out;
    var at = hay.indexOf(needle);
    while (at !== -1) {
      var before = at > 0 ? hay.charCodeAt(at - 1) : 0;
      var after = at + needle.length < hay.length ? hay.charCodeAt(at + needle.length) : 0;
      if (!wholeWord || (!isWord(before) && !isWord(after))) out.push(at);
      at = hay.indexOf(needle, at + 1);
    }
    return out;
  }

  // Whether `field` tokenizes to the same runs as the query (`whole` = its runs joined by
  // spaces): "Pakistan" and "PK" equal their queries, "“一带一路”" equals 一带一路. Walks the
  // field once and stops at the first difference, so long non-matching titles cost nothing.
  function sameRuns(field, whole) {
    var j = 0, prev = 0, gap = false;
    for (var i = 0; i < field.length; ) {
      var cp = field.codePointAt(i);
      i += cp > 0xFFFF ? 2 : 1;
      var v = fold(cp);
      var kind = isWord(v) ? 1 : isCJK(v) ? 2 : 0;
      if (kind === 0) { gap = true; continue; }
      if (prev !== 0 && (gap || kind !== prev)) {
        if (whole.charCodeAt(j) !== 32) return false;
        j++;
      }
      if (whole.codePointAt(j) !== v) return false;
      j += v > 0xFFFF ? 2 : 1;
      prev = kind;
      gap = false;
    }
    return j === whole.length;
  }

  // Non-overlapping occurrences of `needle` in `hay` (same rules as `occurrences`).
  function countIn(hay, needle, wholeWord) {
    var n = 0;
    var at = hay.indexOf(needle);
    while (at !== -1) {
      if (!wholeWord || (!(at > 0 && isWord(hay.charCodeAt(at - 1))) &&
          !isWord(hay.charCodeAt(at + needle.length)))) n++;
      at = hay.indexOf(needle, at + needle.length);
    }
    return n;
  }

  // 0 if a title/name equals the query, 1 if the title and names together contain every
  // fragment, -1 otherwise. Folding is only needed for word fragments: it never changes CJK.
  function fieldTier(title, names, frags, whole, fold) {
    var fields = names ? [title].concat(names) : [title];
    var hays = fold ? fields.map(normalize) : fields;
    for (var k = 0; k < frags.length; k++) {
      var found = false;
      for (var i = 0; i < hays.length && !found; i++) {
        found = countIn(hays[i], frags[k].text, frags[k].kind === 'word') > 0;
      }
      if (!found) return -1;
    }
    for (var j = 0; j < fields.length; j++) if (sameRuns(fields[j], whole)) return 0;
    return 1;
  }

  // Kind order within a tier: entity pages, then sections, then paragraphs.
  var KIND_ORDER = { country: 0, organisation: 0, agreement: 0, section: 1, paragraph: 2 };

  // AND of all query tokens, ranked by tier, then kind, then number of hits, then record order.
  // Tiers: 0 a name or title equals the query; 1 title/names contain every fragment (a
  // fragment = one run of the query, matched contiguously; paragraphs have no such fields);
  // 2 the text contains every fragment; 3 only the tokens match (bigrams not adjacent).
  // Kept to plain loops over the raw arrays: the first query runs before the JIT warms up.
  // Returns {query, frags, total, ranked: [{id, tier, hits}]}; see `record` for the rest.
  function search(index, query) {
    var frags = runs(query).map(function (r) {
      return { kind: r.kind, text: r.text, tokens: runTokens(r) };
    });
    var toks = tokens(query);
    if (toks.length === 0) return { query: query, frags: frags, total: 0, ranked: [] };
    var lists = toks.map(function (t) { return postings(index, t); });
    lists.sort(function (a, b) { return a.length - b.length; });
    var ids = lists[0];
    for (var i = 1; i < lists.length && ids.length > 0; i++) ids = intersect(ids, lists[i]);

    var whole = frags.map(function (f) { return f.text; }).join(' ');
    var fold = frags.some(function (f) { return f.kind === 'word'; });
    var order = index.kinds.map(function (k) { return KIND_ORDER[k]; });
    var paragraph = index.kinds.indexOf('paragraph');
    var ranked = new Array(ids.length);
    for (var n = 0; n < ids.length; n++) {
      var d = index.docs[ids[n]];
      var tier = d[0] === paragraph ? -1 : fieldTier(index.titles[d[3]], d[5], frags, whole, fold);
      var hits = 0;
      if (tier < 0) {
        var hay = fold ? normalize(d[4]) : d[4];
        tier = 2;
        for (var k = 0; k < frags.length; k++) {
          var c = countIn(hay, frags[k].text, frags[k].kind === 'word');
          if (c === 0) tier = 3;
          hits += c;
        }
      }
      ranked[n] = { id: ids[n], tier: tier, order: order[d[0]], hits: hits };
    }
    ranked.sort(function (a, b) {
      return (a.tier - b.tier) || (a.order - b.order) || (b.hits - a.hits) || (a.id - b.id);
    });
    return { query: query, frags: frags, total: ranked.length, ranked: ranked };
  }

  // ---- Snippets ----

  // Sorted, merged [start, end) ranges of the fragments in `text` (bigrams when a CJK
  // fragment does not occur contiguously).
  function highlightRanges(text, frags) {
    var norm = normalize(text);
    var ranges = [];
    frags.forEach(function (f) {
      var found = occurrences(norm, f.text, f.kind === 'word');
      found.forEach(function (s) { ranges.push([s, s + f.text.length]); });
      if (found.length === 0 && f.kind === 'cjk') {
        f.tokens.forEach(function (t) {
          occurrences(norm, t, false).forEach(function (s) { ranges.push([s, s + t.length]); });
        });
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  function isLowSurrogate(text, i) {
    var c = text.charCodeAt(i);
    return c >= 0xDC00 && c <= 0xDFFF;
  }

  // [{text, mark}] pieces: a window of about `width` units starting a little before the first hit.
  function snippet(text, frags, width) {
    width = width || 120;
    var ranges = highlightRanges(text, frags);
    // Start at the beginning when the first hit fits; otherwise a little before the hit.
    var start = ranges.length && ranges[0][1] > width ? ranges[0][0] - 30 : 0;
    if (start > 0 && isLowSurrogate(text, start)) start--;
    var end = Math.min(text.length, start + width);
    if (end < text.length && isLowSurrogate(text, end)) end++;
    var pieces = [];
    if (start > 0) pieces.push({ text: '…', mark: false });
    var at = start;
    ranges.forEach(function (r) {
      var s = Math.max(r[0], start), e = Math.min(r[1], end);
      if (e <= s) return;
      if (s > at) pieces.push({ text: text.slice(at, s), mark: false });
      pieces.push({ text: text.slice(s, e), mark: true });
      at = e;
    });
    if (at < end) pieces.push({ text: text.slice(at, end), mark: false });
    if (end < text.length) pieces.push({ text: '…', mark: false });
    return pieces;
  }

  // ---- Rendering: createElement and textContent only, so data can never become markup. ----

  var KIND_LABEL = {
    paragraph: '段落', section: '章节', country: '国家和地区',
    organisation: '国际组织', agreement: '协议和文件'
  };

  function appendPieces(parent, pieces) {
    pieces.forEach(function (p) {
      if (p.mark) {
        var m = document.createElement('mark');
        m.textContent = p.text;
        parent.appendChild(m);
      } else {
        parent.appendChild(document.createTextNode(p.text));
      }
    });
  }

  function renderResult(rec, frags, siteRoot) {
    var li = document.createElement('li');
    li.className = 'search-result search-result-' + rec.kind;
    var a = document.createElement('a');
    a.href = siteRoot + rec.url;
    a.className = 'search-title';
    appendPieces(a, snippet(rec.title, frags, 200));
    li.appendChild(a);
    var kind = document.createElement('span');
    kind.className = 'search-kind';
    kind.textContent = KIND_LABEL[rec.kind] || rec.kind;
    li.appendChild(document.createTextNode(' '));
    li.appendChild(kind);
    if (rec.names.length) {
      var names = document.createElement('span');
      names.className = 'search-names';
      appendPieces(names, snippet(rec.names.join(' · '), frags, 200));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(names);
    }
    if (rec.text && rec.text !== rec.title) {
      var p = document.createElement('p');
      p.className = 'search-snippet';
      appendPieces(p, snippet(rec.text, frags));
      li.appendChild(p);
    }
    return li;
  }

  var LIMIT = 50;

  function renderResults(index, list, res, siteRoot) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var shown = res.ranked.slice(0, LIMIT);
    var frag = document.createDocumentFragment();
    shown.forEach(function (r) { frag.appendChild(renderResult(record(index, r.id), res.frags, siteRoot)); });
    list.appendChild(frag);
    return shown.length;
  }

  // Wires up search/index.html: reads ?q=, fills the box, searches, renders, and writes the
  // measured time into #search-status (data-ms) so tests can read it back with --dump-dom.
  function runPage() {
    var list = document.getElementById('search-results');
    var status = document.getElementById('search-status');
    var input = document.getElementById('search-input');
    if (!list || !status) return;
    var q = new URLSearchParams(global.location.search).get('q') || '';
    if (input) input.value = q;
    status.setAttribute('data-ready-ms', performance.now().toFixed(1));
    if (!q.trim()) { status.textContent = '请输入要搜索的词语。'; return; }
    var index = global.SILKPRESS_SEARCH;
    if (!index || index.version !== 2) { status.textContent = '搜索索引未能加载。'; return; }
    document.title = q + ' · ' + document.title;
    var tOpen = performance.now();
    openIndex(index);
    var t0 = performance.now();
    status.setAttribute('data-open-ms', (t0 - tOpen).toFixed(2));
    var res = search(index, q);
    var t1 = performance.now();
    var shown = renderResults(index, list, res, list.getAttribute('data-root') || '');
    var ms = performance.now() - t0;
    status.setAttribute('data-search-ms', (t1 - t0).toFixed(2));
    status.textContent = res.total === 0
      ? '没有找到“' + q + '”。'
      : '找到 ' + res.total + ' 条结果' + (shown < res.total ? '，显示前 ' + shown + ' 条' : '') +
        '（' + ms.toFixed(1) + ' 毫秒）。';
    status.setAttribute('data-ms', ms.toFixed(2));
    status.setAttribute('data-total', String(res.total));
  }

  global.SilkpressSearch = {
    fold: fold, runs: runs, tokens: tokens, normalize: normalize,
    openIndex: openIndex, postings: postings, decodeGaps: decodeGaps, search: search,
    record: record, snippet: snippet, runPage: runPage
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', runPage);
  else runPage();
})(window);
