// The script of the paperparse batch report (paperparse/report.py): it draws the summary,
// the page table and the page views from the JSON blocks of the file. Page text only
// ever reaches the document through textContent and attribute values, never as markup.
(function () {
"use strict";
var data = JSON.parse(document.getElementById("pp-index").textContent);
var FIELDS = data.fields, K = {}, pages = data.pages, S = data.summary;
data.keys.forEach(function (k, i) { K[k] = i; });
var STATUS = ["parsed", "with warnings", "failed"];
var main = document.getElementById("pp-main");
var PER = 100;

function colour(i, light) {
  var h = Math.round((i * 137.508 + 200) % 360);
  return "hsl(" + h + "," + (light ? "80%,86%" : "60%,45%") + ")";
}
function el(tag, attrs, kids) {
  var node = document.createElement(tag);
  if (attrs) { for (var k in attrs) {
    if (k === "text") node.textContent = attrs[k];
    else if (k === "style") node.style.cssText = attrs[k];
    else node.setAttribute(k, attrs[k]);
  } }
  (kids || []).forEach(function (c) {
    if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  });
  return node;
}
function pct(n, d) { return d ? Math.round(100 * n / d) + " %" : "–"; }
function params() {
  var p = {}, h = location.hash.replace(/^#/, "");
  h.split("&").forEach(function (kv) {
    if (!kv) return;
    var i = kv.indexOf("="), k = i < 0 ? kv : kv.slice(0, i);
    p[decodeURIComponent(k)] = i < 0 ? "" : decodeURIComponent(kv.slice(i + 1));
  });
  return p;
}
function hashOf(p) {
  return "#" + Object.keys(p).filter(function (k) { return p[k] !== "" && p[k] !== undefined; })
    .map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(p[k]); }).join("&");
}
function status(s) { return el("span", {"class": "st st" + s, text: STATUS[s]}); }

document.getElementById("pp-title").textContent = "paperparse report: " + data.title;
document.getElementById("pp-sub").textContent = S.pages + " pages, paperparse " + data.version;

function summary(p) {
  var parsed = S.parsed;
  var cards = el("div", {"class": "cards"}, [
    card("pages", S.pages, "pages", "pp-n-pages"),
    card("parsed", S.parsed, "parsed", "pp-n-parsed"),
    card("warned", S.warned, "with warnings", "pp-n-warned"),
    card("failed", S.failed, "failed", "pp-n-failed")]);
  function card(cls, n, label, id) {
    return el("a", {"class": "card " + cls, href: cls === "pages" ? "#" : "#status=" + cls,
      style: "color:inherit;text-decoration:none"},
      [el("div", {"class": "n", id: id, text: String(n)}), el("div", {"class": "l", text: label})]);
  }
  var bars = el("div", {"class": "bars", id: "pp-fields"});
  FIELDS.forEach(function (f, i) {
    var n = S.filled[i], share = parsed ? n / parsed : 0;
    bars.appendChild(el("a", {"class": "f", href: "#missing=" + f,
      title: "the pages that do not fill " + f, text: f}));
    bars.appendChild(el("div", {"class": "bar", title: n + " of " + parsed + " parsed pages"},
      [el("i", {style: "width:" + (100 * share).toFixed(1) + "%;background:" + colour(i, false)})]));
    bars.appendChild(el("span", {"class": "p", "data-field": f, text: pct(n, parsed)}));
  });
  var codes = el("table", {"class": "codes", id: "pp-codes"},
    [el("tr", null, [el("th", {text: "warning code"}), el("th", {text: "pages"})])]);
  S.codes.forEach(function (c) {
    codes.appendChild(el("tr", null, [
      el("td", null, [el("a", {href: "#code=" + encodeURIComponent(c[0])}, [el("code", {text: c[0]})])]),
      el("td", {"class": "num", text: String(c[1])})]));
  });
  if (!S.codes.length) codes.appendChild(el("tr", null, [el("td", {colspan: "2", "class": "mute", text: "no warnings"})]));
  main.replaceChildren(cards, el("div", {"class": "grid"}, [
    el("section", null, [el("h2", {text: "Fields filled, of " + parsed + " parsed pages"}), bars]),
    el("section", null, [el("h2", {text: "Warnings"}), codes])]),
    table(p));
  if (p.code || p.status || p.missing || p.site || p.q || p.p || p.sort) document.getElementById("pages").scrollIntoView();
}

function table(p) {
  var sites = {}, codes = {};
  pages.forEach(function (r) { sites[r[K.site] || ""] = 1; r[K.codes].forEach(function (c) { codes[c] = 1; }); });
  function select(name, options, label) {
    var s = el("select", {"data-filter": name}, [el("option", {value: "", text: "any"})]);
    options.forEach(function (o) {
      var opt = el("option", {value: o[0], text: o[1]});
      if (String(p[name] || "") === o[0]) opt.selected = true;
      s.appendChild(opt);
    });
    s.addEventListener("change", function () { var q = params(); q[name] = s.value; q.p = ""; location.hash = hashOf(q); });
    return el("label", null, [label + " ", s]);
  }
  var search = el("input", {type: "search", placeholder: "path or title contains", value: p.q || ""});
  search.addEventListener("change", function () { var q = params(); q.q = search.value; q.p = ""; location.hash = hashOf(q); });
  var filters = el("div", {"class": "filters"}, [
    select("status", [["parsed", "parsed"], ["warned", "with warnings"], ["failed", "failed"], ["ok", "parsed, no warnings"]], "status"),
    select("site", Object.keys(sites).sort().map(function (s) { return [s || "-", s || "(none)"]; }), "site"),
    select("code", Object.keys(codes).sort().map(function (c) { return [c, c]; }), "warning"),
    select("missing", FIELDS.map(function (f) { return [f, f]; }), "missing field"),
    search]);
  var rows = [];
  var q = (p.q || "").toLowerCase(), miss = FIELDS.indexOf(p.missing);
  for (var i = 0; i < pages.length; i++) {
    var r = pages[i], st = r[K.status];
    if (p.status === "failed" && st !== 2) continue;
    if (p.status === "warned" && st !== 1) continue;
    if (p.status === "parsed" && st === 2) continue;
    if (p.status === "ok" && st !== 0) continue;
    if (p.site && (r[K.site] || "-") !== p.site) continue;
    if (p.code && r[K.codes].indexOf(p.code) < 0) continue;
    if (miss >= 0 && (st === 2 || Math.floor(r[K.filled] / Math.pow(2, miss)) % 2 === 1)) continue;
    if (q && (r[K.path] + " " + (r[K.title] || "")).toLowerCase().indexOf(q) < 0) continue;
    rows.push(i);
  }
  var cols = [["#", null], ["path", K.path], ["status", K.status], ["site", K.site],
    ["warnings", K.codes], ["title", K.title]];
  var sort = p.sort || "", desc = sort.charAt(0) === "-", key = sort.replace(/^-/, "");
  var ci = cols.map(function (c) { return c[0]; }).indexOf(key);
  if (ci > 0) {
    var k = cols[ci][1];
    rows.sort(function (a, b) {
      var x = pages[a][k], y = pages[b][k];
      if (k === K.codes) { x = x.length; y = y.length; }
      x = x === null ? "" : x; y = y === null ? "" : y;
      var c = x < y ? -1 : x > y ? 1 : a - b;
      return desc ? -c : c;
    });
  }
  var last = Math.max(0, Math.ceil(rows.length / PER) - 1);
  var at = Math.min(last, Math.max(0, parseInt(p.p || "0", 10) || 0));
  var head = el("tr", null, cols.map(function (c) {
    var th = el("th", {"class": "sort", title: "sort by " + c[0]},
      [c[0] + (key === c[0] ? (desc ? " ▾" : " ▴") : "")]);
    th.addEventListener("click", function () {
      var n = params(); n.sort = key === c[0] && !desc ? "-" + c[0] : c[0]; location.hash = hashOf(n);
    });
    return th;
  }));
  var body = el("tbody", {id: "pp-rows"});
  rows.slice(at * PER, at * PER + PER).forEach(function (i) {
    var r = pages[i];
    body.appendChild(el("tr", null, [
      el("td", {"class": "num", text: String(i + 1)}),
      el("td", {"class": "path"}, [el("a", {href: "#page=" + (i + 1), text: r[K.path]})]),
      el("td", null, [status(r[K.status])]),
      el("td", {text: r[K.site] || ""}),
      el("td", null, r[K.codes].map(function (c) { return el("span", {"class": "tag", text: c}); })),
      el("td", {text: r[K.title] || ""})]));
  });
  function go(n) {
    var b = el("button", {type: "button", text: n < at ? "‹ previous" : "next ›"});
    b.disabled = n < 0 || n > last;
    b.addEventListener("click", function () { var h = params(); h.p = String(n); location.hash = hashOf(h); });
    return b;
  }
  var pager = el("div", {"class": "pager"}, [go(at - 1),
    el("span", {id: "pp-count", text: rows.length ? (at * PER + 1) + "–" + Math.min(rows.length, at * PER + PER) +
      " of " + rows.length + " pages" : "no page matches"}), go(at + 1)]);
  return el("section", null, [el("h2", {id: "pages", text: "Pages"}), filters, pager,
    el("table", {id: "pp-table"}, [el("thead", null, [head]), body])]);
}

// A field's value as one line of text (as FIELDS are counted in the summary).
function shown(v) {
  if (v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length)) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.map(shown).filter(function (s) { return s; }).join("; ");
  if ("first" in v) return v.first + (v.last ? "\u2013" + v.last : "");
  if ("score" in v) return v.name + ": " + (v.score === null ? "-" : v.score);
  if ("funder" in v) return v.text || v.funder;
  if ("prompt" in v) return [v.prompt, v.action].filter(function (s) { return s; }).join(" ");
  if ("name" in v) return v.name;
  return JSON.stringify(v);
}
function valueAt(record, field) {
  return field.split(".").reduce(function (v, k) { return v && typeof v === "object" ? v[k] : null; }, record);
}

