// 报库 UI: one page, one view per path (/search, /article, /topic, ...),
// the whole state in the URL so that every view can be shared and the back
// button works. Article text only ever reaches the page as DOM text nodes
// (el() and marked()), never as HTML.
"use strict";

// Hits per page: the page-size list offers these, the first is the default.
const PAGE_SIZES = [10, 20, 50, 100];
// The query's limit in characters (the API's kMaxParamChars).
const MAX_QUERY_CHARS = 1000;
// Rows in one export (the API's kMaxExportRows, sent as X-Baoku-Row-Limit).
const MAX_EXPORT_ROWS = 1000;
// The search fields and article kinds come from the server's field table
// (GET /api/fields), loaded before the first view: the UI holds no list of
// its own. FIELDS: [{name, label, value, facet, example, ...}] in table order.
let FIELDS = [];
let FILTERS = [];
const FILTER_LABELS = {};
const KIND_LABELS = {};
const $ = (id) => document.getElementById(id);
const view = $("view");

// ---- DOM helpers -----------------------------------------------------------

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "className") node.className = v;
    else if (k === "onclick") node.addEventListener("click", v);
    else node.setAttribute(k, v);
  }
  for (const c of [].concat(children)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// A link inside the UI: a real href, followed without a page load.
function link(path, params, children, className) {
  return el("a", { href: href(path, params), className }, children);
}

function href(path, params = {}) {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const x of [].concat(v)) if (x !== undefined && x !== null && x !== "") sp.append(k, x);
  }
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}

// Text with [begin, end) code point ranges marked; code points, not UTF-16
// units, so Array.from splits the text.
function marked(text, highlights) {
  const chars = Array.from(text || "");
  const out = [];
  let pos = 0;
  for (const [begin, end] of highlights || []) {
    if (begin < pos || end > chars.length) continue;
    if (begin > pos) out.push(chars.slice(pos, begin).join(""));
    out.push(el("mark", {}, chars.slice(begin, end).join("")));
    pos = end;
  }
  if (pos < chars.length) out.push(chars.slice(pos).join(""));
  return out;
}

function show(...children) {
  view.replaceChildren(...children.flat().filter(Boolean));
}

function status(text) {
  return el("p", { className: "status", role: "status" }, text);
}

// A view whose answer arrives after the reader moved on must not replace
// the newer view: each render() has a number, older answers are dropped.
let renderCount = 0;
class StaleError extends Error {}

// Messages for statuses whose body may not be the API's JSON (a proxy's
// page, httplib's own 414): the reader sees Chinese, never the browser's or
// the server library's English.
const STATUS_MESSAGES = {
  414: `检索词过长:请缩短后再试(最多 ${MAX_QUERY_CHARS} 字)。`,
  502: "服务器暂时无法访问,请稍后再试。",
  503: "服务器暂时无法访问,请稍后再试。",
  504: "服务器响应超时,请稍后再试。",
};

async function getJson(url) {
  const count = renderCount;
  let res;
  try { res = await fetch(url); } catch (e) {
    if (count !== renderCount) throw new StaleError("stale");
    const err = new Error("无法连接服务器,请检查网络后重试。");
    err.status = 0;
    throw err;
  }
  let body = null;
  try { body = await res.json(); } catch (e) { /* not JSON */ }
  if (count !== renderCount) throw new StaleError("stale");
  if (!res.ok) {
    const message = STATUS_MESSAGES[res.status] ||
      (body && body.error ? body.error.message : `请求失败(${res.status})`);
    const err = new Error(message);
    err.status = res.status;
    throw err;
  }
  return body;
}

function errorView(err) {
  if (err instanceof StaleError) return;
  show(el("h2", {}, err.status === 404 ? "找不到" : "出错了"), status(err.message));
}

// ---- Shared pieces ---------------------------------------------------------

function pageLabel(page) { return `第${page}版`; }

function reporterLinks(names) {
  const out = [];
  (names || []).forEach((n, i) => {
    if (i) out.push("、");
    out.push(link("/reporter", { name: n }, n));
  });
  return out;
}

function topicChips(topics) {
  if (!topics || !topics.length) return null;
  return el("span", { className: "chips" },
    topics.map((t) => link("/topic", { id: t.value }, t.label || t.value, "chip")));
}

function metaLine(a) {
  const parts = [link("/issue", { date: a.date }, a.date), " · ",
    link("/page", { date: a.date, page: a.page }, pageLabel(a.page))];
  if (a.section) parts.push(" · ", a.section);
  if (a.column) parts.push(" · ", link("/column", { name: a.column }, `【${a.column}】`));
  if (a.reporters && a.reporters.length) parts.push(" · 记者 ", ...reporterLinks(a.reporters));
  if (a.kind && a.kind !== "news") parts.push(" · ", KIND_LABELS[a.kind] || a.kind);
  return el("div", { className: "meta" }, parts);
}

// A short list of articles (issue, related, reporter, ...).
function briefList(articles, q, ordered) {
  if (!articles || !articles.length) return el("p", { className: "muted" }, "暂无");
  return el(ordered ? "ol" : "ul", { className: "briefs" }, articles.map((a) =>
    el("li", {}, [
      link("/article", { id: a.id, q }, a.title || "(无标题)", "title"),
      metaLine(a),
      a.lead ? el("p", { className: "lead" }, a.lead) : null,
    ])));
}

// The periods between the first and last bucket, each with its count and
// zero where there is none, so that gaps show as gaps: keys are years
// ("2019"), months ("2026-06") or days ("2026-06-09"). Left as they are
// when they mix forms or would make more than MAX_BARS bars.
const MAX_BARS = 400;
function withEmptyPeriods(buckets) {
  if (buckets.length < 2) return buckets;
  const len = buckets[0].value.length;
  if (![4, 7, 10].includes(len) || buckets.some((b) => b.value.length !== len)) return buckets;
  const counts = new Map(buckets.map((b) => [b.value, b.count]));
  const keyOf = (d) => d.toISOString().slice(0, len);
  const start = new Date(`${buckets[0].value}${len === 4 ? "-01-01" : len === 7 ? "-01" : ""}T00:00:00Z`);
  const last = buckets[buckets.length - 1].value;
  if (isNaN(start)) return buckets;
  const out = [];
  for (const d = start; out.length <= MAX_BARS;) {
    const key = keyOf(d);
    out.push({ value: key, count: counts.get(key) || 0 });
    if (key >= last) return out;
    if (len === 4) d.setUTCFullYear(d.getUTCFullYear() + 1);
    else if (len === 7) d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + 1);
  }
  return buckets;
}

