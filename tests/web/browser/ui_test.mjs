// The web UI in headless Chromium: indexes corpus/samples plus one hostile
// article, starts baoku-serve on an ephemeral loopback port, then searches,
// narrows by a facet and a chart bar, opens an article and a reporter page,
// browses the calendar, checks the phone layout and that hostile text is
// shown as text; the advanced form, numbered pages and page sizes, empty
// periods in the chart, the examples of the help, the print view, the
// phone's 筛选 button and touch targets, Chinese messages for a too-long
// query and a lost connection, and that Chinese text is drawn with real
// glyphs (a CJK font is installed). Screenshots go to OUT_DIR for a person
// to look at.
//
// Usage: node ui_test.mjs BAOKU_INDEX BAOKU_SERVE SAMPLES_DIR OUT_DIR
// Exits non-zero on any failure, including when Chromium cannot start.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";

const [indexer, serve, samples, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node ui_test.mjs BAOKU_INDEX BAOKU_SERVE SAMPLES_DIR OUT_DIR");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), "baoku-ui-"));
const db = join(work, "db");

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

// The hostile article: markup and script URLs in every text field.
const hostile = {
  date: "2026-06-18", page: 9, paper: "云州日报", paper_code: "yzrb", section: "测试版",
  headline: "<script>window.__xss=1</script>恶意标题\"><img src=x onerror=\"window.__xss=2\">",
  kicker: "<img src=x onerror=window.__xss=3>",
  column: "javascript:window.__xss=4",
  reporters: ["<b>钱多多</b>"],
  paragraphs: ["正文含有<script>window.__xss=5</script>和\"><img src=x onerror=window.__xss=6>,还有 javascript:window.__xss=7 链接,试探注入。"],
};
// Articles with the topics an editor gave them (ids of corpus/topics.json).
const topical = [
  { date: "2025-06-11", page: 1, headline: "老旧小区加装电梯提速", reporters: ["张子珂"], column: "民生观察",
    topics: [{ id: "housing", score: 0.9 }], paragraphs: ["东关区今年计划为四十个老旧小区加装电梯,业主出资比例降低。"] },
  { date: "2026-06-18", page: 2, headline: "物业费公示上墙", reporters: ["张子珂", "王芳"], column: "民生观察",
    topics: [{ id: "housing", score: 0.7 }, { id: "transport", score: 0.3 }],
    paragraphs: ["南湖街道要求各小区物业每季度公示收支,业主可扫码查账。"] },
  // 2023, then nothing in 2024: the reporter's chart has an empty year.
  { date: "2023-06-10", page: 3, headline: "社区食堂开到家门口", reporters: ["张子珂"], column: "民生观察",
    paragraphs: ["西城区第一家社区食堂开业,老人凭卡就餐享受补贴。"] },
].map((a) => Object.assign({ paper: "云州日报", paper_code: "yzrb", section: "民生" }, a));
writeFileSync(join(work, "hostile.ndjson"), [hostile, ...topical].map((a) => JSON.stringify(a)).join("\n") + "\n");

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
}

run(indexer, ["--db", db, "--quiet", samples]);
// --topics none: the hand-made articles keep the topics they carry.
run(indexer, ["--db", db, "--quiet", "--topics", "none", join(work, "hostile.ndjson")]);

const server = spawn(serve, ["--db", db, "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "inherit"] });
const port = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("baoku-serve did not start")), 20000);
  createInterface({ input: server.stdout }).once("line", (line) => {
    clearTimeout(timer);
    const m = line.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
    m ? resolve(Number(m[1])) : reject(new Error("unexpected: " + line));
  });
});
const base = `http://127.0.0.1:${port}`;

