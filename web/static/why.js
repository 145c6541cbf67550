// 报库 UI: the 为什么匹配 panel of a search hit — which parts of the query
// matched where (标题, 正文, 记者, 栏目, 主题, 日期, …) and through which
// form (原文, 繁简转换, 全角半角, 部分姓名, 日期范围, …), from the hit's `why`
// (docs/API.md). Loaded after app.js, whose el() it uses; text reaches the
// page as DOM text nodes only.
"use strict";

// A closed disclosure under the hit, or null when the hit carries no
// reasons (a search of filters that name nothing, an older server).
function whyPanel(h) {
  const reasons = h.why || [];
  if (!reasons.length) return null;
  const rows = reasons.map((r) => el("li", { "data-where": r.where, "data-forms": r.forms.join(" ") }, [
    el("span", { className: "why-part" }, r.part),
    " → ",
    el("span", { className: "why-where" }, r.where_label),
    " ",
    el("q", { className: "why-printed" }, r.printed),
    " ",
    ...r.form_labels.map((label, i) => el("span", { className: "chip why-form " + r.forms[i] }, label)),
    r.count > 1 ? el("span", { className: "n" }, " ×" + r.count) : null,
  ]));
  return el("details", { className: "why" }, [
    el("summary", {}, "为什么匹配"),
    el("ul", { className: "why-list" }, rows),
  ]);
}