// Bars of counts over time; each bar is a link (e.g. to narrow a search),
// an empty period a bar of height zero that is no link.
function barChart(buckets, hrefFor, label) {
  if (!buckets || !buckets.length) return null;
  buckets = withEmptyPeriods(buckets);
  const max = Math.max(...buckets.map((b) => b.count), 1);
  return el("figure", { className: "chart" }, [
    el("figcaption", {}, label),
    el("div", { className: "bars" }, buckets.map((b) => {
      const bar = el("span", { className: "bar" });
      bar.style.height = b.count ? `${Math.max(4, Math.round((b.count / max) * 100))}%` : "0";
      const text = `${b.label || b.value}:${b.count} 篇`;
      const parts = [el("span", { className: "count" }, b.count), bar, el("span", { className: "key" }, shortKey(b.value))];
      return b.count ? el("a", { href: hrefFor(b.value), title: text, "aria-label": text }, parts)
        : el("span", { className: "empty", title: text, "aria-label": text, "data-key": b.value }, parts);
    })),
  ]);
}

function shortKey(key) {
  const p = key.split("-");
  if (p.length === 3) return `${+p[2]}日`;
  if (p.length === 2) return `${+p[1]}月`;
  return `${key}`;
}

function countList(values, hrefFor) {
  if (!values || !values.length) return el("p", { className: "muted" }, "暂无");
  return el("ul", { className: "counts" }, values.map((v) =>
    el("li", {}, [link(hrefFor(v).path, hrefFor(v).params, v.label || v.value),
      el("span", { className: "n" }, v.count)])));
}

function section(title, ...children) {
  return el("section", {}, [el("h3", {}, title), ...children]);
}

// ---- Search ----------------------------------------------------------------

function searchState(sp) {
  const limit = parseInt(sp.get("limit") || "", 10);
  const s = { q: sp.get("q") || "", sort: sp.get("sort") || "",
    offset: Math.max(0, parseInt(sp.get("offset") || "0", 10) || 0),
    limit: PAGE_SIZES.includes(limit) ? limit : PAGE_SIZES[0], exact: sp.get("exact") === "1" };
  for (const f of FILTERS) s[f] = sp.getAll(f);
  return s;
}

function stateParams(s, overrides = {}) {
  const p = { q: s.q, sort: s.sort };
  for (const f of FILTERS) p[f] = s[f];
  if (s.offset) p.offset = s.offset;
  if (s.limit !== PAGE_SIZES[0]) p.limit = s.limit;
  if (s.exact) p.exact = 1;
  return Object.assign(p, overrides);
}

function hasQuery(s) {
  return s.q || FILTERS.some((f) => s[f].length);
}

function hasFilters(s) {
  return FILTERS.some((f) => s[f].length);
}

// The same words and order without any filter.
function withoutFilters(s) {
  return { q: s.q, sort: s.sort };
}

// The search box offers 保留筛选 only while the current search has filters.
function showKeepFilters(s) {
  $("keep-filters-label").hidden = !(s && hasFilters(s));
  if (!s || !hasFilters(s)) $("keep-filters").checked = false;
}

function withFilter(s, field, value) {
  const list = s[field].includes(value) ? s[field] : s[field].concat([value]);
  return stateParams(s, { [field]: field === "date" ? [value] : list, offset: 0 });
}

function withoutFilter(s, field, value) {
  return stateParams(s, { [field]: s[field].filter((v) => v !== value), offset: 0 });
}

async function renderSearch(sp) {
  const s = searchState(sp);
  $("q").value = s.q;
  showKeepFilters(s);
  if (!hasQuery(s)) return renderHome();
  if (Array.from(s.q).length > MAX_QUERY_CHARS) {
    return show(filterBar(s), status(`检索词过长:共 ${Array.from(s.q).length} 字,最多 ${MAX_QUERY_CHARS} 字,请缩短后再试。`));
  }
  show(status("检索中…"));
  // Reprints collapse to one hit, except on a group's own list (同组).
  const collapse = (s.group || []).length ? null : 1;
  const api = href("/api/search", Object.assign(stateParams(s), { limit: s.limit, facets: 1, collapse }));
  let r;
  try { r = await getJson(api); } catch (err) {
    return err instanceof StaleError ? null : show(filterBar(s), status("检索出错:" + err.message));
  }
  // The server answers an offset past the end with the last page.
  if (r.total && r.offset !== s.offset) {
    s.offset = r.offset;
    history.replaceState(null, "", href("/search", stateParams(s)));
  }
  rememberHits(s, r);
  const f = r.facets;
  // No hit with filters: the same words without them, one click away.
  const unfiltered = !r.total && hasFilters(s) && s.q
    ? el("p", { className: "no-filter-hint" }, [link("/search", withoutFilters(s), `不加筛选条件检索“${s.q}”`, "without-filters")])
    : null;
  const results = el("div", { className: "results" }, [
    el("div", { className: "toolbar" }, [
      status(r.total ? (r.total_exact === false ? `共找到 ${r.total_label} 篇` : `共找到 ${r.total} 篇`)
        : "没有找到相关文章,请换个说法或减少筛选条件。"),
      // An estimate (a broad query stopped at its time budget): the count on request.
      r.total_exact === false || r.facets_exact === false
        ? link("/search", stateParams(s, { exact: 1 }), "精确统计", "exact-count") : null,
      sortSelect(s),
      r.total ? el("span", { className: "export" }, ["导出:",
        el("a", { href: href("/api/export", Object.assign(stateParams(s), { format: "csv", offset: null })) }, "CSV"), " ",
        el("a", { href: href("/api/export", Object.assign(stateParams(s), { format: "json", offset: null })) }, "JSON"),
        el("span", { className: "export-limit" },
          r.total > MAX_EXPORT_ROWS ? `(只导出前 ${MAX_EXPORT_ROWS} 篇)` : `(每次最多 ${MAX_EXPORT_ROWS} 篇)`)]) : null,
    ]),
    namesNote(s, r.names),
    unfiltered,
    alertsToolbar(s),
    f ? barChart(f.dates.buckets, (key) => href("/search", withFilter(s, "date", key)),
      "按时间分布(点击柱子缩小日期范围)") : null,
    el("ol", { className: "hits", start: s.offset + 1 }, r.hits.map((h) => hitItem(h, s.q))),
    pager(s, r.total),
  ]);
  const layout = el("div", { className: "search-layout" }, [f ? facetPanel(s, f, r) : null, results]);
  // On a phone the facets wait behind this button, then open above the hits.
  const toggle = f ? el("button", { type: "button", id: "facets-toggle", className: "phone-only",
    "aria-expanded": "false", "aria-controls": "facets" }, "筛选") : null;
  if (toggle) {
    toggle.addEventListener("click", () => {
      const open = layout.classList.toggle("facets-open");
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = open ? "收起筛选" : "筛选";
    });
  }
  show(filterBar(s, r.filters), toggle, layout);
}

