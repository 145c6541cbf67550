#!/usr/bin/env python3
"""Renders the 桐江晚报 stories (stories.py) into gold pages in four layouts.

    corpus/gold/render.py [OUT_DIR]        (default: corpus/gold)

Writes OUT_DIR/<layout>/<date>/NN.txt, NN.gold.json and issue.json, in the
gold schema of corpus/samples (see corpus/samples/README.md). The output is
committed, so tests never run this; rerun it after editing stories.py. The
layouts (see corpus/gold/README.md):

  blank     the seed's: a blank line after every line, 1 or 3 between articles
  indented  paragraphs start with two ideographic spaces, one newline between
            them, a blank line between articles, column breaks continue on an
            unindented line
  packed    as indented but no blank line anywhere, articles back to back
  export    a CMS text export: no indentation, one newline between all lines,
            a blank line between articles, ASCII spaces in bylines
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stories import (CORRESPONDENTS, EDITORS, PHOTOGRAPHERS, PHOTOS,  # noqa
                     REPORTERS, STORIES, WIRE_REPORTERS)

LAYOUTS = ["blank", "indented", "packed", "export"]
PAGES_PER_LAYOUT = 24
SECTIONS = ["要闻", "城事", "社区", "民生", "经济", "文体", "综合新闻", "评论"]
HALF = str.maketrans({"，": ",", "（": "(", "）": ")", "？": "?", "：": ":",
                      "；": ";", "！": "!"})
WEEKDAYS = "一二三四五六日"
PUNCT = set("，。、；：？！“”‘’（）《》—…,.;:?!()·")


class Page:
    def __init__(self, layout, rng, half_width):
        self.layout, self.rng, self.half = layout, rng, half_width
        self.lines = []
        self.articles = []

    def w(self, s):
        return s.translate(HALF) if self.half else s

    def add(self, text):
        """Adds one printed line; returns its 1-based line number."""
        if self.layout == "blank":
            self.lines.append(text)
            self.lines.append("")
            return len(self.lines) - 1
        self.lines.append(text)
        return len(self.lines)

    def gap(self, big):
        """Space between two articles."""
        if self.layout == "blank":
            if big:
                self.lines.extend(["", ""])
        elif self.layout in ("indented", "export"):
            self.lines.append("")


def space(rng, layout):
    if layout == "export":
        return " "
    return rng.choice([" ", "　"])


def pick(rng, pool, n):
    return rng.sample(pool, n)


def byline_for(story, rng, layout):
    """Chooses a printed byline form. Returns a dict with: lines (standalone
    byline lines above the body), lead (a prefix of the first paragraph),
    trail (appended to the last paragraph), gold fields."""
    sp = space(rng, layout)
    r = pick(rng, REPORTERS, 4)
    c = rng.choice(CORRESPONDENTS)
    p = rng.choice(PHOTOGRAPHERS)
    g = dict(lines=[], lead="", trail="", reporters=[], correspondents=[],
             photographers=[], source=None, dateline=None, byline=None)
    if story.get("comment"):
        g.update(lines=["本报评论员"], byline="本报评论员", source="本报")
        return g
    if story.get("wire"):
        if rng.random() < 0.6:
            names = pick(rng, WIRE_REPORTERS, rng.choice([1, 2]))
            city = rng.choice(["北京", "上海", "广州", "武汉"])
            dl = "新华社%s6月%d日电" % (city, rng.randint(1, 12))
            lead = dl + "（记者" + sp + sp.join(names) + "）"
            g.update(lead=lead, byline=lead, reporters=names, source="新华社",
                     dateline=dl)
        else:
            g.update(lead="据新华社电" + sp, byline="据新华社电",
                     source="新华社")
        return g
    marker = rng.choice(["", "", "", "□", "■", "●", "◎", "▲"])
    n = rng.choice([1, 1, 1, 2, 2, 3, 4])
    names = r[:n]
    # About a third of the stories carry no byline, as on real pages.
    form = rng.choice(["line", "line", "line", "lead", "lead", "trail",
                       "none", "none", "none", "none", "wentu", "wen_tu"])
    if story.get("bylineless") and rng.random() < 0.8:
        form = "none"
    if form == "line":
        role = rng.choice(["本报记者", "本报记者", "记者", "本报特约记者",
                           "见习记者", "本报实习生", "本报通讯员"])
        text = role + sp + sp.join(names)
        if role == "本报通讯员":
            g["correspondents"] = list(names)
        else:
            g["reporters"] = list(names)
            if rng.random() < 0.3:
                text += sp + "通讯员" + sp + c
                g["correspondents"] = [c]
        if role.startswith("本报"):
            g["source"] = "本报"
        g.update(lines=[marker + text], byline=text)
    elif form == "wentu":
        text = "文/" + names[0] + sp + "图/" + p
        g.update(lines=[marker + text], byline=text, reporters=[names[0]],
                 photographers=[p])
    elif form == "wen_tu":
        text = "文·图/" + names[0]
        g.update(lines=[marker + text], byline=text, reporters=[names[0]],
                 photographers=[names[0]])
    elif form == "lead":
        inner = "记者" + rng.choice(["", sp]) + sp.join(names[:2])
        g["reporters"] = names[:2]
        if rng.random() < 0.4:
            inner += sp + "通讯员" + sp + c
            g["correspondents"] = [c]
        lead = "本报讯（" + inner + "）"
        g.update(lead=lead, byline=lead, source="本报")
    elif form == "trail":
        g.update(lead="本报讯" + sp, trail="（" + names[0] + "）",
                 byline="本报讯 … （" + names[0] + "）",
                 reporters=[names[0]], source="本报")
    return g


def split_point(text, rng):
    """Where a column break may cut `text`: between two Han characters,
    the first part longer than a title line."""
    cands = [k for k in range(26, len(text) - 8)
             if text[k - 1] not in PUNCT and text[k] not in PUNCT]
    return rng.choice(cands) if cands else None


def render_story(page, story, rng, first):
    L = page.layout
    w = page.w
    b = byline_for(story, rng, L)
    indent = "　　" if L in ("indented", "packed") else ""
    head = []
    if story.get("column"):
        head.append(story["column"])
    kicker = story.get("kicker") if rng.random() < 0.6 else None
    subtitle = story.get("subtitle") if rng.random() < 0.6 else None
    if kicker:
        head.append(kicker)
    head.append(story["headline"])
    dash_sub = subtitle and rng.random() < 0.5
    if subtitle:
        head.append(("——" + subtitle) if dash_sub else subtitle)
    start = None
    for h in head:
        n = page.add(w(h))
        start = start or n
    last = start
    for bl in b["lines"]:
        ind = indent if (indent and rng.random() < 0.4) else ""
        last = page.add(ind + w(bl))
    body, subheads = [], []
    paras = [p for p in story["paras"]]
    cut_done = False
    for i, para in enumerate(paras):
        if para.startswith("##"):
            text = para[2:]
            last = page.add(w(text))
            subheads.append(w(text))
            body.append(w(text))
            continue
        text = para
        if i == 0 and b["lead"]:
            text = b["lead"] + text
        if i == len(paras) - 1 and b["trail"]:
            text = text + b["trail"]
        printed = w(text)
        k = None
        if L != "export" and not cut_done and rng.random() < 0.25:
            k = split_point(printed, rng)
        if k:
            cut_done = True
            page.add(indent + printed[:k])
            last = page.add(printed[k:])
        else:
            last = page.add(indent + printed)
        gold_text = w(para)
        body.append(gold_text)
    title = dict(column=story.get("column"), kicker=kicker,
                 headline=story["headline"], subtitle=subtitle)
    # Which plain title line is kicker or subtitle is the printer's choice;
    # the gold keeps the story's roles.
    art = dict(kind="commentary" if story.get("comment") else "news",
               column=w(title["column"]) if title["column"] else None,
               kicker=w(kicker) if kicker else None,
               headline=w(story["headline"]),
               subtitle=w(subtitle) if subtitle else None,
               byline=w(b["byline"]) if b["byline"] else None,
               reporters=b["reporters"], photographers=b["photographers"],
               correspondents=b["correspondents"], subheads=subheads,
               body=body, first_line=start, last_line=last)
    if b["source"]:
        art["source"] = b["source"]
    if b["dateline"]:
        art["dateline"] = w(b["dateline"])
    page.articles.append(art)


def render_photo(page, caption, rng):
    w = page.w
    sp = space(rng, page.layout)
    p = rng.choice(PHOTOGRAPHERS)
    credit = rng.choice([p + sp + "摄", "本报记者" + sp + p + sp + "摄",
                         "记者" + sp + p + sp + "摄"])
    indent = "　　" if page.layout in ("indented", "packed") else ""
    start = page.add(indent + w(caption))
    last = page.add(w(credit))
    page.articles.append(dict(
        kind="photo", column=None, kicker=None, headline=None, subtitle=None,
        byline=w(credit), reporters=[], photographers=[p], correspondents=[],
        subheads=[], body=[w(caption)], first_line=start, last_line=last))


def page_header(page, rng, number, date, section):
    editor, designer = rng.sample(EDITORS, 2)
    wd = WEEKDAYS[date_weekday(date)]
    y, m, d = date
    forms = [
        "第%d版：%s　%d年%d月%d日　星期%s" % (number, section, y, m, d, wd),
        "第%d版 %s 责任编辑:%s 版式:%s" % (number, section, editor, designer),
        "%d年%d月%d日 星期%s 责任编辑:%s 版式:%s" % (y, m, d, wd, editor,
                                              designer),
        "本版责编：%s　美编：%s" % (editor, designer),
    ]
    return rng.choice(forms)


def date_weekday(date):
    import datetime
    return datetime.date(*date).weekday()


def render_page(layout, index, rng, stories, photos, year=2026):
    half = layout == "blank" and rng.random() < 0.8
    page = Page(layout, rng, half)
    number = rng.randint(1, 8)
    date = (year, 7 + index // 28, index % 28 + 1)
    section = rng.choice(SECTIONS)
    if layout == "blank":
        page.lines.extend(["", ""])
    if rng.random() < 0.6 or layout == "packed":
        page.add(page_header(page, rng, number, date, section))
        if layout == "indented" or layout == "export":
            page.lines.append("")
    items = [("story", s) for s in stories] + [("photo", p) for p in photos]
    rng.shuffle(items)
    for i, (kind, item) in enumerate(items):
        if i > 0:
            page.gap(rng.random() < 0.3)
        if kind == "story":
            render_story(page, item, rng, i == 0)
        else:
            render_photo(page, item, rng)
    if layout == "export" and rng.random() < 0.5:
        page.lines.append("")
        page.add("新闻热线：0577-8812345　电子邮箱：news@tjwb.example")
    text = "\n".join(page.lines).rstrip("\n") + "\n"
    if layout == "blank":
        text += "\n"
    return text, page.articles, number, date, section


def render_all(out, stories, photos, pages_per_layout, note, year=2026,
               paper=("桐江晚报", "tjwb")):
    """Renders pages of `stories` (dicts as in stories.py) in every layout
    under out/<layout>/. `year`: the issues' year, or a function of the
    layout's index giving it (so that layouts do not share dates)."""
    for li, layout in enumerate(LAYOUTS):
        rng = random.Random(1000 + li)
        layout_year = year if isinstance(year, int) else year(li)
        pool = list(range(len(stories)))
        for index in range(pages_per_layout):
            if len(pool) < 5:
                pool = list(range(len(stories)))
            rng.shuffle(pool)
            n = rng.choice([3, 4, 4, 5])
            chosen = [stories[pool.pop()] for _ in range(n)]
            chosen_photos = rng.sample(photos, rng.choice([0, 0, 1, 1, 2]))
            text, articles, number, date, section = render_page(
                layout, index, rng, chosen, chosen_photos, layout_year)
            day = "%04d-%02d-%02d" % date
            folder = os.path.join(out, layout, day)
            os.makedirs(folder, exist_ok=True)
            name = "%02d" % number
            with open(os.path.join(folder, name + ".txt"), "w") as f:
                f.write(text)
            gold = dict(source=name + ".txt", note=note % layout,
                        articles=articles)
            with open(os.path.join(folder, name + ".gold.json"), "w") as f:
                json.dump(gold, f, ensure_ascii=False, indent=1)
                f.write("\n")
            issue = dict(paper=paper[0], paper_code=paper[1], date=day,
                         sections={name: section})
            with open(os.path.join(folder, "issue.json"), "w") as f:
                json.dump(issue, f, ensure_ascii=False, indent=1)
                f.write("\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    render_all(out, STORIES, PHOTOS, PAGES_PER_LAYOUT,
               "Gold page of the fictional 桐江晚报 in the '%s' layout, "
               "rendered by corpus/gold/render.py from stories written for "
               "baoku.")


if __name__ == "__main__":
    main()
