"""The style sheet of the HTML report (core/report/html.py), inlined into every report.

One file that works offline: system fonts only, no images, no scripts. Colour always
comes with a symbol or a word, so a black-and-white printout reads the same.

Names wrap between words only, never inside one ("Economic", not "Economi c"): tables
are laid out by content, with fixed widths for the narrow columns, so a column is never
narrower than its longest name and the text column takes the rest of the width; only
file names and over-long tokens in running text break where they must. Printing fits
A4 and Letter portrait alike (the paper is the one chosen when printing): headings stay
with what follows them, table rows and fact cards are not split across pages, and the
matrix header repeats on every page. A narrow window (a phone, a side-by-side window)
reflows the tables instead of scrolling the page sideways.
"""

REPORT_CSS = """
:root {
  --ink: #1d232b; --muted: #5b6572; --line: #d5dae1; --soft: #f4f6f9;
  --accent: #1f5fa8; --agreed: #1e7a3c; --disputed: #b3261e; --unverified: #8a5a00;
  --mark: #ffe08a;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue",
    Arial, sans-serif;
}
main { max-width: 1240px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 4px; }
h2 {
  font-size: 19px; margin: 36px 0 6px; padding-bottom: 4px; border-bottom: 2px solid var(--ink);
}
h3 { font-size: 16px; margin: 22px 0 6px; }
p.lead { color: var(--muted); margin: 0 0 12px; }
p.empty { color: var(--muted); font-style: italic; }
a { color: var(--accent); }
.meta { color: var(--muted); margin: 0 0 18px; }
.counts { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0 20px; padding: 0; }
.counts li {
  list-style: none; min-width: 120px; padding: 8px 14px; border: 1px solid var(--line);
  border-radius: 6px; background: var(--soft);
}
.counts b { display: block; font-size: 22px; line-height: 1.2; }
.counts span { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; table-layout: auto; }
th, td {
  text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line);
  overflow-wrap: break-word;
}
/* Names break between words only: no mid-word breaks, no automatic hyphens. */
th, td.who, td b, .by, .card h3 {
  overflow-wrap: normal; word-break: normal; hyphens: manual;
}
thead th { background: var(--soft); font-size: 13px; border-bottom: 1px solid #aab2bd; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.file {
  font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 12.5px;
  overflow-wrap: break-word;  /* after hyphens; inside a name only if wider than its column */
}
/* The sources: the file and the address on a line under the headline; a muted dash in
   the Published and By columns where a file does not say. */
table.sources td.headline .where {
  display: block; margin-top: 1px; font-size: 12px; color: var(--muted); overflow-wrap: anywhere;
}
table.sources td.headline .where .file { font-size: 11.5px; }
table.sources td.headline a.address { color: var(--accent); }
table.sources td.published { font-variant-numeric: tabular-nums; }
table.sources td.published .whole { white-space: nowrap; }
.none { color: var(--muted); }
.legend { color: var(--muted); font-size: 13px; margin: 0 0 8px; }
.legend .item { margin-right: 18px; white-space: nowrap; }
.legend .dot { font-size: 15px; }
/* Laid out by content: a width is the least a column gets, and a source column grows to
   its longest word; the fact column, the only one without a width, takes the rest. */
table.matrix { table-layout: auto; font-size: 13.5px; }
table.matrix th.src { width: 7.2em; text-align: center; font-size: 12px; line-height: 1.25; }
table.matrix td:nth-child(2) { overflow-wrap: anywhere; }  /* only tokens wider than it */
table.matrix thead th { vertical-align: bottom; }
table.matrix th.n { width: 2.6em; }
table.matrix th.cov { width: 5.2em; }
table.matrix th.st { width: 8.5em; }
table.matrix td:last-child { white-space: nowrap; }  /* the status, never cut */
table.matrix td.n a { color: var(--accent); text-decoration-style: dotted; }
/* Many sources: narrow columns with their names written upwards. */
table.matrix.many th.src {
  width: 2.4em; padding: 6px 2px; vertical-align: bottom; white-space: nowrap;
  writing-mode: vertical-rl; transform: rotate(180deg); text-align: left;
}
table.matrix.many .cell .v { font-size: 10px; }
table.matrix td.cell { text-align: center; border-left: 1px solid #eceff3; }
table.matrix tbody tr:nth-child(even) { background: #fafbfc; }
.dot { font-size: 17px; line-height: 1; }
.yes .dot, .legend .yes { color: var(--accent); }
.no .dot, .legend .no { color: #9aa3ae; }
.legend .ne { color: var(--disputed); font-weight: 700; }
.cell .v {
  display: block; margin-top: 2px; font-size: 11.5px; line-height: 1.2; color: var(--disputed);
  font-weight: 600;
}
.by { color: var(--muted); font-size: 12px; font-weight: normal; }
.status { display: inline-block; font-size: 12px; font-weight: 600; white-space: nowrap; }
.status.agreed { color: var(--agreed); }
.status.disputed { color: var(--disputed); }
.status.unverified { color: var(--unverified); }
.flag { display: block; font-size: 12px; color: var(--disputed); white-space: nowrap; }
.noted { display: block; font-size: 12px; color: var(--muted); white-space: nowrap; }
.card {
  border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px;
  padding: 10px 14px 12px; margin: 12px 0;
}
.card.disputed { border-left-color: var(--disputed); }
.card.agreed { border-left-color: var(--agreed); }
.card.unverified { border-left-color: var(--unverified); }
.card.differs { border-left-color: #d9822b; }
.card h3 { margin: 0 0 6px; font-size: 15px; }
.card h3 .status { margin-left: 8px; }
.card h3 .cov { color: var(--muted); font-weight: normal; font-size: 13px; margin-left: 8px; }
ul.why { margin: 4px 0 8px; padding-left: 20px; }
ul.why li { margin: 2px 0; }
table.wordings td { border-bottom: 1px dashed var(--line); }
table.wordings tr:last-child td { border-bottom: 0; }
table.wordings td.who { width: 15em; font-weight: 600; font-size: 13.5px; }
table.wordings td.who .file { display: block; font-weight: normal; color: var(--muted); }
mark {
  background: var(--mark); color: inherit; padding: 0 2px; border-radius: 2px; font-weight: 600;
}
.sep { color: var(--muted); padding: 0 4px; }
blockquote.note {
  margin: 8px 0 0; padding: 6px 10px; background: var(--soft); border-left: 3px solid var(--accent);
  white-space: pre-wrap;
}
blockquote.note::before { content: "Note: "; font-weight: 600; }
.extra { color: var(--muted); font-size: 13px; margin: 6px 0 0; }
ol.exclusive { margin: 4px 0 0; padding-left: 22px; }
ol.exclusive li { margin: 3px 0; }
/* The timeline: one row per source, a dot at each time of publication, a band over each
   day given without a time; positions are set per mark (left, width) on the row's track. */
table.timeline { font-size: 13.5px; margin-bottom: 10px; }
table.timeline td.who { width: 13em; font-weight: 600; }
table.timeline th.num, table.timeline td.num { width: 7.5em; }
table.timeline th.axis, table.timeline td.track { padding: 0; }
/* The lane is the axis itself, inset so marks and labels at its ends stay in the cell. */
table.timeline .lane { position: relative; margin: 0 28px; height: 26px; }
table.timeline th.axis .lane { height: 2.2em; }
table.timeline .tick {
  position: absolute; bottom: 4px; text-align: center; white-space: nowrap;
  font-weight: normal; color: var(--muted); font-size: 12px;
}
table.timeline .tick.start { left: 0; }
table.timeline .tick.end { right: 0; }
table.timeline .divider {
  position: absolute; top: 0; bottom: 0; border-left: 1px dashed var(--line);
}
table.timeline td.track .lane {
  background: linear-gradient(var(--line), var(--line)) no-repeat 0 50% / 100% 1px;
}
table.timeline td.track.none {
  color: var(--muted); font-style: italic; font-size: 12.5px; padding: 4px 28px;
}
table.timeline .mark { position: absolute; top: 50%; }
table.timeline .mark.time {
  width: 12px; height: 12px; margin: -6px 0 0 -6px; border-radius: 50%;
  background: var(--accent); border: 2px solid #fff; box-shadow: 0 0 0 1px var(--accent);
}
table.timeline .mark.day {
  height: 10px; min-width: 8px; margin-top: -5px; border-radius: 3px;
  background: rgba(31, 95, 168, 0.35); border: 1px solid var(--accent);
}
ol.first-reports { margin: 4px 0 0; padding-left: 0; list-style: none; font-size: 13.5px; }
ol.first-reports > li { padding: 6px 0 4px; border-bottom: 1px solid var(--line); }
ol.first-reports p.first { margin: 0 0 2px; }
ol.first-reports .when { font-variant-numeric: tabular-nums; }
ol.first-reports ul { margin: 0; padding-left: 22px; }
ol.first-reports ul li { margin: 1px 0; }
.sr-only {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap;
}
footer {
  margin-top: 40px; padding-top: 8px; color: var(--muted); font-size: 12px;
  border-top: 1px solid var(--line);
}
/* Upright on the paper chosen when printing: A4 (186 mm of text) or Letter (192 mm). */
@page { size: portrait; margin: 14mm 12mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, p.lead, p.legend { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  h1, h2, h3, tr, li, blockquote.note { break-inside: avoid; page-break-inside: avoid; }
  /* A card may continue on the next page between its rows (whole cards left half of
     most pages blank), its frame drawn on both parts; its heading stays with them. */
  .card { box-decoration-break: clone; -webkit-box-decoration-break: clone; }
  .card h3, ul.why { break-after: avoid; page-break-after: avoid; }
  p { orphans: 3; widows: 3; }
  th, td { padding: 3px 5px; }
  table.matrix { font-size: 8.5pt; }
  table.matrix th.src { font-size: 7.5pt; width: 6.2em; }
  table.matrix.many th.src { width: 2.6em; }
  table.matrix th.st { width: 6.8em; }
  .card { padding: 6px 10px 8px; margin: 8px 0; }
  table.wordings td.who { width: 11em; }
  table.sources td.headline a.address { color: var(--muted); }
  table.timeline { font-size: 8.5pt; }
  table.timeline td.who { width: 10em; }
  ol.first-reports { font-size: 8.5pt; }
  /* A group may run over a page between its facts; each fact stays whole. */
  ol.first-reports > li { padding: 3px 0 2px; break-inside: auto; page-break-inside: auto; }
  ol.first-reports p.first { break-after: avoid; page-break-after: avoid; }
}
/* A narrow window: smaller margins, source names upright in narrow columns, each
   wording under its source, numbers' headers wrapping: the page never scrolls sideways. */
@media screen and (max-width: 640px) {
  body { font-size: 14px; }
  main { padding: 16px 10px 32px; }
  h1 { font-size: 21px; }
  th, td { padding: 4px 4px; }
  thead th.num { white-space: normal; }
  .counts li { min-width: 0; flex: 1 1 40%; padding: 6px 10px; }
  table.matrix { font-size: 12.5px; }
  table.matrix th.src {
    width: 1.9em; padding: 4px 1px; vertical-align: bottom; white-space: nowrap;
    writing-mode: vertical-rl; transform: rotate(180deg); text-align: left;
  }
  table.matrix th.n { width: 1.8em; }
  table.matrix th.cov { width: 3.4em; }
  table.matrix th.st { width: 5em; }
  table.matrix td:last-child, .status, .flag, .noted { white-space: normal; }
  /* Only the ≠ mark of a differing value: its card below and the tooltip tell which. */
  table.matrix .cell .v { font-size: 0; }
  table.matrix .cell .v::before { content: "≠"; font-size: 12px; }
  table.wordings td { display: block; width: auto; border-bottom: 0; padding: 2px 0; }
  table.wordings td.who { width: auto; padding-top: 8px; }
  table.wordings tr { display: block; border-bottom: 1px dashed var(--line); }
  .legend .item { white-space: normal; display: inline-block; }
  table.timeline td.who { width: 6.5em; }
  table.timeline th.num, table.timeline td.num { width: 4em; white-space: normal; }
  /* The sources table becomes one block per source, its numbers labelled in line. */
  table.sources thead {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  }
  table.sources tr { display: block; padding: 6px 0; border-bottom: 1px solid var(--line); }
  table.sources td { display: block; border: 0; padding: 1px 0; text-align: left; }
  table.sources td:nth-child(-n + 2) { display: inline; padding-right: 6px; }
  table.sources td.count { display: inline-block; margin-right: 14px; }
  table.sources td.missing { display: none; }
  table.sources td.published::before { content: "Published: "; }
  table.sources td.byline::before { content: "By: "; }
  table.sources td.sentences::before { content: "Sentences: "; }
  table.sources td.facts::before { content: "Facts: "; }
  table.sources td.only::before { content: "Only here: "; }
  table.sources td.published::before, table.sources td.byline::before,
  table.sources td.count::before { color: var(--muted); font-size: 12.5px; }
}
"""