// The last result page, for the article view's back, previous and next.
function rememberHits(s, r) {
  try {
    sessionStorage.setItem("baoku.hits", JSON.stringify(hitsPage(s, r)));
  } catch (e) { /* storage is optional */ }
}

function hitsPage(s, r) {
  return { url: href("/search", stateParams(s)), state: stateParams(s), q: s.q, offset: s.offset, limit: s.limit,
    total: r.total, ids: r.hits.map((h) => h.id) };
}

function rememberedHits() {
  try { return JSON.parse(sessionStorage.getItem("baoku.hits") || "null"); } catch (e) { return null; }
}

// Partial names (记者:王晓, 栏目:百问) say which names they were searched as;
// a name none matched offers the close ones (是不是要找), each a search.
function namesNote(s, names) {
  const lines = [];
  for (const n of names || []) {
    const label = FILTER_LABELS[n.field] || n.field;
    const used = (n.used || []).filter((u) => u !== n.typed);
    if (used.length) {
      lines.push(el("p", { className: "names-used" }, `${label}“${n.typed}”按 ${used.join("、")} 查找`));
    }
    if ((n.suggestions || []).length) {
      const replace = (name) => (s.q.includes(n.typed)
        ? stateParams(s, { q: s.q.replace(n.typed, name), offset: 0 })
        : stateParams(s, { [n.field]: (s[n.field] || []).map((v) => (v === n.typed ? name : v)), offset: 0 }));
      const links = [];
      n.suggestions.forEach((name, i) => {
        if (i) links.push("、");
        links.push(link("/search", replace(name), name, "suggestion"));
      });
      lines.push(el("p", { className: "names-suggest" }, [`没有${label}“${n.typed}”。是不是要找:`, ...links]));
    }
  }
  return lines.length ? el("div", { className: "names-note" }, lines) : null;
}

function hitItem(h, q) {
  const title = h.title ? marked(h.title, h.highlights && h.highlights.title) : "(无标题)";
  return el("li", { className: "hit" }, [
    h.kicker ? el("div", { className: "kicker" }, h.kicker) : null,
    link("/article", { id: h.id, q }, title, "title"),
    h.prominence && h.prominence.length ? el("span", { className: "prominence" },
      h.prominence.map((p) => el("span", { className: "badge" }, p))) : null,
    h.subtitle ? el("div", { className: "subtitle" }, "——" + h.subtitle) : null,
    metaLine(h),
    topicChips(h.topics),
    h.snippet ? el("p", { className: "snippet" }, marked(h.snippet.text, h.snippet.highlights)) : null,
    h.similar_count > 0 ? el("div", { className: "similar" },
      h.group ? link("/search", { group: h.group }, "另有 " + h.similar_count + " 篇相同或相近报道")
        : "另有 " + h.similar_count + " 篇相同或相近报道") : null,
    // 为什么匹配 (why.js).
    whyPanel(h),
  ]);
}

function sortSelect(s) {
  const select = el("select", { id: "sort", "aria-label": "排序" }, [
    ["relevance", "按相关度"], ["newest", "最新在前"], ["oldest", "最早在前"], ["print", "按版面顺序"],
    ["prominence", "突出头版头条"],
  ].map(([v, t]) => el("option", { value: v, selected: (s.sort || "relevance") === v ? "" : null }, t)));
  select.addEventListener("change", () => navigate(href("/search", stateParams(s, { sort: select.value, offset: 0 }))));
  return el("label", { className: "sort" }, ["排序 ", select]);
}

// Previous, numbered pages (the first, the last and two either side of the
// current one, gaps as …), next, and the page size.
function pager(s, total) {
  const nav = el("nav", { className: "pager", "aria-label": "翻页" });
  const size = s.limit;
  const pages = Math.ceil(total / size);
  const current = Math.floor(s.offset / size) + 1;
  const to = (n) => stateParams(s, { offset: (n - 1) * size });
  if (current > 1) nav.append(link("/search", to(current - 1), "← 上一页", "prev"));
  if (pages > 1) {
    const numbers = el("span", { className: "pages-list" });
    let gap = false;
    for (let n = 1; n <= pages; n++) {
      if (n !== 1 && n !== pages && Math.abs(n - current) > 2) {
        if (!gap) numbers.append(el("span", { className: "gap" }, "…"));
        gap = true;
        continue;
      }
      gap = false;
      numbers.append(n === current ? el("span", { className: "page-number current", "aria-current": "page" }, n)
        : link("/search", to(n), n, "page-number"));
    }
    nav.append(numbers, el("span", { className: "muted" }, `第 ${current} / ${pages} 页`));
  }
  if (current < pages) nav.append(link("/search", to(current + 1), "下一页 →", "next"));
  const select = el("select", { id: "page-size", "aria-label": "每页条数" }, PAGE_SIZES.map((n) =>
    el("option", { value: n, selected: n === size ? "" : null }, `每页 ${n} 条`)));
  select.addEventListener("change", () => {
    const limit = Number(select.value);
    // The first hit of the current page stays on the page shown.
    navigate(href("/search", stateParams(Object.assign({}, s, { limit }), { offset: Math.floor(s.offset / limit) * limit })));
  });
  if (total > PAGE_SIZES[0]) nav.append(select);
  return nav;
}

function facetPanel(s, f, r) {
  const group = (title, field, values) => {
    if (!values || !values.length) return null;
    return el("section", { className: "facet" }, [el("h3", {}, title),
      el("ul", {}, values.map((v) => {
        const active = s[field].includes(v.value);
        return el("li", {}, [
          link("/search", active ? withoutFilter(s, field, v.value) : withFilter(s, field, v.value),
            [active ? "✓ " : "", v.label || v.value], active ? "active" : null),
          el("span", { className: "n" }, v.count)]);
      }))]);
  };
  // Counts that stopped at the time budget are labelled as such.
  const approximate = r.facets_exact === false
    ? el("p", { className: "facets-approximate muted" }, `约数:只统计了前 ${r.facets_counted} 篇`) : null;
  return el("aside", { className: "facets", id: "facets", "aria-label": "分类统计" }, [approximate,
    ...FIELDS.filter((field) => field.facet && f[field.facet]).map((field) =>
      group(field.label, field.name, f[field.facet].filter((v) => v.value)))]);
}