let browser;
let page;
// What went wrong on the page (dialogs, script errors, failed requests).
const problems = [];
try {
  // A fresh profile (--user-data-dir) for every run.
  browser = await chromium.launchPersistentContext(join(work, "profile"), {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage();
  page.on("dialog", (d) => { problems.push("dialog: " + d.message()); d.dismiss(); });
  page.on("pageerror", (e) => problems.push("page error: " + e.message));
  // Failed requests are reported with their URL by the response handler.
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push("console: " + m.text());
  });
  const expectedErrors = [];
  const expectedStatus = [];
  page.on("response", (r) => {
    if (r.status() >= 400 && !expectedErrors.some((e) => r.url().includes(e)) && !expectedStatus.includes(r.status())) {
      problems.push(`HTTP ${r.status()}: ${r.url()}`);
    }
  });
  // Any request that leaves the server (an external resource) is a failure.
  page.on("request", (r) => { if (!r.url().startsWith(base)) problems.push("external request: " + r.url()); });
  // Generous: under ASan, beside other tests, a page can take many seconds.
  const ready = () => page.waitForSelector("body[data-ready]", { timeout: 45000 });
  const text = (sel) => page.locator(sel).first().innerText();

  // Home.
  await page.goto(base + "/");
  await ready();
  const home = await text("#view");
  // The 171 sample articles and the 4 above.
  check(home.includes("报库共收录 175 篇"), `home page counts the archive (${home.slice(0, 120)})`);

  // The page's Chinese is drawn with real glyphs, not missing-glyph boxes:
  // each character drawn in the page's font differs from the others and
  // from a code point no font has (the box every missing glyph shares).
  const glyphs = await page.evaluate(() => {
    const font = getComputedStyle(document.body).fontFamily;
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 48;
    const g = canvas.getContext("2d", { willReadFrequently: true });
    const draw = (ch) => {
      g.clearRect(0, 0, 48, 48);
      g.font = `32px ${font}`;
      g.fillText(ch, 4, 38);
      return Array.from(g.getImageData(0, 0, 48, 48).data).join(",");
    };
    const box = draw("\u{10FFFD}");
    const drawn = Array.from("报库检索记者栏目").map(draw);
    return { boxes: drawn.filter((d) => d === box).length, distinct: new Set(drawn).size, n: drawn.length };
  });
  check(glyphs.boxes === 0 && glyphs.distinct === glyphs.n,
    `Chinese text has real glyphs (${glyphs.distinct}/${glyphs.n} distinct, ${glyphs.boxes} boxes)`);

  // The help's examples come from the index and each finds something.
  await page.waitForSelector("body[data-examples]", { timeout: 10000 });
  const busiest = (await (await fetch(base + "/api/examples")).json()).reporters.value;
  check((await page.getAttribute("#q", "placeholder")).includes(`记者:${busiest}`),
    `the search box's hint names the busiest reporter (${busiest})`);
  const examples = await page.locator("#examples a.example").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  const emptyExamples = [];
  for (const ex of examples) {
    const r = await (await fetch(base + "/api" + ex)).json();
    if (!(r.total > 0)) emptyExamples.push(decodeURIComponent(ex));
  }
  check(examples.length >= 8 && emptyExamples.length === 0,
    `every one of ${examples.length} examples finds articles (${emptyExamples.join("; ")})`);
  await page.locator("#help summary").click();
  await page.screenshot({ path: join(outDir, "ui-help.png") });
  await page.locator("#examples a.example").first().click();
  await ready();
  check(/共找到 \d+ 篇/.test(await text(".toolbar .status")), "an example is a link that searches");
  await page.goto(base + "/");
  await ready();

  // Search: type, press Enter.
  await page.fill("#q", "民宿");
  await page.press("#q", "Enter");
  await ready();
  const status = await text(".toolbar .status");
  const total = Number((status.match(/共找到 (\d+) 篇/) || [])[1]);
  check(total > 1, `search 民宿 finds several articles (${status})`);
  check(page.url().includes("/search?q=%E6%B0%91%E5%AE%BF"), "the query is in the URL");
  check(await page.locator(".hit mark").count() > 0, "hits show highlighted matches");
  check(await page.locator(".hit .meta").first().innerText().then((t) => /2026-06-\d\d · 第\d+版/.test(t)),
    "hits show date and page");
  check(await page.locator(".chart .bars a").count() > 0, "the time chart has bars");
  await page.screenshot({ path: join(outDir, "ui-search.png"), fullPage: true });

  // Suggestions: traditional input finds the simplified name.
  await page.fill("#f-reporter", "鄭");
  await page.waitForFunction(() => document.querySelectorAll("datalist option").length > 0, null, { timeout: 5000 })
    .catch(() => {});
  const options = await page.locator("datalist option").evaluateAll((os) => os.map((o) => o.value));
  check(options.includes("郑可欣"), `the reporter box suggests 郑可欣 for 鄭 (${options.join(",")})`);
  await page.fill("#f-reporter", "");

  // The date range of the filter form.
  await page.fill("#f-from", "2026-06-10");
  await page.fill("#f-to", "2026-06-15");
  await page.locator("form.filters button[type=submit]").click();
  await ready();
  check(new URL(page.url()).searchParams.get("date") === "2026-06-10..2026-06-15", "the date range is in the URL");
  const ranged = Number(((await text(".toolbar .status")).match(/共找到 (\d+) 篇/) || [])[1]);
  const dates = await page.locator(".hit .meta a[href^='/issue']").allInnerTexts();
  check(ranged === 2 && dates.every((d) => d >= "2026-06-10" && d <= "2026-06-15"),
    `the date range narrows the search (${ranged}: ${dates.join(" ")})`);
  await page.goBack();
  await ready();

  // Narrow by the first reporter facet.
  const facet = page.locator(".facets section", { hasText: "记者" }).locator("a").first();
  const reporter = (await facet.innerText()).trim();
  await facet.click();
  await ready();
  const narrowed = Number(((await text(".toolbar .status")).match(/共找到 (\d+) 篇/) || [])[1]);
  check(narrowed > 0 && narrowed <= total, `facet 记者 ${reporter} narrows ${total} → ${narrowed}`);
  check(new URL(page.url()).searchParams.getAll("reporter").includes(reporter), "the facet is in the URL");
  check((await text(".active-filters")).includes(`记者:${reporter}`), "the active filter is shown as a chip");
  const hitsReporters = await page.locator(".hit .meta").allInnerTexts();
  check(hitsReporters.every((t) => t.includes(reporter)), "every hit is by that reporter");

  // Back restores the unfiltered search.
  await page.goBack();
  await ready();
  check((await text(".toolbar .status")).includes(`共找到 ${total} 篇`), "the back button restores the search");
  await page.goForward();
  await ready();

  // A chart bar narrows the dates.
  await page.locator(".chart .bars a").first().click();
  await ready();
  check(new URL(page.url()).searchParams.get("date") !== null, "a chart bar sets the date filter");

  // Open the first hit.
  await page.goto(base + "/search?q=" + encodeURIComponent("镇边堡村"));
  await ready();
  await page.locator(".hit a.title").first().click();
  await ready();
  check(page.url().includes("/article?id=yzrb-20260609-02-06"), "the article has its own URL");
  check((await text(".printed h2")) === "长城脚下古堡村 民宿经济“热”起来", "the article shows its headline");
  check(await page.locator(".printed mark").count() === 3, "the query is highlighted wherever it occurs in the article");
  check((await page.inputValue("#citation")) === "高原. 长城脚下古堡村 民宿经济“热”起来[N]. 云州日报, 2026-06-09(2).",
    "the citation is GB/T 7714: author, headline, paper, date and page");
  check(await page.locator(".article-side section", { hasText: "同版文章" }).locator("li").count() > 0,
    "the other articles of the page are listed");
  check(await page.locator(".article-side section", { hasText: "关键词" }).locator("a").count() > 0,
    "keywords are listed");
  await page.screenshot({ path: join(outDir, "ui-article.png"), fullPage: true });

  // The reporter page from the byline link.
  await page.locator(".printed a[href^='/reporter']").first().click();
  await ready();
  check((await text("#view h2")) === "记者:高原", "the reporter page opens from the article");
  check((await text("#view")).includes("每年发稿量") && (await text("#view")).includes("共 12 篇"),
    "the reporter page counts the articles per year");
  await page.screenshot({ path: join(outDir, "ui-reporter.png"), fullPage: true });

  // Topics: the list with counts, a topic's page.
  await page.locator("#nav a", { hasText: "主题" }).click();
  await ready();
  check(/住房与物业\s*\d+ 篇/.test(await text(".topic-grid")),
    "the topics page lists every topic with its count");
  await page.locator(".topic-grid a.title", { hasText: "住房与物业" }).click();
  await ready();
  check((await text("#view h2")) === "主题:住房与物业", "a topic opens its page");
  const topicText = await text("#view");
  check(topicText.includes("物业费公示上墙"),
    "the topic page lists its articles");
  check((await page.locator("section", { hasText: "主要记者" }).innerText()).includes("张子珂"),
    "the topic page lists its reporters");
  await page.screenshot({ path: join(outDir, "ui-topic.png"), fullPage: true });

  // Calendar → issue → page.
  await page.locator("#nav a", { hasText: "日历" }).click();
  await ready();
  check((await text("#view h2")) === "2026年6月", "the calendar opens on the latest month");
  await page.screenshot({ path: join(outDir, "ui-calendar.png") });
  await page.locator(".calendar a", { hasText: "11" }).click();
  await ready();
  check((await text("#view h2")).includes("2026-06-11"), "a calendar day opens the issue");
  await page.screenshot({ path: join(outDir, "ui-issue.png") });
  await page.locator(".issue-page h3 a").first().click();
  await ready();
  check((await text("#view h2")).startsWith("2026-06-11 第1版"), "an issue's page lists its articles");

  // Hostile text is shown as text: no script ran, no element was injected.
  await page.goto(base + "/search?q=" + encodeURIComponent("试探注入"));
  await ready();
  check((await text(".hit a.title")).includes("<script>window.__xss=1</script>恶意标题"),
    "a hostile headline is shown as text in the results");
  await page.locator(".hit a.title").first().click();
  await ready();
  check((await text(".printed h2")).includes("<script>"), "a hostile headline is shown as text in the article");
  check((await text(".printed")).includes("javascript:window.__xss=7"), "a javascript: URL stays text");
  expectedErrors.push("/api/column?");  // The hostile column may be unknown.
  await page.goto(base + "/column?name=" + encodeURIComponent(hostile.column));
  await ready();
  await page.goto(base + "/reporter?name=" + encodeURIComponent(hostile.reporters[0]));
  await ready();
  check(await page.evaluate(() => window.__xss === undefined), "no injected script ran");
  check(await page.evaluate(() => document.querySelectorAll("#view img, #view script, #view b").length === 0),
    "no element was injected");

  // The advanced form writes the query language into the search box.
  await page.goto(base + "/");
  await ready();
  await page.locator("#advanced summary").click();
  await page.fill("#adv-all", "民宿");
  await page.fill("#adv-none", "停车");
  await page.fill("#adv-reporter", "高原");
  await page.fill("#adv-from", "2026-06-01");
  await page.fill("#adv-to", "2026-06-30");
  const written = "民宿 -停车 记者:高原 日期:2026-06-01..2026-06-30";
  check(await page.inputValue("#q") === written, `the form writes ${written} (${await page.inputValue("#q")})`);
  await page.fill("#adv-near-a", "维修资金");
  await page.fill("#adv-near-b", "追缴");
  await page.fill("#adv-near-n", "30");
  check((await page.inputValue("#q")).includes("维修资金 NEAR/30 追缴"), "proximity is written as A NEAR/n B");
  await page.fill("#adv-near-a", "");
  await page.check("#adv-title");
  check((await page.inputValue("#q")).startsWith("标题:民宿 -标题:停车"), "标题 only puts the words in title:");
  await page.uncheck("#adv-title");
  await page.selectOption("#adv-kind", "news");
  check((await page.inputValue("#q")).endsWith("类型:消息 日期:2026-06-01..2026-06-30"), "the kind is written by its label");
  await page.selectOption("#adv-kind", "");
  await page.screenshot({ path: join(outDir, "ui-advanced.png") });
  await page.locator("#adv-form button[type=submit]").click();
  await ready();
  check(new URL(page.url()).searchParams.get("q") === written, "the advanced search is the query in the URL");
  const advHits = await page.locator(".hit .meta").allInnerTexts();
  check(advHits.length > 0 && advHits.every((t) => t.includes("高原")), `the advanced search finds 高原's articles (${advHits.length})`);

  // Numbered pages, the page size, an offset past the end.
  const all = "日期:2026-06";
  await page.goto(base + "/search?q=" + encodeURIComponent(all));
  await ready();
  const allTotal = Number(((await text(".toolbar .status")).match(/共找到 (\d+) 篇/) || [])[1]);
  const pages10 = Math.ceil(allTotal / 10);
  check(await page.locator(".pager a.page-number", { hasText: /^3$/ }).count() === 1, "the pager has numbered pages");
  await page.locator(".pager a.page-number", { hasText: /^3$/ }).click();
  await ready();
  check(new URL(page.url()).searchParams.get("offset") === "20" &&
    (await text(".pager")).includes(`第 3 / ${pages10} 页`), "page 3 starts at hit 21");
  check(await page.locator(".hits").getAttribute("start") === "21", "the hits are numbered from 21");
  await page.selectOption("#page-size", "50");
  await ready();
  check(new URL(page.url()).searchParams.get("limit") === "50" && await page.locator(".hit").count() === 50,
    "50 hits a page");
  await page.locator(".pager").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outDir, "ui-paging.png") });
  await page.goto(base + "/search?limit=20&offset=1990&q=" + encodeURIComponent(all));
  await ready();
  const lastPage = Math.ceil(allTotal / 20);
  check((await text(".pager")).includes(`第 ${lastPage} / ${lastPage} 页`) &&
    new URL(page.url()).searchParams.get("offset") === String((lastPage - 1) * 20) &&
    await page.locator(".hit").count() === allTotal - (lastPage - 1) * 20,
    `an offset past the end shows the last page (${(await text(".pager")).split("\n").find((l) => l.startsWith("第"))})`);

  // Empty periods are zero bars: 张子珂 wrote in 2023, 2025 and 2026.
  await page.goto(base + "/search?q=" + encodeURIComponent("记者:张子珂"));
  await ready();
  const years = await page.locator(".chart .bars > *").evaluateAll((bars) =>
    bars.map((b) => `${b.getAttribute("title")}|${b.tagName}|${b.querySelector(".bar").getBoundingClientRect().height}`));
  check(years.length === 4 && years[1].startsWith("2024:0 篇|SPAN|0"),
    `the chart shows 2024 as an empty year (${years.join(", ")})`);
  await page.locator(".chart").screenshot({ path: join(outDir, "ui-chart.png") });
  await page.goto(base + "/reporter?name=" + encodeURIComponent("张子珂"));
  await ready();
  check(await page.locator(".chart .bars > .empty").count() === 1, "the reporter's yearly chart has the empty year too");
  await page.goto(base + "/search?q=" + encodeURIComponent(all));
  await ready();
  const days = await page.locator(".chart .bars > *").evaluateAll((bars) => bars.map((b) => b.getAttribute("title")));
  const dayKeys = days.map((t) => t.slice(0, 10));
  const consecutive = dayKeys.every((k, i) => i === 0 ||
    (Date.parse(k) - Date.parse(dayKeys[i - 1])) === 86400000);
  check(days.length > 1 && consecutive, `the day chart has every day from first to last (${days.length} bars)`);

  // An article from a search: back, previous and next hit, the tab title.
  await page.goto(base + "/search?q=" + encodeURIComponent("民宿"));
  await ready();
  const firstTitles = await page.locator(".hit a.title").allInnerTexts();
  await page.locator(".hit a.title").nth(1).click();
  await ready();
  check((await text(".hit-nav")).includes("第 2 /"), "the article knows its place in the results");
  check((await page.title()) === `${firstTitles[1]} · 报库`, `the tab title is the article's (${await page.title()})`);
  await page.locator(".hit-nav a.next").click();
  await ready();
  check((await page.title()) === `${firstTitles[2]} · 报库`, "下一篇 opens the next hit");
  await page.locator(".hit-nav a.prev").click();
  await ready();
  check((await page.title()) === `${firstTitles[1]} · 报库`, "上一篇 opens the previous hit");
  await page.locator(".hit-nav a.back").click();
  await ready();
  check(new URL(page.url()).searchParams.get("q") === "民宿" && await page.locator(".hit").count() > 0,
    "返回检索结果 goes back to the results");

  // 下一篇 from the last hit of a page opens the first of the next page.
  await page.goto(base + "/search?q=" + encodeURIComponent(all));
  await ready();
  await page.locator(".hit a.title").nth(9).click();
  await ready();
  await page.waitForSelector(".hit-nav a.next", { timeout: 5000 }).catch(() => {});
  await page.locator(".hit-nav a.next").click();
  await ready();
  check((await text(".hit-nav")).includes(`第 11 / ${allTotal} 篇`), "下一篇 crosses to the next page of results");
  await page.locator(".hit-nav a.back").click();
  await ready();
  check(new URL(page.url()).searchParams.get("offset") === "10", "返回检索结果 then shows that page");

  // Print: the article, byline, date, page and citation only.
  await page.goto(base + "/article?id=yzrb-20260609-02-06");
  await ready();
  check(await page.locator("#print").isVisible(), "the article has a 打印 button");
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => {
    const shown = (sel) => [...document.querySelectorAll(sel)].some((n) => n.getClientRects().length > 0);
    return { header: shown("header"), side: shown(".article-side"), tools: shown(".article-tools"),
      footer: shown("footer"), body: shown(".printed p.body"), cite: shown(".cite-text"),
      citeText: document.querySelector(".cite-text").innerText };
  });
  check(!printed.header && !printed.side && !printed.tools && !printed.footer,
    "print hides the header, navigation, side bar and buttons");
  check(printed.body && printed.cite && printed.citeText.includes("[N]. 云州日报, 2026-06-09(2)."),
    "print shows the text and the full citation");
  await page.screenshot({ path: join(outDir, "ui-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });

  // 往年今日 starts from the newest issue, not the server's clock.
  const calendar = await (await fetch(base + "/api/calendar")).json();
  await page.locator("#nav a", { hasText: "往年今日" }).click();
  await ready();
  check(await page.inputValue("#otd-date") === calendar.last, `往年今日 opens on the newest issue (${calendar.last})`);

  // A query of 960 characters (8,640 bytes encoded, past httplib's 8 KB
  // request line) is searched; a 414 (from a proxy with a shorter limit) and
  // a query over 1,000 characters get Chinese messages; so does a lost
  // connection.
  await page.fill("#q", "维修资金".repeat(240));
  await page.press("#q", "Enter");
  await ready();
  const long = await text("#view");
  check(!long.includes("检索词过长") && !long.includes("出错"), `a 960-character query is searched (${long.slice(0, 60)})`);
  expectedStatus.push(414);
  await page.route("**/api/search?*", (route) => route.fulfill({ status: 414, contentType: "text/plain", body: "URI Too Long" }));
  await page.fill("#q", "维修资金".repeat(200));
  await page.press("#q", "Enter");
  await ready();
  check((await text("#view")).includes("检索词过长"), `a 414 is explained in Chinese (${await text(".status")})`);
  await page.unroute("**/api/search?*");
  await page.fill("#q", "物".repeat(1200));
  await page.press("#q", "Enter");
  await ready();
  check((await text("#view")).includes("检索词过长:共 1200 字"), "a query over 1,000 characters is explained in Chinese");
  await page.route("**/api/search?*", (route) => route.abort());
  await page.fill("#q", "民宿");
  await page.press("#q", "Enter");
  await ready();
  const offline = await text("#view");
  check(offline.includes("无法连接服务器") && !offline.includes("Failed to fetch"), "a lost connection says 无法连接服务器");
  await page.unroute("**/api/search?*");

  // Phone width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(base + "/search?q=" + encodeURIComponent("民宿"));
  await ready();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `no horizontal scrolling at phone width (overflow ${overflow}px)`);
  await page.screenshot({ path: join(outDir, "ui-phone.png"), fullPage: false });
  // The facets wait behind 筛选 and open above the hits.
  check(await page.locator("#facets-toggle").isVisible() && !(await page.locator(".facets").isVisible()),
    "on a phone the facets are behind a 筛选 button");
  await page.locator("#facets-toggle").click();
  const facetTop = (await page.locator(".facets").boundingBox()).y;
  const hitTop = (await page.locator(".hit").first().boundingBox()).y;
  check(await page.locator(".facets").isVisible() && facetTop < hitTop, "筛选 opens the facets above the hits");
  const small = await page.evaluate(() => {
    const sel = "#nav a, .facets a, .pager a, .pager select, button, select, #q, summary, .chip, a.title";
    return [...document.querySelectorAll(sel)].filter((n) => n.getClientRects().length > 0)
      .map((n) => [n.textContent.trim().slice(0, 8) || n.id || n.tagName, n.getBoundingClientRect().height])
      .filter(([, h]) => h < 40);
  });
  check(small.length === 0, `touch targets are at least 40 px high (${small.map(([t, h]) => `${t}:${Math.round(h)}`).join(", ")})`);
  await page.screenshot({ path: join(outDir, "ui-phone-facets.png"), fullPage: false });
  await page.locator(".hit a.title").first().click();
  await ready();
  const articleOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(articleOverflow <= 0, `an article fits the phone width (overflow ${articleOverflow}px)`);
  await page.screenshot({ path: join(outDir, "ui-phone-article.png"), fullPage: false });

  // Saved searches, 只看本报 and a correction (docs/ALERTS.md).
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(base + "/search?q=" + encodeURIComponent("足球"));
  await ready();
  await page.locator(".alerts-toolbar a.chip", { hasText: "只看本报" }).click();
  await ready();
  check(page.url().includes("source=" + encodeURIComponent("本报")), "只看本报 adds the source filter");
  await page.screenshot({ path: join(outDir, "ui-source.png") });
  await page.fill(".save-search input[name=name]", "本报足球");
  await page.locator(".save-search button[type=submit]").click();
  await page.waitForSelector(".save-search [data-saved]", { timeout: 5000 });
  await page.locator("#nav a", { hasText: "保存的检索" }).click();
  await ready();
  check((await text(".saved-list li")).includes("本报足球"), "the saved search is listed");
  check((await text(".saved-list .new-count")).includes("新增"), "it shows what the latest issue brought");
  await page.screenshot({ path: join(outDir, "ui-saved.png") });
  await page.goto(base + "/search?q=" + encodeURIComponent("标题:前5个月全市外贸进出口总值"));
  await ready();
  await page.locator(".hit a.title").first().click();
  await ready();
  check((await text("aside.correction")).includes("此文有更正"), "a corrected article shows 此文有更正");
  await page.screenshot({ path: join(outDir, "ui-correction.png") });

  // Keyboard: the first Tab lands on the skip link, Enter in the box submits.
  await page.goto(base + "/");
  await ready();
  await page.keyboard.press("Tab");
  check(await page.evaluate(() => document.activeElement.className === "skip"), "Tab reaches the skip link first");

  // Filters: echoed by the API as chips (a topic by its name) with 清除筛选;
  // a new query starts afresh unless 保留筛选 is ticked; 0 hits with filters
  // offer the same words without them.
  await page.goto(base + "/search?q=" + encodeURIComponent("物业") + "&topic=housing&reporter=" + encodeURIComponent("张子珂"));
  await ready();
  const chipsText = await text(".active-filters");
  check(chipsText.includes("主题:住房与物业") && chipsText.includes("记者:张子珂") && chipsText.includes("清除筛选"),
    `the filters are chips, the topic by its name, with 清除筛选 (${chipsText})`);
  check(await page.locator("#keep-filters-label").isVisible(), "保留筛选 is offered while filters are active");
  await page.screenshot({ path: join(outDir, "ui-filters.png") });
  await page.fill("#q", "电梯");
  await page.press("#q", "Enter");
  await ready();
  let params = new URL(page.url()).searchParams;
  check(params.get("q") === "电梯" && !params.has("topic") && !params.has("reporter"),
    `a new query drops the filters (${page.url()})`);
  check(!(await page.locator("#keep-filters-label").isVisible()), "保留筛选 is hidden without filters");
  await page.goBack();
  await ready();
  await page.locator("#keep-filters").check();
  await page.fill("#q", "电梯");
  await page.press("#q", "Enter");
  await ready();
  params = new URL(page.url()).searchParams;
  check(params.get("q") === "电梯" && params.get("topic") === "housing" && params.get("reporter") === "张子珂",
    `保留筛选 keeps them (${page.url()})`);
  await page.locator(".active-filters a.clear-filters").click();
  await ready();
  params = new URL(page.url()).searchParams;
  check(params.get("q") === "电梯" && !params.has("topic") && !params.has("reporter"), "清除筛选 drops every filter");
  await page.goto(base + "/search?q=" + encodeURIComponent("民宿") + "&page=99");
  await ready();
  check(await page.locator("a.without-filters").isVisible(), "0 hits with filters offer the words without them");
  await page.locator("a.without-filters").click();
  await ready();
  params = new URL(page.url()).searchParams;
  check(params.get("q") === "民宿" && !params.has("page") && /共找到 \d+ 篇/.test(await text(".toolbar .status")),
    "that link searches the same words without filters");
  // Printing a search leaves the navigation, facets and filters out.
  await page.emulateMedia({ media: "print" });
  const printedSearch = await page.evaluate(() => ["#nav", ".facets", ".filter-bar", ".pager"].filter((sel) =>
    [...document.querySelectorAll(sel)].some((n) => n.getClientRects().length > 0)));
  check(printedSearch.length === 0, `print hides the navigation and facets of a search (${printedSearch.join(",")})`);
  await page.emulateMedia({ media: "screen" });

  // The reporters page filters on the server, folded as search is.
  await page.goto(base + "/reporters");
  await ready();
  await page.fill("#reporter-filter", "鄭");
  await page.waitForFunction(() => document.querySelector("ul.counts").dataset.filter === "鄭", null, { timeout: 5000 })
    .catch(() => {});
  const folded = await page.locator("ul.counts li a").allInnerTexts();
  check(folded.includes("郑可欣") && folded.every((n) => n.includes("郑")), `鄭 finds 郑可欣 on the reporters page (${folded.join(",")})`);
  await page.screenshot({ path: join(outDir, "ui-reporters-filter.png") });
  // Topics with no article are not listed.
  await page.goto(base + "/topics");
  await ready();
  check(!/(^|\D)0 篇/.test(await text(".topic-grid")), "the topics page lists no topic without articles");

  // 头版头条 (docs/SEARCH.md): the 版位 facet, the badges and the prior as a sort.
  await page.goto(base + "/search?q=" + encodeURIComponent("管网"));
  await ready();
  check((await text(".facets")).includes("版位"), "the 版位 facet is listed");
  await page.selectOption("#sort", "prominence");
  await ready();
  check(new URL(page.url()).searchParams.get("sort") === "prominence", "突出头版头条 sorts with the prior");
  check((await text(".hit")).includes("头条"), "the first hit under the prior is a lead story, badged 头条");
  await page.screenshot({ path: join(outDir, "ui-prominence.png") });

  // 为什么匹配 (why.js): a traditional query and a partial reporter's name.
  await page.goto(base + "/search?q=" + encodeURIComponent("物業費公示 记者:子珂"));
  await ready();
  const whyHit = page.locator(".hit", { hasText: "物业费公示上墙" }).first();
  await whyHit.locator("details.why summary").click();
  const why = (await whyHit.locator("details.why").innerText()).replace(/[ \t]+/g, " ");
  check(/标题 物业费公示 繁简转换/.test(why) && /记者 张子珂 部分姓名/.test(why),
    `为什么匹配 names the title's folding and the partial name (${why.replace(/\n/g, " | ")})`);
  await whyHit.screenshot({ path: join(outDir, "ui-why.png") });

  // Reprints (docs/ALERTS.md): a story printed twice, the second time
  // abridged, is one hit whose note links to the whole group.
  const tea = ["桐柏山下的茶农今年采用无人机巡园,病虫害发现得早了,打药次数减少一半,春茶产量比去年增加两成。",
    "合作社统一收购鲜叶,按品质分级定价,最好的一级芽叶每斤收购价达到一百二十元,茶农收入明显提高。",
    "镇里还请来省农科院的专家,手把手教大家修剪茶树、科学施肥,准备把茶园建成生态观光点。"];
  const reprints = [
    { date: "2026-06-19", page: 5, headline: "无人机巡园 春茶增产两成", paragraphs: tea },
    { date: "2026-06-20", page: 6, headline: "桐柏山春茶增产(转载)", paragraphs: tea.slice(0, 2) },
  ].map((a) => Object.assign({ paper: "云州日报", paper_code: "yzrb", section: "农村" }, a));
  writeFileSync(join(work, "reprints.ndjson"), reprints.map((a) => JSON.stringify(a)).join("\n") + "\n");
  run(indexer, ["--db", db, "--quiet", join(work, "reprints.ndjson")]);
  await page.goto(base + "/search?q=" + encodeURIComponent("无人机巡园"));
  await ready();
  check((await page.locator(".hit").count()) === 1, "a reprint pair is one hit");
  check((await text(".hit .similar a")).includes("另有 1 篇相同或相近报道"), "the hit links 另有 1 篇相同或相近报道");
  await page.screenshot({ path: join(outDir, "ui-reprints.png") });
  await page.locator(".hit .similar a").click();
  await ready();
  check(page.url().includes("group=") && (await page.locator(".hit").count()) === 2,
    "the note's link lists both articles of the group");

  // The export's row limit is stated beside its links.
  await page.goto(base + "/search?q=" + encodeURIComponent("日期:2026-06"));
  await ready();
  const rowLimit = (await page.request.get(base + "/api/export?format=csv&q=" + encodeURIComponent("民宿")))
    .headers()["x-baoku-row-limit"];
  check(rowLimit && (await text(".export")).includes(`最多 ${rowLimit} 篇`),
    `the export states the server's row limit, ${rowLimit} (${await text(".export")})`);

  // Partial names say which names they were searched as; a name no article
  // has offers close ones (是不是要找), each a search.
  await page.goto(base + "/search?q=" + encodeURIComponent("记者:王晓"));
  await ready();
  check((await text(".names-note")).includes("记者“王晓”按 王晓峰 查找"),
    `a partial reporter's name says which name was used (${await text(".names-note")})`);
  await page.goto(base + "/search?q=" + encodeURIComponent("记者:王小峰"));
  await ready();
  check((await text(".names-note")).includes("是不是要找"), "a name no article has offers close names");
  await page.locator(".names-note a.suggestion", { hasText: "王晓峰" }).click();
  await ready();
  check(new URL(page.url()).searchParams.get("q") === "记者:王晓峰" && await page.locator(".hit").count() > 0,
    "a suggested name searches with it");

  check(problems.length === 0, "no dialogs, page errors or external requests" +
    (problems.length ? ": " + problems.join("; ") : ""));
} catch (err) {
  console.log("FAIL " + (err.stack || err));
  if (problems.length) console.log("problems before it: " + problems.join("; "));
  if (page) console.log("at " + page.url());
  failures++;
} finally {
  if (browser) await browser.close();
  server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
console.log(failures ? `${failures} check(s) failed` : "all checks passed");
process.exit(failures ? 1 : 0);