function pageView(n) {
  var block = document.getElementById("pp-page-" + n);
  if (!block && document.readyState === "loading") {
    // the page blocks come after this script: wait until the browser has read them
    main.replaceChildren(el("p", {"class": "mute", text: "Loading page " + n + "\u2026"}));
    document.addEventListener("DOMContentLoaded", route, {once: true});
    return;
  }
  if (!block) { main.replaceChildren(el("p", null, ["No page " + n + ". ", el("a", {href: "#", text: "Back to the summary"})])); return; }
  var e = JSON.parse(block.textContent);
  var nav = el("div", {"class": "nav"}, [el("a", {href: "#", text: "← summary"}),
    n > 1 ? el("a", {href: "#page=" + (n - 1), text: "‹ previous page"}) : null,
    n < pages.length ? el("a", {href: "#page=" + (n + 1), text: "next page ›"}) : null,
    el("span", {"class": "mute", text: "page " + n + " of " + pages.length})]);
  var title = el("h2", {"class": "path", id: "pp-page-path"}, [e.path + " ", status(e.status)]);
  var kids = [nav, title];
  if (e.error) kids.push(el("div", {"class": "err", id: "pp-error"}, [el("strong", {text: e.error.type + ": "}), e.error.message]));
  var warnings = e.record ? e.record.warnings : [];
  var byLine = {};
  warnings.forEach(function (w) { if (w.line !== null) (byLine[w.line] = byLine[w.line] || []).push(w); });
  // every warning at the top, those with a line linking to it
  if (warnings.length) kids.push(el("div", {"class": "err", id: "pp-warnings"}, warnings.map(function (w) {
    return el("div", null, [el("code", {text: w.code}), " ",
      w.line === null ? "(whole page) " : el("a", {href: "#page=" + n + "&line=" + w.line, text: "line " + w.line}),
      w.line === null ? null : " ", w.message]); })));
  var fieldsAt = {}, firstLine = {};
  // provenance entries: [field, first_line, last_line, rule, source]
  e.provenance.forEach(function (p) {
    if (p[1] === null) return;
    var f = FIELDS.indexOf(p[0]); if (f < 0) return;
    if (!(p[0] in firstLine)) firstLine[p[0]] = p[1];
    for (var l = p[1]; l <= (p[2] || p[1]); l++) (fieldsAt[l] = fieldsAt[l] || []).push(f);
  });
  var src = el("div", {"class": "src", id: "pp-lines"}), prev = 0;
  e.lines.forEach(function (pair) {
    var no = pair[0];
    if (no !== prev + 1) src.appendChild(el("div", {"class": "gap", text: "… " + (no - prev - 1) + " lines not kept …"}));
    prev = no;
    var fs = fieldsAt[no] || [];
    var attrs = {"class": "ln" + (byLine[no] ? " w" : ""), id: "L" + no, "data-line": String(no)};
    if (fs.length) { attrs["data-fields"] = fs.map(function (f) { return FIELDS[f]; }).join(" ");
      attrs.style = "background:" + colour(fs[0], true); }
    src.appendChild(el("div", attrs, [el("span", {"class": "no", text: String(no)}), el("span", {"class": "tx", text: pair[1]}),
      fs.length ? el("span", {"class": "fs"}, fs.map(function (f) {
        return el("span", {"class": "chip", style: "background:" + colour(f, true), text: FIELDS[f]}); })) : null]));
    (byLine[no] || []).forEach(function (w) {
      src.appendChild(el("div", {"class": "wmsg"}, [el("code", {text: w.code}), " " + w.message])); });
  });
  if (e.total_lines > prev) src.appendChild(el("div", {"class": "gap", text: "… " + (e.total_lines - prev) + " more lines not kept …"}));
  if (!e.lines.length) src.appendChild(el("div", {"class": "gap", text: "(no text to show)"}));
  var rec = el("table", {"class": "rec", id: "pp-record"});
  var values = [];
  if (e.record) FIELDS.forEach(function (f) {
    var v = shown(valueAt(e.record, f));
    if (v !== null) values.push([f, v]);
  });
  values.forEach(function (v) {
    var f = FIELDS.indexOf(v[0]), line = firstLine[v[0]];
    var key = el("td", {"class": "k"}, [el("span", {"class": "sw", style: "background:" + colour(f, true)}),
      line ? el("a", {href: "#page=" + n + "&line=" + line, title: "line " + line, text: v[0]}) : v[0]]);
    rec.appendChild(el("tr", {"data-field": v[0]}, [key, el("td", {"class": "v", text: v[1]})]));
  });
  var side = el("div", null, [el("h2", {text: e.record ? "Record" : "No record"}), rec]);
  if (e.record) side.appendChild(el("details", null, [el("summary", {text: "the whole record (JSON)"}),
    el("pre", {"class": "json", text: JSON.stringify(e.record, null, 2)})]));
  if (e.provenance.length) side.appendChild(el("details", null, [el("summary", {text: "provenance (JSON)"}),
    el("pre", {"class": "json", text: JSON.stringify(e.provenance.map(function (p) {
      return {field: p[0], first_line: p[1], last_line: p[2], rule: p[3], source: p[4]}; }), null, 2)})]));
  var note = e.format === "html" ? "HTML source lines" : "lines of the page";
  kids.push(el("div", {"class": "view"}, [el("div", null, [el("h2", {text: "Page (" + note + ")"}), src]), side]));
  main.replaceChildren.apply(main, kids);
  // show the asked-for line, else the first line a value comes from (the <body> of an
  // HTML page starts far down), in the lines' own scroll box
  var line = params().line, first = null;
  for (var f in firstLine) if (first === null || firstLine[f] < first) first = firstLine[f];
  var target = document.getElementById("L" + (line || first));
  window.scrollTo(0, line ? src.getBoundingClientRect().top + window.scrollY - 10 : 0);
  var offset = target ? target.offsetTop - src.offsetTop : 0;
  if (line || offset > src.clientHeight / 2) src.scrollTop = Math.max(0, offset - (line ? src.clientHeight / 3 : 24));
}

function route() {
  var p = params();
  if (p.page) pageView(parseInt(p.page, 10)); else summary(p);
}
window.addEventListener("hashchange", route);
route();
document.body.setAttribute("data-rendered-ms", String(Math.round(performance.now())));
document.addEventListener("DOMContentLoaded", function () {
  document.body.setAttribute("data-loaded-ms", String(Math.round(performance.now())));
});
})();