// One input of the filter form per field with a facet: a list for kinds, a
// number for pages, a text box with suggestions for the rest.
function filterInput(field) {
  const id = `f-${field.name}`;
  if (field.value === "kind") {
    const select = el("select", { id, "aria-label": field.label }, [el("option", { value: "" }, `全部${field.label}`),
      ...Object.entries(KIND_LABELS).map(([v, t]) => el("option", { value: v }, t))]);
    return { node: select, input: select };
  }
  if (field.value === "page") {
    const page = el("input", { id, type: "number", min: 1, max: 99, placeholder: "版", "aria-label": field.label });
    return { node: el("label", {}, [`${field.label} `, page]), input: page };
  }
  const box = suggestInput(field.name, id, field.label);
  return { node: el("label", {}, [`${field.label} `, box]), input: box.input };
}

// The filters as a form (date range and the fields with facets) and the
// active ones as removable chips with 清除筛选; `echoed` is the search
// answer's `filters` (labels from the server: 住房与物业 for housing).
function filterBar(s, echoed) {
  const dateField = FIELDS.find((f) => f.value === "date");
  const dates = ((dateField && s[dateField.name][0]) || "").split("..");
  const from = el("input", { type: "date", id: "f-from", value: dates[0] && dates[0].length === 10 ? dates[0] : null });
  const to = el("input", { type: "date", id: "f-to", value: dates[1] && dates[1].length === 10 ? dates[1] : (dates.length === 1 && dates[0].length === 10 ? dates[0] : null) });
  const inputs = FIELDS.filter((f) => f.facet).map((f) => [f.name, filterInput(f)]);
  const form = el("form", { className: "filters", "aria-label": "筛选" }, [
    el("label", {}, ["从 ", from]), el("label", {}, ["到 ", to]),
    ...inputs.map(([, i]) => i.node),
    el("button", { type: "submit" }, "筛选"),
  ]);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const p = stateParams(s, { offset: 0 });
    if (dateField && (from.value || to.value)) {
      p[dateField.name] = [from.value === to.value ? from.value : `${from.value}..${to.value}`];
    }
    for (const [field, { input }] of inputs) {
      const v = input.dataset.value || input.value.trim();
      if (v && !p[field].includes(v)) p[field] = p[field].concat([v]);
    }
    navigate(href("/search", p));
  });
  const chips = [];
  for (const f of FILTERS) {
    for (const v of s[f]) {
      const value = (FIELDS.find((x) => x.name === f) || {}).value;
      const given = (echoed || []).find((x) => x.field === f && x.value === v);
      const shown = given ? given.label : value === "kind" ? (KIND_LABELS[v] || v) : value === "page" ? pageLabel(v) : v;
      chips.push(link("/search", withoutFilter(s, f, v), [`${FILTER_LABELS[f]}:${shown} `, el("span", { "aria-hidden": "true" }, "×")], "chip removable"));
    }
  }
  return el("div", { className: "filter-bar" }, [
    // Open on wide screens for a new search; on a phone the results come first.
    el("details", { className: "filter-form", open: chips.length || window.innerWidth < 760 ? null : "" }, [el("summary", {}, "筛选条件"), form]),
    chips.length ? el("div", { className: "chips active-filters", "aria-label": "当前筛选" },
      [...chips, link("/search", withoutFilters(s), "清除筛选", "clear-filters")]) : null,
  ]);
}

// A text input with suggestions from /api/suggest in a <datalist>.
let datalistCounter = 0;
function suggestInput(field, id, placeholder) {
  const listId = `dl-${++datalistCounter}`;
  const input = el("input", { id, type: "text", list: listId, placeholder, autocomplete: "off", "aria-label": placeholder });
  const wrap = el("span", { className: "suggest" }, [input, suggestList(field, listId, input)]);
  wrap.input = input;  // The form reads the value from the input itself.
  return wrap;
}

// The <datalist> `listId` of `input`, filled from /api/suggest as the
// reader types; input.dataset.value is the value of a chosen label.
function suggestList(field, listId, input) {
  const list = el("datalist", { id: listId });
  let timer = 0;
  const labels = new Map();
  input.addEventListener("input", () => {
    input.dataset.value = labels.get(input.value) || "";
    clearTimeout(timer);
    const prefix = input.value.trim();
    if (!prefix) return;
    timer = setTimeout(async () => {
      try {
        const r = await getJson(href("/api/suggest", { field, prefix, limit: 8 }));
        labels.clear();
        list.replaceChildren(...r.suggestions.map((x) => {
          labels.set(x.label, x.value);
          return el("option", { value: x.label }, `${x.count} 篇`);
        }));
        input.dataset.value = labels.get(input.value) || "";
      } catch (e) { /* suggestions are optional */ }
    }, 150);
  });
  return list;
}

async function renderHome() {
  $("q").value = "";
  const intro = el("section", { className: "home" }, [
    el("h2", {}, "查本报历年报道"),
    el("p", {}, "输入关键词检索全文;也可以按主题、记者、栏目浏览,或从日历翻阅每一期报纸。"),
  ]);
  show(intro, status("正在加载…"));
  try {
    const [health, cal, topics] = await Promise.all([getJson("/healthz"), getJson("/api/calendar"), getJson("/api/topics")]);
    const parts = [el("p", {}, `报库共收录 ${health.articles} 篇文章${cal.first ? `(${cal.first} 至 ${cal.last})` : ""}。`)];
    if (cal.last) parts.push(el("p", {}, ["最新一期:", link("/issue", { date: cal.last }, cal.last), " · ",
      link("/calendar", { month: cal.month }, "按日历翻阅"), " · ", link("/onthisday", {}, "往年今日")]));
    if (topics.topics.length) parts.push(section("主题", el("div", { className: "chips" },
      topics.topics.map((t) => link("/topic", { id: t.value }, `${t.label} ${t.count}`, "chip")))));
    show(intro, ...parts);
  } catch (err) { if (!(err instanceof StaleError)) show(intro, status(err.message)); }
}

// ---- Article ---------------------------------------------------------------

