/**
 * The dashboard's server-rendered shell: the layout, the controls with their options
 * (task classes, capability bars) and an empty slot per panel. The client script
 * (assets/app.js) fills the panels from the JSON API under /api/v1.
 */
import { loadCapabilityThresholds, type CapabilityThreshold } from "../domain/pricewar/capability-thresholds.ts";
import { TASK_CLASSES } from "../domain/tasks/catalogue.ts";

export const DEFAULT_TASK = "chat";
export const DEFAULT_SPREAD_MODEL = "meta/llama-3.3-70b-instruct";
export const DEFAULT_CAPABILITY = { benchmark: "aider-polyglot", threshold: 50 };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

function option(value: string, label: string, selected: boolean): string {
  return `<option value="${escapeHtml(value)}"${selected ? " selected" : ""}>${escapeHtml(label)}</option>`;
}

/** One panel: a heading, its controls, a caption line, and a chart canvas or a table. */
function panel(id: string, title: string, controls: string, body: string, wide = false): string {
  return `
    <section class="panel${wide ? " wide" : ""}" id="${id}" data-state="loading" aria-busy="true">
      <header><h2>${escapeHtml(title)}</h2><form class="controls" data-panel="${id}">${controls}</form></header>
      <p class="caption" data-role="caption"></p>
      <p class="empty" data-role="empty" hidden></p>
      ${body}
    </section>`;
}

const chartBody = (id: string) => `<div class="chart-box" data-role="chart-box"><canvas id="${id}-canvas" role="img" aria-label="${id} chart"></canvas></div>`;
const tableBody = (id: string) => `<div class="table-box" data-role="table-box"><table id="${id}-table"><thead></thead><tbody></tbody></table></div>`;

export function capabilityLabel(bar: CapabilityThreshold): string {
  return `${bar.label} (${bar.benchmark} ≥ ${bar.threshold})`;
}

export function renderDashboardPage(): string {
  const taskOptions = TASK_CLASSES.map((task) => option(task.id, task.name, task.id === DEFAULT_TASK)).join("");
  const bars = loadCapabilityThresholds();
  const barOptions = bars
    .map((bar) => option(`${bar.benchmark}|${bar.threshold}`, capabilityLabel(bar), bar.benchmark === DEFAULT_CAPABILITY.benchmark && bar.threshold === DEFAULT_CAPABILITY.threshold))
    .join("");

  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>pricewar — LLM prices and the price war</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/dashboard/dashboard.css">
  <script src="/dashboard/vendor/chart.umd.min.js" defer></script>
  <script src="/dashboard/app.js" defer></script>
</head>
<body>
  <header class="top">
    <h1>pricewar</h1>
    <p>LLM prices, benchmark scores and the price war. Prices are USD per 1M tokens (blended 3:1 input:output unless noted).
       Data from <a href="/api/v1/openapi.json">/api/v1</a>; feeds: <a href="/feeds/litellm.json">litellm.json</a>, <a href="/feeds/prices.csv">prices.csv</a>.</p>
  </header>
  <main class="grid">
    ${panel("changes", "Price changes", `<label>Direction <select name="direction">${option("", "all", true)}${["cut", "hike", "mixed"].map((d) => option(d, d, false)).join("")}</select></label>`, tableBody("changes"), true)}
    ${panel("pareto", "Cost-quality frontier per task", `<label>Task <select name="task">${taskOptions}</select></label>`, chartBody("pareto"))}
    ${panel("index", "Price index", `<label>Group by <select name="groupBy">${option("tier", "model tier", true)}${option("providerKind", "kind of seller", false)}</select></label><label>Measure <select name="measure">${option("median", "median USD/1M", true)}${option("chained", "chained index (100 = start)", false)}</select></label>`, chartBody("index"))}
    ${panel("capability", "Cost of a fixed capability", `<label>Bar <select name="bar">${barOptions}</select></label>`, chartBody("capability"))}
    ${panel("spread", "Spread between sellers", `<label>Model <input name="model" value="${escapeHtml(DEFAULT_SPREAD_MODEL)}" size="32" autocomplete="off"></label><button type="submit">Show</button>`, chartBody("spread"))}
    ${panel("sources", "Source health", "", tableBody("sources"), true)}
  </main>
</body>
</html>
`;
}
