// 报库 search page: talks to /api/search and /api/article; the whole state
// is in the URL (?q=…&offset=…&id=…) so a search can be shared.
"use strict";

const PAGE_SIZE = 10;
const $ = (id) => document.getElementById(id);

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "className") node.className = v; else node.setAttribute(k, v);
  }
  for (const c of [].concat(children)) {
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// Snippet highlights are code point offsets; Array.from splits by code point.
function markedSnippet(snippet) {
  const chars = Array.from(snippet.text);
  const out = [];
  let pos = 0;
  for (const [begin, end] of snippet.highlights) {
    if (begin > pos) out.push(chars.slice(pos, begin).join(""));
    out.push(el("mark", {}, chars.slice(begin, end).join("")));
    pos = end;
  }
  if (pos < chars.length) out.push(chars.slice(pos).join(""));
  return out;
}

function metaLine(a) {
  const parts = [a.date, `第${a.page}版`];
  if (a.section) parts.push(a.section);
  if (a.reporters && a.reporters.length) parts.push("记者 " + a.reporters.join(" "));
  if (a.photographers && a.photographers.length) parts.push("摄影 " + a.photographers.join(" "));
  return parts.join(" · ");
}

function setUrl(params) {
  const url = new URL(location.href);
  url.search = new URLSearchParams(params).toString();
  history.pushState(null, "", url);
}

async function getJson(url) {
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
  return body;
}

async function runSearch(q, offset) {
  $("article").hidden = true;
  $("results").replaceChildren();
  $("pager").replaceChildren();
  if (!q) { $("status").textContent = ""; return; }
  $("status").textContent = "检索中…";
  try {
    const r = await getJson(`/api/search?q=${encodeURIComponent(q)}&offset=${offset}&limit=${PAGE_SIZE}`);
    $("status").textContent = r.total ? `共找到 ${r.total} 篇相关文章` : "没有找到相关文章,请换个说法试试。";
    $("results").start = offset + 1;
    for (const h of r.hits) {
      const title = el("a", { className: "title", href: `?q=${encodeURIComponent(q)}&id=${encodeURIComponent(h.id)}` }, h.title || "(无标题)");
      title.addEventListener("click", (e) => { e.preventDefault(); setUrl({ q, offset, id: h.id }); showArticle(h.id, q); });
      $("results").append(el("li", {}, [
        title,
        el("div", { className: "meta" }, metaLine(h)),
        el("p", { className: "snippet" }, markedSnippet(h.snippet)),
      ]));
    }
    const pager = $("pager");
    if (offset > 0) pager.append(pagerButton("上一页", q, Math.max(0, offset - PAGE_SIZE)));
    if (offset + PAGE_SIZE < r.total) pager.append(pagerButton("下一页", q, offset + PAGE_SIZE));
  } catch (err) {
    $("status").textContent = "检索出错:" + err.message;
  }
}

function pagerButton(label, q, offset) {
  const b = el("button", { type: "button" }, label);
  b.addEventListener("click", () => { setUrl({ q, offset }); runSearch(q, offset); });
  return b;
}

async function showArticle(id, q) {
  const box = $("article");
  try {
    const a = await getJson(`/api/article?id=${encodeURIComponent(id)}`);
    const children = [];
    if (a.column) children.push(el("p", { className: "column" }, a.column));
    if (a.kicker) children.push(el("p", { className: "kicker" }, a.kicker));
    children.push(el("h2", {}, a.headline || "图片新闻"));
    if (a.subtitle) children.push(el("p", { className: "subtitle" }, "——" + a.subtitle));
    children.push(el("p", { className: "meta" }, `${a.paper || ""} ${metaLine(a)}`));
    if (a.byline) children.push(el("p", { className: "meta" }, a.byline));
    const subheads = new Set(a.subheads);
    for (const p of a.paragraphs) {
      children.push(el("p", { className: subheads.has(p) ? "subhead" : "body" }, p));
    }
    children.push(el("p", { className: "meta" }, `引用:${a.paper || "本报"},${a.date},第${a.page}版,《${a.headline || "图片新闻"}》`));
    box.replaceChildren(...children);
    box.hidden = false;
    box.scrollIntoView({ behavior: "smooth" });
  } catch (err) {
    box.replaceChildren(el("p", {}, "无法打开文章:" + err.message));
    box.hidden = false;
  }
}

function fromUrl() {
  const p = new URLSearchParams(location.search);
  const q = p.get("q") || "";
  $("q").value = q;
  runSearch(q, parseInt(p.get("offset") || "0", 10) || 0);
  if (p.get("id")) showArticle(p.get("id"), q);
}

$("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const q = $("q").value.trim();
  setUrl({ q });
  runSearch(q, 0);
});
window.addEventListener("popstate", fromUrl);
fromUrl();