async function renderArticle(sp) {
  const id = sp.get("id") || "";
  const q = sp.get("q") || "";
  $("q").value = q;
  show(status("正在打开文章…"));
  let a;
  try { a = await getJson(href("/api/article", { id, q })); } catch (err) { return errorView(err); }
  document.title = `${a.title} · 报库`;
  const hl = a.highlights || { paragraphs: [] };
  const subheads = new Set(a.subheads || []);
  const body = (a.paragraphs || []).map((p, i) => el("p", { className: subheads.has(p) ? "subhead" : "body" },
    marked(p, hl.paragraphs[i])));
  const citation = el("input", { id: "citation", type: "text", readonly: "", value: a.citation, "aria-label": "引用格式(GB/T 7714)" });
  const copy = el("button", { type: "button", id: "copy-citation" }, "复制引用");
  copy.addEventListener("click", async () => {
    citation.select();
    try { await navigator.clipboard.writeText(a.citation); copy.textContent = "已复制"; } catch (e) {
      document.execCommand && document.execCommand("copy");
      copy.textContent = "已选中,请按 Ctrl+C";
    }
  });
  const printed = el("article", { className: "printed" }, [
    a.column ? el("p", { className: "column" }, link("/column", { name: a.column }, `【${a.column}】`)) : null,
    a.kicker ? el("p", { className: "kicker" }, marked(a.kicker, hl.kicker)) : null,
    el("h2", {}, a.headline ? marked(a.headline, hl.headline) : a.title || "图片新闻"),
    a.subtitle ? el("p", { className: "subtitle" }, ["——", ...marked(a.subtitle, hl.subtitle)]) : null,
    el("p", { className: "meta" }, [a.paper || "", " ", link("/issue", { date: a.date }, a.date), " ",
      link("/page", { date: a.date, page: a.page }, pageLabel(a.page)), a.section ? ` ${a.section}` : ""]),
    a.byline ? el("p", { className: "byline" }, a.byline) : null,
    a.reporters && a.reporters.length ? el("p", { className: "meta" }, ["记者:", ...reporterLinks(a.reporters)]) : null,
    a.dateline ? el("p", { className: "meta" }, a.dateline) : null,
    ...correctionNotes(a),
    ...body,
    el("div", { className: "cite" }, [el("label", { for: "citation" }, "引用(GB/T 7714)"), citation, copy,
      // The printed page shows the whole citation, which an input may cut.
      el("p", { className: "print-only cite-text" }, ["引用:", a.citation])]),
  ]);
  const print = el("button", { type: "button", id: "print" }, "打印");
  print.addEventListener("click", () => window.print());
  const side = el("aside", { className: "article-side" }, [
    section("主题", topicChips(a.topics) || el("p", { className: "muted" }, "暂无")),
    section("关键词", a.keywords.length ? el("div", { className: "chips" },
      a.keywords.map((k) => link("/search", { q: k }, k, "chip"))) : el("p", { className: "muted" }, "暂无")),
    section("相关报道", briefList(a.related, "")),
    section(`同版文章(${pageLabel(a.page)})`, briefList(a.neighbours.same_page.filter((x) => x.id !== a.id), "", true)),
    section("同期各版", issuePages(a.neighbours.same_issue, a.id)),
  ]);
  show(el("div", { className: "article-tools" }, [hitNavigation(id), print]),
    el("div", { className: "article-layout" }, [printed, side]));
}

// Back to the results the article was opened from, and the previous and
// next hit of that page; nothing when it was not opened from a search.
function hitNavigation(id) {
  const last = rememberedHits();
  const at = last ? last.ids.indexOf(id) : -1;
  if (at < 0) return el("span");
  const open = (i, text, className) => link("/article", { id: last.ids[i], q: last.q }, text, className);
  const nav = el("nav", { className: "hit-nav", "aria-label": "检索结果" }, [
    link(last.url, {}, "← 返回检索结果", "back"),
    at > 0 ? open(at - 1, "上一篇", "prev") : el("span", { className: "prev-slot" }),
    el("span", { className: "muted" }, `第 ${last.offset + at + 1} / ${last.total} 篇`),
    at + 1 < last.ids.length ? open(at + 1, "下一篇", "next") : el("span", { className: "next-slot" }),
  ]);
  // At the edge of the page: the neighbouring page's hit, fetched now.
  const edge = at === 0 && last.offset > 0 ? -1 : at + 1 === last.ids.length && last.offset + at + 1 < last.total ? 1 : 0;
  if (edge) {
    const state = Object.assign({}, last.state, { offset: Math.max(0, last.offset + edge * last.limit) });
    getJson(href("/api/search", Object.assign({}, state, { limit: last.limit }))).then((r) => {
      if (!r.hits.length) return;
      const s = Object.assign(searchState(new URLSearchParams(href("", state).slice(1))), { offset: r.offset });
      const page = hitsPage(s, r);
      const target = edge > 0 ? page.ids[0] : page.ids[page.ids.length - 1];
      const a = link("/article", { id: target, q: last.q }, edge > 0 ? "下一篇" : "上一篇", edge > 0 ? "next" : "prev");
      // Before the click is followed: the page of that hit becomes the one
      // remembered.
      a.addEventListener("click", () => sessionStorage.setItem("baoku.hits", JSON.stringify(page)));
      nav.querySelector(edge > 0 ? ".next-slot" : ".prev-slot").replaceWith(a);
    }).catch(() => { /* the neighbour is optional */ });
  }
  return nav;
}

function issuePages(articles, currentId) {
  const pages = new Map();
  for (const x of articles) {
    if (!pages.has(x.page)) pages.set(x.page, []);
    pages.get(x.page).push(x);
  }
  return el("div", {}, [...pages.entries()].map(([page, list]) =>
    el("details", {}, [el("summary", {}, `${pageLabel(page)}(${list.length} 篇)`),
      el("ul", { className: "plain" }, list.map((x) => el("li", {},
        x.id === currentId ? el("strong", {}, x.title) : link("/article", { id: x.id }, x.title || "(无标题)"))))])));
}

// ---- Topics, reporters, columns --------------------------------------------

async function renderTopics() {
  show(status("正在加载…"));
  let r;
  try { r = await getJson("/api/topics"); } catch (err) { return errorView(err); }
  if (!r.topics.length) return show(el("h2", {}, "主题"), status("这个报库还没有主题分类。"));
  show(el("h2", {}, "主题"), el("ul", { className: "topic-grid" }, r.topics.map((t) => el("li", {}, [
    link("/topic", { id: t.value }, t.label, "title"), el("span", { className: "n" }, `${t.count} 篇`),
    barChart(t.timeline.buckets, (key) => href("/search", { topic: t.value, date: key }), ""),
  ]))));
}

async function renderTopic(sp) {
  show(status("正在加载…"));
  let t;
  try { t = await getJson(href("/api/topic", { id: sp.get("id") || "" })); } catch (err) { return errorView(err); }
  document.title = `${t.name} · 主题 · 报库`;
  show(el("h2", {}, ["主题:", t.name]),
    el("p", {}, [`共 ${t.total} 篇 · `, link("/search", { topic: t.id, sort: "newest" }, "在检索中查看全部")]),
    barChart(t.timeline.buckets, (key) => href("/search", { topic: t.id, date: key }), "报道数量随时间变化"),
    el("div", { className: "columns2" }, [
      section("最新报道", briefList(t.recent, "")),
      section("最相关报道", briefList(t.relevant, "")),
      section("主要记者", countList(t.reporters, (v) => ({ path: "/reporter", params: { name: v.value } }))),
      section("相关栏目", countList(t.columns, (v) => ({ path: "/column", params: { name: v.value } }))),
    ]));
}

