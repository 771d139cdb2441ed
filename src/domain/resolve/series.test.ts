import { describe, expect, it } from "vitest";
import { normaliseModelName } from "./normalise.ts";
import { loadOverrides } from "./overrides.ts";
import { isFloatingName, loadSeries, pinnedAt, seriesOf, snapshotOfMonth } from "./series.ts";

describe("reviewed series", () => {
  const series = loadSeries();

  it("loads the reviewed file, every entry and pointer with a note", () => {
    expect(series.length).toBeGreaterThan(10);
    expect(series.every((entry) => entry.note.length > 0 && entry.pointers.every((pointer) => pointer.note.length > 0))).toBe(true);
  });

  it("writes every id in the normal form, so a resolved name can meet it", () => {
    const ids = [
      ...series.flatMap((entry) => [entry.name, ...entry.snapshots.map((snapshot) => snapshot.id), ...entry.pointers.flatMap((pointer) => (pointer.to ? [pointer.to] : []))]),
      ...loadOverrides().flatMap((entry) => (entry.model ? [entry.model] : [])),
    ];
    const notCanonical = ids.filter((id) => {
      const result = normaliseModelName(id, { orgIsAuthor: true });
      return !result.ok || `${result.value.creator}/${result.value.name}` !== id;
    });
    expect(notCanonical).toEqual([]);
  });

  it("reads a pointer table at a date: nothing before the first pointer, null once retired", () => {
    const chat = seriesOf(series, "deepseek/deepseek-chat");
    expect(pinnedAt(chat, new Date("2024-12-01T00:00:00Z"))).toBeNull();
    expect(pinnedAt(chat, new Date("2024-12-26T00:00:00Z"))).toBe("deepseek/deepseek-v3");
    expect(pinnedAt(chat, new Date("2025-08-21T12:00:00Z"))).toBe("deepseek/deepseek-v3.1");
    expect(pinnedAt(chat, new Date("2026-07-30T00:00:00Z"))).toBeNull();
    expect(pinnedAt(chat, undefined)).toBeNull();
  });

  it("turns a month into the one snapshot of that month, and nothing where the table does not tell", () => {
    expect(snapshotOfMonth(series, "openai/gpt-4o-202411")).toBe("openai/gpt-4o-20241120");
    expect(snapshotOfMonth(series, "google/gemini-2.5-pro-preview-202503")).toBe("google/gemini-2.5-pro-preview-03-25");
    expect(snapshotOfMonth(series, "openai/gpt-4o-202401")).toBeNull();
    expect(snapshotOfMonth(series, "reka/reka-flash-202409")).toBeNull();
  });

  it("calls a name floating when reviewed, when it is a -latest name, or when it has several dated snapshots", () => {
    expect(isFloatingName(series, "openai/gpt-4o")).toBe(true);
    expect(isFloatingName(series, "deepseek/deepseek-reasoner")).toBe(true);
    expect(isFloatingName(series, "anthropic/claude-3.5-sonnet-latest")).toBe(true);
    expect(isFloatingName(series, "openai/o3")).toBe(false);
    const known = new Set(["openai/o3", "openai/o3-20250416", "openai/gpt-4.1", "openai/gpt-4.1-20250414", "openai/gpt-4.1-mini-20250414", "x/m", "x/m-0101", "x/m-0202"]);
    expect(isFloatingName(series, "openai/o3", known)).toBe(false);
    expect(isFloatingName(series, "openai/gpt-4.1", known)).toBe(false);
    expect(isFloatingName(series, "x/m", known)).toBe(true);
    expect(isFloatingName(series, "x/m-0101", known)).toBe(false);
  });
});
