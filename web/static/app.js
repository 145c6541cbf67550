// 报库 UI: one page, one view per path (/search, /article, /topic, ...),
// the whole state in the URL so that every view can be shared and the back
// button works. Article text only ever reaches the page as DOM text nodes
// (el() and marked()), never as HTML.
"use strict";

const PAGE_SIZE = 10;
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

async function getJson(url) {
  const count = renderCount;
  const res = await fetch(url);
  let body = null;
  try { body = await res.json(); } catch (e) { /* not JSON */ }
  if (count !== renderCount) throw new StaleError("stale");
  if (!res.ok) {
    const err = new Error(body && body.error ? body.error.message : `请求失败(${res.status})`);
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
    topics.map((t) => link("/topic", { id: t.id }, t.name || t.id, "chip")));
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

// Bars of counts over time; each bar is a link (e.g. to narrow a search).
function barChart(buckets, hrefFor, label) {
  if (!buckets || !buckets.length) return null;
  const max = Math.max(...buckets.map((b) => b.count), 1);
  return el("figure", { className: "chart" }, [
    el("figcaption", {}, label),
    el("div", { className: "bars" }, buckets.map((b) => {
      const bar = el("span", { className: "bar" });
      bar.style.height = `${Math.max(4, Math.round((b.count / max) * 100))}%`;
      const text = `${b.key}:${b.count} 篇`;
      return el("a", { href: hrefFor(b.key), title: text, "aria-label": text },
        [el("span", { className: "count" }, b.count), bar, el("span", { className: "key" }, shortKey(b.key))]);
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
  const s = { q: sp.get("q") || "", sort: sp.get("sort") || "", offset: parseInt(sp.get("offset") || "0", 10) || 0 };
  for (const f of FILTERS) s[f] = sp.getAll(f);
  return s;
}

function stateParams(s, overrides = {}) {
  const p = { q: s.q, sort: s.sort };
  for (const f of FILTERS) p[f] = s[f];
  if (s.offset) p.offset = s.offset;
  return Object.assign(p, overrides);
}

function hasQuery(s) {
  return s.q || FILTERS.some((f) => s[f].length);
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
  if (!hasQuery(s)) return renderHome();
  show(status("检索中…"));
  const api = href("/api/search", Object.assign(stateParams(s), { limit: PAGE_SIZE, facets: 1 }));
  let r;
  try { r = await getJson(api); } catch (err) {
    return err instanceof StaleError ? null : show(filterBar(s), status("检索出错:" + err.message));
  }
  const f = r.facets;
  const results = el("div", { className: "results" }, [
    el("div", { className: "toolbar" }, [
      status(r.total ? `共找到 ${r.total} 篇` : "没有找到相关文章,请换个说法或减少筛选条件。"),
      sortSelect(s),
      r.total ? el("span", { className: "export" }, ["导出:",
        el("a", { href: href("/api/export", Object.assign(stateParams(s), { format: "csv", offset: null })) }, "CSV"), " ",
        el("a", { href: href("/api/export", Object.assign(stateParams(s), { format: "json", offset: null })) }, "JSON")]) : null,
    ]),
    alertsToolbar(s),
    f ? barChart(f.dates.buckets, (key) => href("/search", withFilter(s, "date", key)),
      "按时间分布(点击柱子缩小日期范围)") : null,
    el("ol", { className: "hits", start: s.offset + 1 }, r.hits.map((h) => hitItem(h, s.q))),
    pager(s, r.total),
  ]);
  show(filterBar(s), el("div", { className: "search-layout" }, [
    f ? facetPanel(s, f) : null, results]));
}

function hitItem(h, q) {
  const title = h.title && h.title.text ? marked(h.title.text, h.title.highlights) : "(无标题)";
  return el("li", { className: "hit" }, [
    h.kicker ? el("div", { className: "kicker" }, h.kicker) : null,
    link("/article", { id: h.id, q }, title, "title"),
    h.subtitle ? el("div", { className: "subtitle" }, "——" + h.subtitle) : null,
    metaLine(h),
    topicChips(h.topics),
    h.snippet ? el("p", { className: "snippet" }, marked(h.snippet.text, h.snippet.highlights)) : null,
  ]);
}

function sortSelect(s) {
  const select = el("select", { id: "sort", "aria-label": "排序" }, [
    ["relevance", "按相关度"], ["newest", "最新在前"], ["oldest", "最早在前"], ["print", "按版面顺序"],
  ].map(([v, t]) => el("option", { value: v, selected: (s.sort || "relevance") === v ? "" : null }, t)));
  select.addEventListener("change", () => navigate(href("/search", stateParams(s, { sort: select.value, offset: 0 }))));
  return el("label", { className: "sort" }, ["排序 ", select]);
}

function pager(s, total) {
  const nav = el("nav", { className: "pager", "aria-label": "翻页" });
  if (s.offset > 0) nav.append(link("/search", stateParams(s, { offset: Math.max(0, s.offset - PAGE_SIZE) }), "← 上一页"));
  if (total > PAGE_SIZE) {
    nav.append(el("span", {}, `第 ${Math.floor(s.offset / PAGE_SIZE) + 1} / ${Math.ceil(total / PAGE_SIZE)} 页`));
  }
  if (s.offset + PAGE_SIZE < total) nav.append(link("/search", stateParams(s, { offset: s.offset + PAGE_SIZE }), "下一页 →"));
  return nav;
}

function facetPanel(s, f) {
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
  return el("aside", { className: "facets", "aria-label": "分类统计" },
    FIELDS.filter((field) => field.facet && f[field.facet]).map((field) =>
      group(field.label, field.name, f[field.facet].filter((v) => v.value))));
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
// active ones as removable chips.
function filterBar(s) {
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
      const shown = value === "kind" ? (KIND_LABELS[v] || v) : value === "page" ? pageLabel(v) : v;
      chips.push(link("/search", withoutFilter(s, f, v), [`${FILTER_LABELS[f]}:${shown} `, el("span", { "aria-hidden": "true" }, "×")], "chip removable"));
    }
  }
  return el("div", { className: "filter-bar" }, [
    // Open on wide screens for a new search; on a phone the results come first.
    el("details", { className: "filter-form", open: chips.length || window.innerWidth < 760 ? null : "" }, [el("summary", {}, "筛选条件"), form]),
    chips.length ? el("div", { className: "chips active-filters", "aria-label": "当前筛选" }, chips) : null,
  ]);
}

// A text input with suggestions from /api/suggest in a <datalist>.
let datalistCounter = 0;
function suggestInput(field, id, placeholder) {
  const listId = `dl-${++datalistCounter}`;
  const input = el("input", { id, type: "text", list: listId, placeholder, autocomplete: "off", "aria-label": placeholder });
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
  const wrap = el("span", { className: "suggest" }, [input, list]);
  wrap.input = input;  // The form reads the value from the input itself.
  return wrap;
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
      topics.topics.map((t) => link("/topic", { id: t.id }, `${t.name} ${t.count}`, "chip")))));
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
  const citation = el("input", { id: "citation", type: "text", readonly: "", value: a.citation, "aria-label": "引用格式" });
  const copy = el("button", { type: "button" }, "复制引用");
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
    el("div", { className: "cite" }, [el("label", { for: "citation" }, "引用"), citation, copy]),
  ]);
  const side = el("aside", { className: "article-side" }, [
    section("主题", topicChips(a.topics) || el("p", { className: "muted" }, "暂无")),
    section("关键词", a.keywords.length ? el("div", { className: "chips" },
      a.keywords.map((k) => link("/search", { q: k }, k, "chip"))) : el("p", { className: "muted" }, "暂无")),
    section("相关报道", briefList(a.related, "")),
    section(`同版文章(${pageLabel(a.page)})`, briefList(a.neighbours.same_page.filter((x) => x.id !== a.id), "", true)),
    section("同期各版", issuePages(a.neighbours.same_issue, a.id)),
  ]);
  show(el("div", { className: "article-layout" }, [printed, side]));
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
    link("/topic", { id: t.id }, t.name, "title"), el("span", { className: "n" }, `${t.count} 篇`),
    barChart(t.timeline.buckets, (key) => href("/search", { topic: t.id, date: key }), ""),
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
  const fill = () => {
    const key = filter.value.trim();
    list.replaceChildren(...r.reporters.filter((v) => !key || v.value.includes(key)).map((v) =>
      el("li", {}, [link("/reporter", { name: v.value }, v.value), el("span", { className: "n" }, v.count)])));
  };
  filter.addEventListener("input", fill);
  fill();
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
    barChart(r.years.map((y) => ({ key: String(y.year), count: y.count })),
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
  const counts = new Map(r.days.map((d) => [d.date, d.count]));
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
  const fn = ROUTES[path] || (() => show(el("h2", {}, "找不到"), status("没有这个页面。")));
  await fn(new URLSearchParams(location.search));
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
  // A new query keeps the filters of the current search.
  const s = location.pathname === "/search" ? searchState(current) : searchState(new URLSearchParams());
  navigate(href("/search", stateParams(s, { q, offset: 0 })));
});
window.addEventListener("popstate", render);

async function loadFields() {
  const r = await getJson("/api/fields");
  FIELDS = r.fields;
  FILTERS = r.fields.map((f) => f.name);
  for (const f of r.fields) FILTER_LABELS[f.name] = f.label;
  for (const k of r.kinds) KIND_LABELS[k.name] = k.label;
}
loadFields().then(render, errorView);