async function renderReporters() {
  show(status("正在加载…"));
  let r;
  try { r = await getJson("/api/reporters"); } catch (err) { return errorView(err); }
  const filter = el("input", { type: "search", id: "reporter-filter", placeholder: "按姓名筛选", "aria-label": "按姓名筛选" });
  const list = el("ul", { className: "counts wide" });
  const fill = (reporters) => {
    list.replaceChildren(...reporters.map((v) =>
      el("li", {}, [link("/reporter", { name: v.value }, v.label || v.value), el("span", { className: "n" }, v.count)])));
    list.dataset.filter = filter.value.trim();  // For tests: the list shown is for this filter.
  };
  // The server folds the filter as search does (鄭 finds 郑可欣); an answer
  // overtaken by later typing is dropped.
  let asked = 0;
  let timer = null;
  filter.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++asked;
      const key = filter.value.trim();
      let found;
      try { found = await getJson(href("/api/reporters", { filter: key })); } catch (err) { return errorView(err); }
      if (mine === asked) fill(found.reporters);
    }, 150);
  });
  fill(r.reporters);
  show(el("h2", {}, "记者"), filter, list);
}

async function renderReporter(sp) {
  const name = sp.get("name") || "";
  const offset = parseInt(sp.get("offset") || "0", 10) || 0;
  show(status("正在加载…"));
  let r;
  try { r = await getJson(href("/api/reporter", { name, offset, limit: 20 })); } catch (err) { return errorView(err); }
  document.title = `${r.name} · 记者 · 报库`;
  const nav = el("nav", { className: "pager" });
  if (offset > 0) nav.append(link("/reporter", { name, offset: Math.max(0, offset - 20) }, "← 较新"));
  if (offset + 20 < r.total) nav.append(link("/reporter", { name, offset: offset + 20 }, "较早 →"));
  show(el("h2", {}, ["记者:", r.name]),
    el("p", {}, [`共 ${r.total} 篇 · `, link("/search", { reporter: r.name, sort: "newest" }, "检索此记者的报道")]),
    barChart(r.years,
      (key) => href("/search", { reporter: r.name, date: key }), "每年发稿量"),
    el("div", { className: "columns2" }, [
      section("按日期排列的报道", briefList(r.articles, "", false), nav),
      el("div", {}, [
        section("报道主题", countList(r.topics, (v) => ({ path: "/topic", params: { id: v.value } }))),
        section("合作记者", countList(r.coauthors, (v) => ({ path: "/reporter", params: { name: v.value } }))),
        section("所在栏目", countList(r.columns, (v) => ({ path: "/column", params: { name: v.value } }))),
      ]),
    ]));
}

async function renderColumns() {
  show(status("正在加载…"));
  let r;
  try { r = await getJson("/api/columns"); } catch (err) { return errorView(err); }
  show(el("h2", {}, "栏目"), countList(r.columns, (v) => ({ path: "/column", params: { name: v.value } })));
}

async function renderColumn(sp) {
  show(status("正在加载…"));
  let r;
  try { r = await getJson(href("/api/column", { name: sp.get("name") || "" })); } catch (err) { return errorView(err); }
  document.title = `${r.name} · 栏目 · 报库`;
  show(el("h2", {}, ["栏目:", r.name]), el("p", {}, `共 ${r.total} 期,${r.instalments.every((a) => a.number !== null) ? "按期号" : "按刊出"}顺序`),
    el("ol", { className: "briefs instalments" }, r.instalments.map((a) => el("li", {}, [
      a.number !== null ? el("span", { className: "number" }, `第${a.number}期 `) : null,
      link("/article", { id: a.id }, a.title || "(无标题)", "title"), metaLine(a),
      a.lead ? el("p", { className: "lead" }, a.lead) : null]))));
}

// ---- Dates -----------------------------------------------------------------

async function renderCalendar(sp) {
  show(status("正在加载…"));
  let r;
  try { r = await getJson(href("/api/calendar", { month: sp.get("month") })); } catch (err) { return errorView(err); }
  if (!r.month) return show(el("h2", {}, "日历"), status("报库中还没有文章。"));
  const [year, month] = r.month.split("-").map(Number);
  const counts = new Map(r.days.map((d) => [d.value, d.count]));
  const first = new Date(Date.UTC(year, month - 1, 1));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;  // Weeks start on Monday.
  const cells = [];
  for (let i = 0; i < lead; i++) cells.push(el("td", {}));
  for (let d = 1; d <= daysInMonth; d++) {
    const iso = `${r.month}-${String(d).padStart(2, "0")}`;
    const n = counts.get(iso);
    cells.push(el("td", { className: n ? "has" : null }, n
      ? link("/issue", { date: iso }, [el("span", { className: "d" }, d), el("span", { className: "n" }, `${n}篇`)])
      : el("span", { className: "d" }, d)));
  }
  const rows = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(el("tr", {}, cells.slice(i, i + 7)));
  show(el("h2", {}, `${year}年${month}月`),
    el("nav", { className: "pager" }, [
      r.prev ? link("/calendar", { month: r.prev }, "← 上个月") : null,
      el("span", {}, `本月 ${r.total} 篇 · 报库收录 ${r.first} 至 ${r.last}`),
      r.next ? link("/calendar", { month: r.next }, "下个月 →") : null]),
    el("table", { className: "calendar" }, [
      el("thead", {}, el("tr", {}, ["一", "二", "三", "四", "五", "六", "日"].map((w) => el("th", {}, w)))),
      el("tbody", {}, rows)]));
}

async function renderIssue(sp) {
  show(status("正在加载…"));
  let r;
  try { r = await getJson(href("/api/issue", { date: sp.get("date") || "" })); } catch (err) { return errorView(err); }
  document.title = `${r.date} · 报库`;
  show(el("h2", {}, `${r.paper || ""} ${r.date}`),
    el("p", {}, [`本期 ${r.pages.length} 个版面、${r.total} 篇 · `,
      link("/calendar", { month: r.date.slice(0, 7) }, "返回日历"), " · ",
      link("/onthisday", { date: r.date }, "往年今日")]),
    el("div", { className: "pages" }, r.pages.map((p) => el("section", { className: "issue-page" }, [
      el("h3", {}, link("/page", { date: r.date, page: p.page }, `${pageLabel(p.page)}${p.section ? " · " + p.section : ""}`)),
      el("ul", { className: "plain" }, p.articles.map((a) => el("li", {},
        link("/article", { id: a.id }, a.title || "(无标题)")))),
    ]))));
}

