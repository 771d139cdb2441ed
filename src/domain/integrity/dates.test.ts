import { describe, expect, it } from "vitest";
import { FutureObservationError, refuseFutureDates } from "./dates.ts";
import { DEFAULT_INTEGRITY } from "./thresholds.ts";

const now = new Date("2026-12-03T09:00:00Z");

describe("refuseFutureDates", () => {
  it("refuses a run observed more than a day ahead of now (--at 2030-01-01)", () => {
    expect(() => refuseFutureDates(new Date("2030-01-01T00:00:00Z"), [], now, DEFAULT_INTEGRITY)).toThrow(FutureObservationError);
    expect(() => refuseFutureDates(new Date("2030-01-01T00:00:00Z"), [], now, DEFAULT_INTEGRITY)).toThrow(
      "refused: the observation time 2030-01-01T00:00:00.000Z is more than a day ahead of now (2026-12-03T09:00:00.000Z); nothing written",
    );
  });

  it("allows up to a day ahead (clocks and time zones)", () => {
    expect(() => refuseFutureDates(new Date("2026-12-04T09:00:00Z"), [], now, DEFAULT_INTEGRITY)).not.toThrow();
  });

  it("refuses a dated observation more than a day ahead, naming the model", () => {
    const observations = [{ model: "gpt-4o", validFrom: "2026-11-01" }, { model: "o3", validFrom: "2027-02-01" }];
    expect(() => refuseFutureDates(now, observations, now, DEFAULT_INTEGRITY)).toThrow(/o3: the price dated 2027-02-01T00:00:00.000Z is more than a day ahead/);
  });
});
