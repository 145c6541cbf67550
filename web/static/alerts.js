// 报库 UI: saved searches (/saved), feeds, "只看本报" and the correction
// notes of an article. Loaded after app.js, whose helpers (el, link, href,
// getJson, show, status, ...) and ROUTES it uses. Text reaches the page as
// DOM text nodes only.
"use strict";

// POST a form to the API; the parsed JSON, or an Error with its message.
async function postForm(url, params) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const x of [].concat(v)) if (x !== undefined && x !== null && x !== "") body.append(k, x);
  }
  const res = await fetch(url, { method: "POST", body });
  let json = null;
  try { json = await res.json(); } catch (e) { /* not JSON */ }
  if (!res.ok) throw new Error(json && json.error ? json.error.message : `请求失败(${res.status})`);
  return json;
}

// The search toolbar's extras: save this search, its Atom feed, 只看本报.
function alertsToolbar(s) {
  const params = stateParams(s, { offset: null, sort: null });
  const onlyOurs = s.source && s.source.length === 1 && s.source[0] === "本报";
  const form = el("form", { className: "save-search", "aria-label": "保存检索" });
  const name = el("input", { type: "text", name: "name", placeholder: "给这个检索起个名字", "aria-label": "检索名称",
    value: s.q || "" });
  const note = el("span", { className: "muted", role: "status" });
  form.append(name, el("button", { type: "submit" }, "保存检索"), note);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    note.textContent = "保存中…";
    try {
      const saved = await postForm("/api/saved", Object.assign({}, params, { name: name.value }));
      note.replaceChildren("已保存。", link("/saved", {}, "查看保存的检索"));
      note.dataset.saved = saved.id;
    } catch (err) { note.textContent = "未能保存:" + err.message; }
  });
  return el("div", { className: "alerts-toolbar" }, [
    onlyOurs ? link("/search", withoutFilter(s, "source", "本报"), "显示全部来源", "chip")
      : link("/search", stateParams(s, { source: ["本报"], offset: 0 }), "只看本报", "chip"),
    " ",
    el("a", { href: href("/api/feed", params), className: "feed", type: "application/atom+xml" }, "订阅(Atom)"),
    form,
  ]);
}

// The saved searches, each with what the latest issue brought.
async function renderSaved() {
  document.title = "保存的检索 · 报库";
  show(status("正在读取保存的检索…"));
  let r;
  try { r = await getJson("/api/saved"); } catch (err) { return errorView(err); }
  const rows = r.saved.map((x) => {
    const remove = el("button", { type: "button", className: "delete" }, "删除");
    remove.addEventListener("click", async () => {
      try {
        await postForm("/api/saved/delete", { id: x.id });
        renderSaved();
      } catch (err) { remove.textContent = "删除失败:" + err.message; }
    });
    const filters = x.filters.map((f) => `${FILTER_LABELS[f.field] || f.field}:${f.value}`).join(" ");
    return el("li", { className: "saved", "data-id": x.id }, [
      el("a", { href: x.search, className: "title" }, x.name), " ",
      el("span", { className: "muted" }, [x.q, filters].filter(Boolean).join(" ")),
      el("div", { className: "meta" }, [
        x.error ? `检索式已失效:${x.error}` : `共 ${x.total} 篇`,
        ...(r.latest_issue ? [" · ", el("strong", { className: "new-count" }, `最新一期(${r.latest_issue})新增 ${x.new} 篇`)] : []),
        " · ", el("a", { href: x.feed, type: "application/atom+xml" }, "Atom 订阅"), " ", remove]),
    ]);
  });
  show(el("h2", {}, "保存的检索"),
    r.saved.length ? el("ul", { className: "saved-list" }, rows)
      : el("p", { className: "muted" }, "还没有保存的检索。检索后点“保存检索”即可。"));
}
ROUTES["/saved"] = renderSaved;

// An article's correction notes: "此文有更正" with each notice, or for a
// notice the articles it corrects.
function correctionNotes(a) {
  const links = a.correction_links || { corrections: [], corrects: [] };
  const out = [];
  if (links.corrections.length) {
    out.push(el("aside", { className: "correction", role: "note" }, [
      el("strong", {}, "此文有更正"),
      ...links.corrections.map((c) => el("p", {}, [
        link("/article", { id: c.id }, `${c.date} ${pageLabel(c.page)} ${c.title}`), ":", c.text])),
    ]));
  }
  if (links.corrects.length) {
    out.push(el("aside", { className: "correction", role: "note" }, [
      el("strong", {}, "本更正所指原文"),
      el("ul", {}, links.corrects.map((o) => el("li", {},
        link("/article", { id: o.id }, `${o.date} ${pageLabel(o.page)}《${o.title}》`)))),
    ]));
  }
  return out;
}
