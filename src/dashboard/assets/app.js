// @ts-check
/**
 * The dashboard's client: reads the JSON API under /api/v1 and fills each panel of the
 * server-rendered shell with a Chart.js chart or a table. A panel with nothing to show
 * says so ("No data yet ...") instead of drawing an empty chart. Each panel reports its
 * state for tests and monitoring: data-state = loading | ready | empty | error, and
 * data-points = how many points (or rows) it drew; <body data-ready> once every panel
 * has settled on first load.
 */
"use strict";

(() => {
  /** @type {any} */
  const ChartJs = /** @type {any} */ (window).Chart;
  /** @type {Map<string, any>} */
  const charts = new Map();
  /** @type {Map<string, number>} */
  const generations = new Map();
  const COLORS = ["#2456c7", "#c0392b", "#17803d", "#b7791f", "#7b3fb5", "#0f8a8a", "#555f6e"];

  class ApiError extends Error {
    /** @param {string} message @param {number} status */
    constructor(message, status) {
      super(message);
      this.status = status;
    }
  }

  /**
   * GET /api/v1/<path>?<params>; rejects with the API's own error message.
   * @param {string} path @param {Record<string, string | number | undefined>} [params]
   * @returns {Promise<any>}
   */
  async function api(path, params = {}) {
    const url = new URL(`/api/v1/${path}`, window.location.origin);
    for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") url.searchParams.set(key, String(value));
    const response = await fetch(url, { headers: { accept: "application/json" } });
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(body?.error?.message ?? body?.error ?? `HTTP ${response.status}`, response.status);
    return body;
  }

  // ---- formatting -------------------------------------------------------------------

  /** @param {string | number | null | undefined} value */
  const num = (value) => (value === null || value === undefined || value === "" ? null : Number(value));
  /** @param {string | number | null | undefined} value */
  function usd(value) {
    const n = num(value);
    if (n === null || Number.isNaN(n)) return "—";
    if (n === 0) return "$0";
    return `$${n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toPrecision(2)}`;
  }
  /** @param {string | number | null | undefined} ratio */
  function percent(ratio) {
    const n = num(ratio);
    return n === null ? "—" : `${n > 0 ? "+" : ""}${(n * 100).toFixed(1)}%`;
  }
  /** @param {string | null | undefined} iso */
  const day = (iso) => (iso ? iso.slice(0, 10) : "—");
  /** @param {string | null | undefined} iso */
  const minute = (iso) => (iso ? iso.slice(0, 16).replace("T", " ") : "—");

  // ---- panel states -----------------------------------------------------------------

  /** @param {string} id */
  function panelOf(id) {
    const panel = document.getElementById(id);
    if (!panel) throw new Error(`no panel #${id}`);
    return panel;
  }
  /** @param {HTMLElement} panel @param {string} role @returns {HTMLElement | null} */
  const part = (panel, role) => panel.querySelector(`[data-role="${role}"]`);

  /** @param {HTMLElement} panel @param {string} text */
  function setCaption(panel, text) {
    const caption = part(panel, "caption");
    if (caption) caption.textContent = text;
  }

  /** @param {HTMLElement} panel @param {string} state @param {number} points */
  function settle(panel, state, points) {
    panel.dataset.state = state;
    panel.dataset.points = String(points);
    panel.setAttribute("aria-busy", "false");
  }

  /** @param {HTMLElement} panel */
  function destroyChart(panel) {
    charts.get(panel.id)?.destroy();
    charts.delete(panel.id);
  }

  /** Hides the chart or table and shows a message instead. @param {HTMLElement} panel @param {string} message @param {"empty" | "error"} state */
  function showMessage(panel, message, state = "empty") {
    destroyChart(panel);
    for (const role of ["chart-box", "table-box"]) part(panel, role)?.setAttribute("hidden", "");
    const empty = part(panel, "empty");
    if (empty) {
      empty.textContent = message;
      empty.hidden = false;
    }
    settle(panel, state, 0);
  }

  /** @param {HTMLElement} panel */
  function showContent(panel) {
    part(panel, "empty")?.setAttribute("hidden", "");
    part(panel, "chart-box")?.removeAttribute("hidden");
    part(panel, "table-box")?.removeAttribute("hidden");
  }

  /** Draws (or redraws) a panel's chart. @param {HTMLElement} panel @param {any} config */
  function showChart(panel, config) {
    showContent(panel);
    destroyChart(panel);
    const canvas = panel.querySelector("canvas");
    const options = { responsive: true, maintainAspectRatio: false, animation: false, ...config.options };
    const chart = new ChartJs(canvas, { ...config, options });
    charts.set(panel.id, chart);
    const points = chart.data.datasets.reduce((/** @type {number} */ sum, /** @type {any} */ set) => sum + set.data.filter((/** @type {any} */ v) => v !== null).length, 0);
    settle(panel, "ready", points);
  }

  /**
   * Fills a table: header cells, then one row per item of cells (text, optional class).
   * @param {HTMLElement} panel @param {string[]} headers @param {Array<Array<[string, string?]>>} rows
   */
  function showTable(panel, headers, rows) {
    showContent(panel);
    const table = panel.querySelector("table");
    if (!table) return;
    const head = document.createElement("tr");
    for (const header of headers) head.append(Object.assign(document.createElement("th"), { textContent: header }));
    table.tHead?.replaceChildren(head);
    table.tBodies[0]?.replaceChildren(
      ...rows.map((cells) => {
        const tr = document.createElement("tr");
        for (const [text, className] of cells) tr.append(Object.assign(document.createElement("td"), { textContent: text, className: className ?? "" }));
        return tr;
      }),
    );
    settle(panel, "ready", rows.length);
  }

  /**
   * Runs a panel's loader; a newer run of the same panel wins, a failure shows its message.
   * @param {string} id @param {(panel: HTMLElement, form: HTMLFormElement, current: () => boolean) => Promise<void>} loader
   */
  async function load(id, loader) {
    const panel = panelOf(id);
    const generation = (generations.get(id) ?? 0) + 1;
    generations.set(id, generation);
    const current = () => generations.get(id) === generation;
    panel.dataset.state = "loading";
    panel.setAttribute("aria-busy", "true");
    const form = /** @type {HTMLFormElement} */ (panel.querySelector("form.controls"));
    try {
      await loader(panel, form, current);
    } catch (error) {
      if (!current()) return;
      // 404: the chosen model or benchmark has no data; anything else is a real failure.
      if (error instanceof ApiError && error.status === 404) showMessage(panel, `No data yet: ${error.message}`);
      else {
        console.warn(`dashboard panel ${id}:`, error);
        showMessage(panel, `Could not load: ${error instanceof Error ? error.message : String(error)}`, "error");
      }
    }
  }

  /** @param {HTMLFormElement} form @param {string} name */
  const field = (form, name) => /** @type {HTMLInputElement | HTMLSelectElement} */ (form.elements.namedItem(name)).value.trim();

  // ---- panels -----------------------------------------------------------------------

  /** @type {Record<string, (panel: HTMLElement, form: HTMLFormElement, current: () => boolean) => Promise<void>>} */
  const loaders = {
    async changes(panel, form, current) {
      const direction = field(form, "direction");
      const changes = await api("pricewar/changes", { limit: 50, direction });
      if (!current()) return;
      if (changes.length === 0) return showMessage(panel, direction ? `No data yet: no price ${direction}s recorded.` : "No data yet: no price changes recorded. Run a source twice to see changes.");
      setCaption(panel, `The ${changes.length} newest changes${direction ? ` (${direction}s)` : ""}; prices blended 3:1 input:output, USD per 1M tokens.`);
      showTable(
        panel,
        ["Effective", "Seller", "Model", "Variant", "Change", "Old", "New", "Δ", "Source"],
        changes.map((/** @type {any} */ c) => [
          [day(c.effectiveAt)],
          [c.provider],
          [c.model],
          [c.variant],
          [c.kind === "price" ? c.direction : c.kind, c.direction === "cut" ? "cut" : c.direction === "hike" ? "hike" : ""],
          [usd(c.oldBlended), "num"],
          [usd(c.newBlended), "num"],
          [c.kind === "price" ? percent(c.changeRatio) : "", `num ${c.direction === "cut" ? "cut" : c.direction === "hike" ? "hike" : ""}`],
          [c.source],
        ]),
      );
    },

    async pareto(panel, form, current) {
      const task = field(form, "task");
      const taskName = form.querySelector("select[name=task] option:checked")?.textContent ?? task;
      const figure = await api("pareto", { task });
      if (!current()) return;
      /** @type {any[]} */
      const frontier = figure.frontier ?? [];
      if (frontier.length === 0) {
        return showMessage(panel, `No data yet for ${taskName}: ${figure.priced} priced models, ${figure.scored} with scores, none priced and scored with enough benchmark coverage.`);
      }
      const free = frontier.filter((c) => num(c.blendedPerMillion) === 0);
      const paid = frontier.filter((c) => (num(c.blendedPerMillion) ?? 0) > 0);
      const shown = paid.length > 0 ? paid : frontier;
      const point = (/** @type {any} */ c) => ({ x: num(c.blendedPerMillion), y: Math.round(c.quality * 1000) / 10, model: c.displayName ?? c.model, provider: c.offering?.provider, callCost: c.callCost });
      setCaption(
        panel,
        `${figure.eligible} eligible of ${figure.priced} priced models; ${frontier.length} on the frontier.` +
          (free.length > 0 && paid.length > 0 ? ` Free on the frontier (not on the log axis): ${free.map((c) => `${c.displayName ?? c.model} (${(c.quality * 100).toFixed(1)})`).join(", ")}.` : ""),
      );
      showChart(panel, {
        type: "scatter",
        data: { datasets: [{ label: `${taskName} frontier`, data: shown.map(point), showLine: true, stepped: "before", borderColor: COLORS[0], backgroundColor: COLORS[0], pointRadius: 4 }] },
        options: {
          scales: {
            x: { type: paid.length > 0 ? "logarithmic" : "linear", title: { display: true, text: "USD per 1M tokens (task's token profile)" } },
            y: { title: { display: true, text: "quality (0–100)" } },
          },
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: { label: (/** @type {any} */ item) => `${item.raw.model} via ${item.raw.provider}: ${usd(item.raw.x)}/1M, quality ${item.raw.y}` } },
          },
        },
      });
    },

    async index(panel, form, current) {
      const groupBy = field(form, "groupBy");
      const measure = field(form, "measure");
      const figure = await api("pricewar/index", { groupBy });
      if (!current()) return;
      /** @param {any} p */
      const value = (p) => (measure === "median" ? num(p.median) : p.chained);
      /** @type {any[]} */
      const groups = (figure.groups ?? []).filter((/** @type {any} */ g) => g.points.some((/** @type {any} */ p) => value(p) !== null));
      if (groups.length === 0) return showMessage(panel, "No data yet: no priced models to index.");
      // The axis starts at the first date any group has a value: the data's first date, never an empty lead-in.
      const labels = [...new Set(groups.flatMap((g) => g.points.filter((/** @type {any} */ p) => value(p) !== null).map((/** @type {any} */ p) => p.date)))].sort();
      const gap = (figure.frontierSmallGap ?? []).filter((/** @type {any} */ g) => g.ratio !== null).at(-1);
      setCaption(
        panel,
        `${measure === "median" ? "Median blended USD per 1M tokens" : "Matched-model chained index"} at month-ends from ${labels[0]}, by ${groupBy === "tier" ? "model tier" : "kind of seller"}.` +
          (gap ? ` Frontier/small median gap ${gap.ratio.toFixed(1)}× at ${gap.date}.` : ""),
      );
      showChart(panel, {
        type: "line",
        data: {
          labels,
          datasets: groups.map((g, i) => {
            const byDate = new Map(g.points.map((/** @type {any} */ p) => [p.date, value(p)]));
            return { label: `${g.group} (${g.models})`, data: labels.map((d) => byDate.get(d) ?? null), borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length], pointRadius: 2, spanGaps: true };
          }),
        },
        options: { scales: { y: { type: measure === "median" ? "logarithmic" : "linear", title: { display: true, text: measure === "median" ? "USD per 1M tokens" : "index" } } } },
      });
    },

    async capability(panel, form, current) {
      const [benchmark = "", threshold = ""] = field(form, "bar").split("|");
      const figure = await api("pricewar/costOfCapability", { benchmark, threshold });
      if (!current()) return;
      /** @type {any[]} */
      const points = figure.points ?? [];
      if (points.length === 0) return showMessage(panel, `No data yet: no priced model meets ${figure.benchmark?.name ?? benchmark} ≥ ${threshold}.`);
      const fit = figure.fit;
      setCaption(
        panel,
        `Cheapest model meeting ${figure.benchmark.name} ≥ ${figure.threshold} at each month-end (first met ${day(figure.firstMet)}). ` +
          (fit ? `Fitted: price falls ${fit.factorPerYear.toFixed(1)}× per year (${(fit.declinePerYear * 100).toFixed(0)}%/yr, ${fit.points} month-ends).` : "Too few month-ends for a fitted trend."),
      );
      showChart(panel, {
        type: "line",
        data: {
          labels: points.map((p) => p.date),
          datasets: [{ label: "cheapest qualifying price", data: points.map((p) => num(p.price)), stepped: "before", borderColor: COLORS[2], backgroundColor: COLORS[2], pointRadius: 2 }],
        },
        options: {
          scales: { y: { type: "logarithmic", title: { display: true, text: "USD per 1M tokens" } } },
          plugins: { tooltip: { callbacks: { afterLabel: (/** @type {any} */ item) => `${points[item.dataIndex].model} via ${points[item.dataIndex].provider} (score ${points[item.dataIndex].score})` } } },
        },
      });
    },

    async spread(panel, form, current) {
      const model = field(form, "model");
      if (!model) return showMessage(panel, "Enter a model (canonical id or any name a source uses).");
      const figure = await api("pricewar/spread", { model });
      if (!current()) return;
      /** @type {any[]} */
      const points = (figure.points ?? []).filter((/** @type {any} */ p) => p.min !== null);
      if (points.length === 0) return showMessage(panel, `No data yet: no seller prices ${figure.model}.`);
      const last = points.at(-1);
      setCaption(panel, `${figure.model}${figure.model !== model ? ` (from “${model}”)` : ""}: ${last.sellers} seller(s) at ${last.date}, cheapest ${last.cheapest?.provider} at ${usd(last.min)}, dearest ${usd(last.max)} (${last.maxOverMin}×).`);
      const series = /** @type {const} */ ([["min", "cheapest"], ["median", "median"], ["max", "dearest"]]);
      showChart(panel, {
        type: "line",
        data: {
          labels: points.map((p) => p.date),
          datasets: series.map(([key, label], i) => ({ label, data: points.map((p) => num(p[key])), borderColor: COLORS[i], backgroundColor: COLORS[i], pointRadius: 2 })),
        },
        options: { scales: { y: { title: { display: true, text: "blended USD per 1M tokens" } } } },
      });
    },

    async sources(panel, _form, current) {
      const statuses = await api("sources/status");
      if (!current()) return;
      if (statuses.length === 0) return showMessage(panel, "No data yet: no sources are registered.");
      const ran = statuses.filter((/** @type {any} */ s) => s.lastRun).length;
      setCaption(panel, `${ran} of ${statuses.length} sources have run.`);
      showTable(
        panel,
        ["Source", "Kind", "Authority", "Last run", "Observed", "Finished", "Parsed", "Changed", "Unmatched", "Rejected", "Resolved", "Error"],
        statuses.map((/** @type {any} */ s) => {
          const run = s.lastRun;
          const ok = s.lastSuccess;
          return [
            [s.id],
            [s.kind],
            [s.authority],
            run ? [run.status, `status-${run.status}`] : ["never run", "never"],
            [day(run?.observedAt)],
            [minute(run?.finishedAt)],
            [ok ? String(ok.parsed) : "—", "num"],
            [ok ? String(ok.changed) : "—", "num"],
            [ok ? String(ok.unmatched) : "—", "num"],
            [ok ? String(ok.rejected) : "—", "num"],
            [s.resolvedShare === null ? "—" : `${(s.resolvedShare * 100).toFixed(1)}%`, "num"],
            [run?.error ?? "", run?.error ? "status-failed" : ""],
          ];
        }),
      );
    },
  };

  function start() {
    if (!ChartJs) {
      for (const id of Object.keys(loaders)) if (panelOf(id).querySelector("canvas")) showMessage(panelOf(id), "Could not load: the chart library did not load.", "error");
    }
    for (const [id, loader] of Object.entries(loaders)) {
      const form = panelOf(id).querySelector("form.controls");
      form?.addEventListener("change", () => void load(id, loader));
      form?.addEventListener("submit", (event) => {
        event.preventDefault();
        void load(id, loader);
      });
    }
    const initial = Object.entries(loaders).filter(([id]) => ChartJs || !panelOf(id).querySelector("canvas"));
    void Promise.allSettled(initial.map(([id, loader]) => load(id, loader))).then(() => {
      document.body.dataset.ready = "true";
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
