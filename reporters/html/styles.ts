/**
 * The report's only stylesheet, inlined so report.html works offline and from a CI artifact. System fonts
 * only (no web font to fetch). Colours are chosen to stay readable when printed in greyscale.
 */
export const STYLES = `
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --panel: #f6f8fa;
  --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #cf222e; --fail-bg: #ffebe9;
  --skip: #9a6700; --skip-bg: #fff8c5; --info: #0969da; --info-bg: #ddf4ff;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; max-width: 1200px; padding: 24px 28px 64px; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
h1, h2, h3, h4 { line-height: 1.25; }
h2 { font-size: 19px; margin: 32px 0 12px; }
a { color: var(--info); }
code, pre { font-family: var(--mono); font-size: 13px; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }

.verdict { border-radius: 10px; padding: 20px 24px; border: 1px solid var(--line); border-left-width: 8px; }
.verdict h1 { font-size: 30px; margin: 2px 0 8px; }
.verdict .kicker { margin: 0; text-transform: uppercase; letter-spacing: .06em; font-size: 12px; color: var(--muted); }
.verdict .explain { margin: 0 0 6px; font-size: 16px; }
.verdict .notes { margin: 0; color: var(--muted); }
.v-ready { background: var(--pass-bg); border-color: var(--pass); }
.v-ready h1 { color: var(--pass); }
.v-not-ready { background: var(--fail-bg); border-color: var(--fail); }
.v-not-ready h1 { color: var(--fail); }
.v-inconclusive, .v-partial, .v-interrupted { background: var(--skip-bg); border-color: var(--skip); }
.v-inconclusive h1, .v-partial h1, .v-interrupted h1 { color: var(--skip); }

.meta dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 4px 32px; margin: 16px 0 20px; }
.meta dl > div { display: flex; gap: 12px; min-width: 0; }
.meta dl > div.wide { grid-column: 1 / -1; }
.meta dt { color: var(--muted); flex: 0 0 72px; }
.meta dd { margin: 0; overflow-wrap: anywhere; font-weight: 500; }

.tables { display: flex; flex-wrap: wrap; gap: 24px; }
table.counts { border-collapse: collapse; min-width: 320px; }
table.counts caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
table.counts th, table.counts td { padding: 4px 12px; border-bottom: 1px solid var(--line); text-align: right; }
table.counts th[scope=row] { text-align: left; font-weight: 500; }
table.counts thead th { font-size: 12px; color: var(--muted); font-weight: 600; }
td.n-pass { color: var(--pass); font-weight: 600; }
td.n-fail { color: var(--fail); font-weight: 700; }
td.n-skip { color: var(--skip); font-weight: 600; }
td.n-warn { color: var(--skip); font-weight: 700; }
td.zero { color: #afb8c1; }

.problems { border: 1px solid var(--line); border-radius: 8px; padding: 4px 18px 10px; margin-top: 18px; }
.problems h2 { font-size: 16px; margin: 10px 0 6px; }
.problems ul { margin: 0; padding-left: 20px; }
.problems li { margin: 4px 0; }
.problems .why { display: block; color: var(--muted); font-size: 13px; }
.p-blocking, .p-errors { border-color: var(--fail); background: #fffafa; }
.p-blocking h2, .p-errors h2 { color: var(--fail); }
.p-warnings, .p-known { border-color: #d4a72c; background: #fffdf0; }
.p-warnings h2, .p-known h2 { color: var(--skip); }

.filters { display: none; position: sticky; top: 0; z-index: 2; background: var(--bg); padding: 10px 0;
  border-bottom: 1px solid var(--line); flex-wrap: wrap; gap: 8px 20px; align-items: center; }
.js .filters { display: flex; }
.filters fieldset { border: 0; padding: 0; margin: 0; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.filters legend { float: left; font-weight: 600; margin-right: 4px; font-size: 13px; color: var(--muted); }
.filters label { font-size: 14px; white-space: nowrap; cursor: pointer; }
.filters select, .filters input[type=search] { font: inherit; font-size: 14px; padding: 3px 6px;
  border: 1px solid var(--line); border-radius: 6px; }
.filters input[type=search] { width: 240px; }
.filters button, .toolbar button { font: inherit; font-size: 13px; padding: 3px 10px; border: 1px solid var(--line);
  border-radius: 6px; background: var(--panel); cursor: pointer; }
.shown { color: var(--muted); font-size: 13px; margin-left: auto; }
.toolbar { display: none; gap: 8px; margin: 8px 0; }
.js .toolbar { display: flex; }

.area-group h3 { font-size: 16px; margin: 22px 0 8px; }
.area-group h3 .count { color: var(--muted); font-weight: 400; font-size: 13px; margin-left: 8px; }
.empty { color: var(--muted); font-style: italic; }

article.test { border: 1px solid var(--line); border-radius: 8px; margin: 6px 0; background: var(--bg); }
article.test.st-failed { border-left: 5px solid var(--fail); }
article.test.st-passed { border-left: 5px solid var(--pass); }
article.test.st-skipped { border-left: 5px solid #d4a72c; }
article.test.st-warning { border-left: 5px solid #d4a72c; }
article.test > details > summary { display: flex; gap: 10px; align-items: flex-start; padding: 8px 12px; cursor: pointer;
  list-style: none; }
article.test > details > summary::-webkit-details-marker { display: none; }
article.test > details > summary:hover { background: var(--panel); }
article.test > details[open] > summary { border-bottom: 1px solid var(--line); background: var(--panel); }
.mark { font-weight: 700; width: 1em; text-align: center; flex: none; }
.st-passed .mark { color: var(--pass); }
.st-failed .mark { color: var(--fail); }
.st-skipped .mark, .st-warning .mark { color: var(--skip); }
.title { flex: 1; min-width: 0; }
.title .name { font-weight: 500; overflow-wrap: anywhere; }
.title .why { display: block; font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
.st-failed .title .why { color: var(--fail); }
.tags { display: flex; gap: 6px; align-items: center; flex: none; }
.badge { font-size: 12px; padding: 1px 8px; border-radius: 999px; border: 1px solid var(--line); background: var(--panel); white-space: nowrap; }
/* Level colours apply to badges and table row labels only, so counts keep their pass/fail colours. */
.badge.lv-required, tr.lv-required th { color: var(--fail); }
.badge.baseline-new { color: var(--fail); font-weight: 600; }
.badge.baseline-known { color: var(--skip); }
.badge.lv-recommended, tr.lv-recommended th { color: var(--skip); }
.badge.lv-gallery, tr.lv-gallery th { color: var(--info); }
.badge.lv-validator, tr.lv-validator th { color: #8250df; }
.badge.lv-informational, tr.lv-informational th { color: var(--muted); }
.badge.lv-required { border-color: #ff8182; }
.badge.lv-recommended { border-color: #d4a72c; }
.badge.lv-gallery { border-color: #54aeff; }
.badge.lv-validator { border-color: #c297ff; }
tr.lv-row th { font-weight: 600; }
.dur { font-size: 12px; color: var(--muted); min-width: 56px; text-align: right; }

.test-body { padding: 8px 16px 14px 38px; }
.test-meta { color: var(--muted); font-size: 13px; margin: 4px 0 8px; overflow-wrap: anywhere; }
.message { font-weight: 600; margin: 6px 0 10px; overflow-wrap: anywhere; }
.kind { background: var(--skip-bg); padding: 4px 10px; border-radius: 6px; display: inline-block; margin: 4px 0; font-size: 14px; }
.compare { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin: 8px 0 12px; }
.compare pre { padding: 8px 10px; border-radius: 6px; border: 1px solid var(--line); }
pre.exp { background: var(--pass-bg); }
pre.act { background: var(--fail-bg); }
.fact { display: grid; grid-template-columns: 170px 1fr; gap: 12px; margin: 6px 0; }
.fact-k { color: var(--muted); font-size: 13px; font-weight: 600; }
.fact-v { overflow-wrap: anywhere; }
.fact.entra .fact-v { color: #953800; }
.fact.hint .fact-v { color: var(--pass); }
ul.spec { margin: 0; padding-left: 18px; }

.exchanges { margin-top: 12px; }
.exchange { border-top: 1px dashed var(--line); padding-top: 8px; margin-top: 10px; }
.exchange h4 { font-size: 13px; color: var(--muted); font-weight: 600; margin: 0 0 6px; }
.exchange.culprit h4 { color: var(--fail); }
.culprit-flag { background: var(--fail-bg); color: var(--fail); border-radius: 999px; padding: 0 8px; margin-left: 6px; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.msg { min-width: 0; }
.msg-label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; margin-bottom: 2px; }
pre.http { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px;
  max-height: 420px; overflow: auto; }
.hn { color: var(--muted); }
.rl { color: var(--fg); }
.rl.s2 { color: var(--pass); }
.rl.s3 { color: var(--info); }
.rl.s4, .rl.s5 { color: var(--fail); }
.note { font-size: 12px; color: var(--skip); margin: 4px 0 0; }
.noresp { color: var(--fail); font-weight: 600; margin: 4px 0; overflow-wrap: anywhere; }
.none { color: var(--muted); font-style: italic; }
.curl { margin-top: 8px; }
.curl-bar { display: flex; justify-content: space-between; align-items: center; font-size: 12px; color: var(--muted); }
.curl-bar button { font: inherit; font-size: 12px; padding: 1px 10px; border: 1px solid var(--line); border-radius: 6px;
  background: var(--bg); cursor: pointer; display: none; }
.js .curl-bar button { display: inline-block; }
pre.repro-script { max-height: 360px; overflow: auto; }
.repro p { margin: 4px 0; }
pre.curl-line { background: #24292f; color: #f6f8fa; border-radius: 6px; padding: 8px 10px; margin-top: 2px; }

.cleanup-counts { font-weight: 600; }
.left-warn { color: var(--fail); font-weight: 600; }
.left-ok { color: var(--pass); }
details.refs { margin: 6px 0; }
details.refs > summary { cursor: pointer; font-weight: 500; }
table.reftable { border-collapse: collapse; margin: 6px 0 6px 18px; font-size: 14px; }
table.reftable th, table.reftable td { border-bottom: 1px solid var(--line); padding: 3px 12px 3px 0; text-align: left; }
.offscreen { position: fixed; left: -9999px; top: 0; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); padding-top: 10px; }

@media (max-width: 820px) {
  body { padding: 14px; }
  .pair, .compare { grid-template-columns: 1fr; }
  .fact { grid-template-columns: 1fr; gap: 0; }
  article.test > details > summary { flex-wrap: wrap; }
  .test-body { padding-left: 14px; }
  /* Narrow screens: the count tables shrink to the width and scroll sideways rather than being clipped. */
  .tables { display: block; }
  table.counts { min-width: 0; width: 100%; display: block; overflow-x: auto; }
  table.counts th, table.counts td { padding: 4px 4px; font-size: 13px; }
  table.counts thead th { font-size: 11px; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 12px; }
  .filters, .js .filters, .toolbar, .js .toolbar, .curl-bar button { display: none !important; }
  .verdict, .problems, pre.http, pre.curl-line { break-inside: avoid; }
  pre.http { max-height: none; overflow: visible; }
  pre.curl-line { background: none; color: var(--fg); border: 1px solid var(--line); }
  article.test { break-inside: avoid-page; }
  article.test.st-failed details::details-content { content-visibility: visible; display: block; }
  a { color: var(--fg); }
}
`;
