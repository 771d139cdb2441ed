/**
 * Prometheus metrics of one service instance, on a registry of its own (not prom-client's
 * global one, so two apps in one process, as in tests, never mix counts): scrape runs by
 * source and status, failures, run durations, rows changed, skipped ticks, the HTTP
 * request latency by route (one label per procedure, see route-label.ts), and, read from
 * the database at scrape time, each source's last success, the data version and the
 * number of quarantined prices. `promtool check metrics` accepts the output.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Db } from "../db/client.ts";
import { readServiceGauges } from "../db/queries/service-gauges.ts";
import type { SchedulerObserver } from "../jobs/scheduler/scheduler.ts";

export interface ServiceMetrics extends SchedulerObserver {
  readonly registry: Registry;
  /** Starts timing a request; call the result once the response is finished. */
  requestStarted(method: string): (route: string, status: number) => void;
  /** Reports the database-derived gauges from `db` at every scrape (once per registry). */
  observeDatabase(db: Db): void;
}

/**
 * prom-client's totals of the per-type `nodejs_active_*` gauges end in `_total`, which
 * Prometheus reserves for counters (promtool rejects them); the per-type gauges remain.
 */
const MISNAMED_DEFAULT_GAUGES = ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"];

export function createServiceMetrics(): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const name of MISNAMED_DEFAULT_GAUGES) registry.removeSingleMetric(name);
  const runs = new Counter({
    name: "pricewar_scrape_runs_total",
    help: "Scrape runs finished, by source and status",
    labelNames: ["source", "status"] as const,
    registers: [registry],
  });
  const failures = new Counter({
    name: "pricewar_scrape_failures_total",
    help: "Failed scrape runs, by source and reason (timeout or error)",
    labelNames: ["source", "reason"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "pricewar_scrape_run_duration_seconds",
    help: "Duration of scrape runs, by source and status",
    labelNames: ["source", "status"] as const,
    buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers: [registry],
  });
  const changed = new Counter({
    name: "pricewar_scrape_rows_changed_total",
    help: "History rows changed by scrape runs, by source",
    labelNames: ["source"] as const,
    registers: [registry],
  });
  const skipped = new Counter({
    name: "pricewar_scheduler_ticks_skipped_total",
    help: "Scheduled ticks not run here, by source and reason (ran elsewhere, source busy, ...)",
    labelNames: ["source", "reason"] as const,
    registers: [registry],
  });
  const requests = new Histogram({
    name: "pricewar_http_request_duration_seconds",
    help: "HTTP request latency, by method, route and status code",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  let observedDb: Db | undefined;
  // One query round per scrape, shared by the three gauges; a failed read keeps the last values (the database may be down).
  let reading: Promise<void> | undefined;
  const refreshGauges = () =>
    (reading ??= (async () => {
      try {
        if (!observedDb) return;
        const gauges = await readServiceGauges(observedDb);
        for (const { source, finishedAt } of gauges.lastSuccess) lastSuccess.set({ source }, finishedAt.getTime() / 1000);
        dataVersion.set(gauges.dataVersion);
        quarantined.set(gauges.quarantined);
      } catch {
        // keep the previous values
      } finally {
        reading = undefined;
      }
    })());
  const lastSuccess = new Gauge({
    name: "pricewar_source_last_success_timestamp_seconds",
    help: "Unix time the newest successful run of each source finished",
    labelNames: ["source"] as const,
    registers: [registry],
    collect: refreshGauges,
  });
  const dataVersion = new Gauge({
    name: "pricewar_data_version",
    help: "Id of the newest successful run that changed a price or score; it moves exactly when the served data does",
    registers: [registry],
    collect: refreshGauges,
  });
  const quarantined = new Gauge({
    name: "pricewar_quarantined_prices",
    help: "Prices the integrity gate holds back now (sources.quarantine)",
    registers: [registry],
    collect: refreshGauges,
  });

  return {
    registry,
    observeDatabase(db) {
      observedDb = db;
    },
    runFinished(run) {
      runs.inc({ source: run.sourceId, status: run.status });
      if (run.durationMs !== undefined) duration.observe({ source: run.sourceId, status: run.status }, run.durationMs / 1000);
      if (run.changed > 0) changed.inc({ source: run.sourceId }, run.changed);
      if (run.status === "failed") failures.inc({ source: run.sourceId, reason: run.timedOut ? "timeout" : "error" });
    },
    tickSkipped(sourceId, reason) {
      skipped.inc({ source: sourceId, reason });
    },
    requestStarted(method) {
      const stop = requests.startTimer({ method });
      return (route, status) => void stop({ route, status: String(status) });
    },
  };
}
