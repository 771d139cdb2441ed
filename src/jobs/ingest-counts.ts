/** What one run's ingest stages report, and the error that fails a run at the integrity gate. */
import type { SkippedEntry } from "../domain/observation.ts";

export interface IngestCounts {
  parsed: number;
  changed: number;
  unmatched: number;
  /** Entries refused one by one (validation, value bounds, history that disagrees). */
  rejected: number;
  /** Prices held in quarantine by this run (jumps). */
  quarantined: number;
  skipped: number;
  /** A few rejected entries with their reasons, for the operator. */
  rejectedSamples: SkippedEntry[];
}

/** The integrity gate failed the run as a whole (unit error, shrink): nothing is written. */
export class IntegrityError extends Error {
  constructor(
    readonly kind: "unit-error" | "shrink",
    message: string,
    readonly counts: { rejected: number; quarantined: number },
  ) {
    super(message);
    this.name = "IntegrityError";
  }
}
