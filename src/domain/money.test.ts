import { describe, expect, it } from "vitest";
import {
  centsPerTokenToPerMillion,
  perMillion,
  perTokenToPerMillion,
  relativeChange,
  weightedSum,
  InvalidAmountError,
} from "./money.ts";

describe("unit conversion is exact", () => {
  it("converts per-token JSON numbers without float noise", () => {
    expect(perTokenToPerMillion(2e-7)).toBe("0.2");
    expect(perTokenToPerMillion(3.2e-6)).toBe("3.2");
    expect(perTokenToPerMillion(0.00003)).toBe("30");
    expect(perTokenToPerMillion(7.8125e-8)).toBe("0.078125");
  });

  it("keeps every digit of decimal strings", () => {
    expect(perTokenToPerMillion("0.00000008333333333333334")).toBe("0.08333333333333334");
    expect(perTokenToPerMillion("0.00000005")).toBe("0.05");
    expect(perTokenToPerMillion("0")).toBe("0");
  });

  it("rounds away float noise written into the source, and only that", () => {
    expect(perTokenToPerMillion("0.00000020000000000000002")).toBe("0.2");
    expect(perTokenToPerMillion("0.0000001300000002")).toBe("0.13");
    expect(perTokenToPerMillion("0.0000000100000002")).toBe("0.01");
    expect(perTokenToPerMillion("0.0000000299999997")).toBe("0.03");
    expect(perTokenToPerMillion(3.1999999999999997e-6)).toBe("3.2");
    expect(perMillion("0.0000005")).toBe("0.0000005");
    expect(perMillion("1000000.5")).toBe("1000000.5");
    expect(perMillion("0.1234567")).toBe("0.1234567");
  });

  it("converts US cents per token to USD per 1M", () => {
    expect(centsPerTokenToPerMillion(0.00025)).toBe("2.5");
  });

  it("canonicalises per-1M values", () => {
    expect(perMillion("1.50")).toBe("1.5");
    expect(perMillion(1234.5)).toBe("1234.5");
  });

  it("rejects what is not a number", () => {
    expect(() => perMillion("free")).toThrow(InvalidAmountError);
    expect(() => perMillion(Number.NaN)).toThrow(InvalidAmountError);
  });
});

describe("blended arithmetic", () => {
  it("weights prices exactly and treats unknown as unknown", () => {
    expect(weightedSum([{ value: "2.5", weight: 0.75 }, { value: "10", weight: 0.25 }])).toBe("4.375");
    expect(weightedSum([{ value: "2.5", weight: 0.75 }, { value: null, weight: 0.25 }])).toBeNull();
  });

  it("computes relative change", () => {
    expect(relativeChange("5", "2.5")).toBe("-0.5");
    expect(relativeChange("0", "1")).toBeNull();
  });
});