async function renderPage(sp) {
  show(status("正在加载…"));
  let r;
  try { r = await getJson(href("/api/page", { date: sp.get("date") || "", page: sp.get("page") || "" })); } catch (err) { return errorView(err); }
  show(el("h2", {}, `${r.date} ${pageLabel(r.page)}${r.section ? " · " + r.section : ""}`),
    el("p", {}, link("/issue", { date: r.date }, "← 本期各版")),
    briefList(r.articles, "", true));
}

async function renderOnThisDay(sp) {
  show(status("正在加载…"));
  let r;
  try { r = await getJson(href("/api/onthisday", { date: sp.get("date") })); } catch (err) { return errorView(err); }
  const picker = el("input", { type: "date", id: "otd-date", value: r.date, "aria-label": "日期" });
  const form = el("form", { className: "inline" }, [el("label", {}, ["日期 ", picker]), el("button", { type: "submit" }, "查看")]);
  form.addEventListener("submit", (e) => { e.preventDefault(); navigate(href("/onthisday", { date: picker.value })); });
  const [, m, d] = r.date.split("-").map(Number);
  show(el("h2", {}, `往年今日:${m}月${d}日`), form,
    r.years.length ? r.years.map((y) => section(`${y.year}年`, briefList(y.articles, "")))
      : status("往年的这一天报库中没有文章。"));
}

// ---- Advanced search, help and examples ------------------------------------

// The query-language name of a field: its first Chinese alias (记者, 栏目, ...).
function fieldPrefix(name) {
  const f = FIELDS.find((x) => x.name === name);
  return f ? (f.aliases && f.aliases[0]) || f.label : name;
}

