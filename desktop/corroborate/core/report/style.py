"""The style sheet of the HTML report (core/report/html.py), inlined into every report.

One file that works offline: system fonts only, no images, no scripts. Colour always
comes with a symbol or a word, so a black-and-white printout reads the same. Print rules
keep table rows and fact cards whole and repeat the matrix header on every page.
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
table { border-collapse: collapse; width: 100%; }
th, td {
  text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line);
}
thead th { background: var(--soft); font-size: 13px; border-bottom: 1px solid #aab2bd; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.file { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
.legend { color: var(--muted); font-size: 13px; margin: 0 0 8px; }
.legend .item { margin-right: 18px; white-space: nowrap; }
.legend .dot { font-size: 15px; }
table.matrix { table-layout: fixed; font-size: 13.5px; }
table.matrix th.src {
  width: 7.2em; text-align: center; font-size: 12px; line-height: 1.25; overflow-wrap: anywhere;
}
table.matrix thead th { vertical-align: bottom; }
table.matrix th.n { width: 2.6em; }
table.matrix th.cov { width: 5.2em; }
table.matrix th.st { width: 8.5em; }
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
.sr-only {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap;
}
footer {
  margin-top: 40px; padding-top: 8px; color: var(--muted); font-size: 12px;
  border-top: 1px solid var(--line);
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr, .card, .counts li { break-inside: avoid; page-break-inside: avoid; }
  th, td { padding: 3px 5px; }
  table.matrix { font-size: 8.5pt; }
  table.matrix th.src { font-size: 7.5pt; width: 6.2em; }
  table.matrix.many th.src { width: 2.6em; }
  table.matrix th.st { width: 6.8em; }
}
"""