// A value as the query language reads it: quoted when it holds a space,
// quote, bracket or colon.
function queryValue(v) {
  v = v.trim().replace(/["“”]/g, "");
  return /[\s():：()]/.test(v) ? `"${v}"` : v;
}

const words = (text) => text.trim().split(/\s+/).filter(Boolean);

// The query the advanced form describes, in the query language of
// docs/SEARCH.md: the reader sees it in the search box and learns it.
function advancedQuery(v) {
  const parts = [];
  const title = v.titleOnly ? `${fieldPrefix("title")}:` : "";
  for (const w of words(v.all)) parts.push(title + queryValue(w));
  const phrase = v.phrase.trim().replace(/["“”]/g, "");
  if (phrase) parts.push(`${title}"${phrase}"`);
  const any = words(v.any).map((w) => title + queryValue(w));
  if (any.length === 1) parts.push(any[0]);
  if (any.length > 1) parts.push(`(${any.join(" OR ")})`);
  for (const w of words(v.none)) parts.push(`-${title}${queryValue(w)}`);
  if (v.nearA.trim() && v.nearB.trim()) {
    parts.push(`${queryValue(v.nearA)} NEAR/${Math.max(1, parseInt(v.nearN, 10) || 20)} ${queryValue(v.nearB)}`);
  }
  for (const field of ["reporter", "column", "topic", "source"]) {
    if (v[field] && v[field].trim()) parts.push(`${fieldPrefix(field)}:${queryValue(v[field])}`);
  }
  if (v.page) parts.push(`${fieldPrefix("page")}:${parseInt(v.page, 10)}`);
  if (v.kind) parts.push(`${fieldPrefix("kind")}:${KIND_LABELS[v.kind] || v.kind}`);
  if (v.from || v.to) {
    const range = v.from && v.from === v.to ? v.from : `${v.from || ""}..${v.to || ""}`;
    parts.push(`${fieldPrefix("date")}:${range}`);
  }
  return parts.join(" ");
}

function buildAdvancedForm() {
  const box = (id, label, attrs = {}) => {
    const input = el("input", Object.assign({ id, type: "text", autocomplete: "off" }, attrs));
    return { input, node: el("label", { for: id }, [el("span", { className: "adv-label" }, label), input]) };
  };
  const all = box("adv-all", "包含全部词语", { placeholder: "空格分开" });
  const phrase = box("adv-phrase", "包含完整短语");
  const any = box("adv-any", "包含任一词语", { placeholder: "空格分开" });
  const none = box("adv-none", "不含词语", { placeholder: "空格分开" });
  const titleOnly = el("input", { id: "adv-title", type: "checkbox" });
  const nearA = el("input", { id: "adv-near-a", type: "text", "aria-label": "邻近:第一个词", size: 8 });
  const nearB = el("input", { id: "adv-near-b", type: "text", "aria-label": "邻近:第二个词", size: 8 });
  const nearN = el("input", { id: "adv-near-n", type: "number", min: 1, max: 200, value: 20, "aria-label": "相隔字数" });
  const named = ["reporter", "column", "topic", "source"].filter((n) => FIELDS.some((f) => f.name === n))
    .map((n) => [n, box(`adv-${n}`, FILTER_LABELS[n], { list: FIELDS.find((f) => f.name === n).facet ? `adv-dl-${n}` : null })]);
  const lists = named.filter(([n]) => FIELDS.find((f) => f.name === n).facet)
    .map(([n, b]) => suggestList(n, `adv-dl-${n}`, b.input));
  const page = box("adv-page", FILTER_LABELS.page || "版面", { type: "number", min: 1, max: 99 });
  const kind = el("select", { id: "adv-kind", "aria-label": FILTER_LABELS.kind || "类型" }, [
    el("option", { value: "" }, `全部${FILTER_LABELS.kind || "类型"}`),
    ...Object.entries(KIND_LABELS).map(([value, label]) => el("option", { value }, label))]);
  const from = el("input", { id: "adv-from", type: "date", "aria-label": "起始日期" });
  const to = el("input", { id: "adv-to", type: "date", "aria-label": "截止日期" });
  const preview = el("code", { id: "adv-preview" });
  const values = () => ({
    all: all.input.value, phrase: phrase.input.value, any: any.input.value, none: none.input.value,
    titleOnly: titleOnly.checked, nearA: nearA.value, nearB: nearB.value, nearN: nearN.value,
    page: page.input.value, kind: kind.value, from: from.value, to: to.value,
    ...Object.fromEntries(named.map(([n, b]) => [n, b.input.value])),
  });
  const form = el("form", { id: "adv-form", className: "advanced", "aria-label": "高级检索" }, [
    all.node, phrase.node, any.node, none.node,
    el("label", { for: "adv-near-a", className: "near" }, [el("span", { className: "adv-label" }, "邻近"),
      nearA, " 与 ", nearB, " 相隔不超过 ", nearN, " 字"]),
    el("label", { className: "check" }, [titleOnly, " 只在标题中找"]),
    ...named.map(([, b]) => b.node), ...lists,
    page.node, el("label", { for: "adv-kind" }, [el("span", { className: "adv-label" }, FILTER_LABELS.kind || "类型"), kind]),
    el("label", { for: "adv-from" }, [el("span", { className: "adv-label" }, "日期"), from, " 至 ", to]),
    el("p", { className: "adv-preview" }, ["检索式:", preview]),
    el("div", { className: "adv-actions" }, [el("button", { type: "submit" }, "检索"),
      el("button", { type: "reset", className: "secondary" }, "清空")]),
  ]);
  // Every change writes the query into the search box as well.
  const update = () => {
    const q = advancedQuery(values());
    preview.textContent = q || "(尚未填写)";
    $("q").value = q;
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("reset", () => setTimeout(update));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = advancedQuery(values());
    if (!q) return;
    $("advanced").open = false;
    // The form holds every condition: the search starts from it alone.
    navigate(href("/search", { q }));
  });
  update();
  $("advanced-body").replaceChildren(form);
}

// The search box's hint and the help's examples, from /api/examples: each
// finds something in the archive being served, each is a link.
function exampleRows(e) {
  const rows = [];
  const add = (q, text) => rows.push([q, text]);
  const [a, b] = e.words || [];
  if (a) {
    add(`${a} ${b}`, "几个词都要出现(空格分开)");
    add(`${a} OR ${b}`, "任一出现即可(也可用 |)");
    add(`${a} -${b}`, "排除含某词的文章");
  }
  if (e.phrase) add(`"${e.phrase}"`, "整句按顺序出现(也可用“”「」)");
  if (a && e.month) add(`(${a} OR ${b}) ${fieldPrefix("date")}:${e.month}`, "用括号分组");
  if (e.reporters) add(`${fieldPrefix("reporter")}:${queryValue(e.reporters.value)}`, `按记者(reporter:),本库发稿最多的是${e.reporters.value}`);
  if (e.columns) add(`${fieldPrefix("column")}:${queryValue(e.columns.value)}`, "按栏目(column:)");
  if (e.topics) add(`${fieldPrefix("topic")}:${queryValue(e.topics.label || e.topics.value)}`, "按主题(topic:)");
  if (e.month) add(`${fieldPrefix("date")}:${e.month}`, `日期或区间(date:),如 ${e.day}、${e.month}..${e.month}、${e.month.replace("-", "年").replace(/^(\d+)年0?(\d+)$/, "$1年$2月")}`);
  if (e.pages) add(`${fieldPrefix("page")}:${e.pages.value}`, "版面(page:)");
  if (e.kinds) add(`${fieldPrefix("kind")}:${KIND_LABELS[e.kinds.value] || e.kinds.value}`, `${Object.values(KIND_LABELS).join("、")}(kind:)`);
  if (e.phrase) add(`${fieldPrefix("title")}:${e.phrase}`, "只在标题中找(title:)");
  return rows;
}

async function loadExamples() {
  let e;
  try { e = await fetch("/api/examples").then((r) => (r.ok ? r.json() : null)); } catch (err) { return; }
  if (!e) return;
  const rows = exampleRows(e);
  if (!rows.length) return;
  const first = [e.words && e.words[0], e.reporters && `${fieldPrefix("reporter")}:${queryValue(e.reporters.value)}`].filter(Boolean);
  $("q").placeholder = `关键词、人名或短语,如:${first.join(" ")}`;
  const table = el("table", { id: "examples" }, rows.map(([q, text]) => el("tr", {}, [
    el("td", {}, el("a", { href: href("/search", { q }), className: "example" }, el("code", {}, q))),
    el("td", {}, text)])));
  $("help").querySelector("table").replaceWith(table);
  table.addEventListener("click", (ev) => {
    if (ev.target.closest("a.example")) $("help").open = false;
  });
  document.body.dataset.examples = "1";  // For tests: the examples are in.
}

// ---- Router ----------------------------------------------------------------

const ROUTES = {
  "/": renderSearch, "/index.html": renderSearch, "/search": renderSearch, "/article": renderArticle,
  "/topics": renderTopics, "/topic": renderTopic, "/reporters": renderReporters, "/reporter": renderReporter,
  "/columns": renderColumns, "/column": renderColumn, "/calendar": renderCalendar, "/issue": renderIssue,
  "/page": renderPage, "/onthisday": renderOnThisDay,
};

async function render() {
  const path = location.pathname;
  delete document.body.dataset.ready;
  const count = ++renderCount;
  document.title = "报库 · 报纸资料检索";
  const navPath = { "/search": "/", "/article": "/", "/index.html": "/", "/topic": "/topics",
    "/reporter": "/reporters", "/column": "/columns", "/issue": "/calendar", "/page": "/calendar" }[path] || path;
  for (const a of document.querySelectorAll("#nav a")) {
    a.toggleAttribute("aria-current", a.getAttribute("href") === navPath);
  }
  // The box shows the query of a search or of the article it led to only.
  if (navPath !== "/") $("q").value = "";
  if (path !== "/search") showKeepFilters(null);
  const fn = ROUTES[path] || (() => show(el("h2", {}, "找不到"), status("没有这个页面。")));
  try {
    await fn(new URLSearchParams(location.search));
  } catch (err) {
    // A view that failed shows why instead of staying half drawn.
    if (count === renderCount) errorView(err);
  }
  // For tests: the view has rendered.
  if (count === renderCount) document.body.dataset.ready = path;
}

function navigate(url) {
  history.pushState(null, "", url);
  window.scrollTo(0, 0);
  render();
  view.focus({ preventScroll: true });
}

// Links inside the UI render without a page load; new tabs, downloads and
// the API still go to the server.
document.addEventListener("click", (e) => {
  const a = e.target.closest && e.target.closest("a[href]");
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !(url.pathname in ROUTES)) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});

$("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const q = $("q").value.trim();
  const current = new URLSearchParams(location.search);
  // A new query starts afresh; the filters of the current search stay only
  // when the reader ticked 保留筛选.
  const keep = location.pathname === "/search" && $("keep-filters").checked;
  const s = searchState(keep ? current : new URLSearchParams());
  navigate(href("/search", stateParams(s, { q, offset: 0 })));
});
window.addEventListener("popstate", render);

async function loadFields() {
  const r = await getJson("/api/fields");
  FIELDS = r.fields;
  FILTERS = r.fields.map((f) => f.name);
  for (const f of r.fields) FILTER_LABELS[f.name] = f.label;
  for (const k of r.kinds) KIND_LABELS[k.value] = k.label;
}
loadFields().then(() => {
  buildAdvancedForm();
  loadExamples();
  return render();
}, errorView);
