import { describe, expect, it } from "vitest";
import { scoringId, snapshotIdentity } from "./snapshot-identity.ts";

describe("snapshotIdentity", () => {
  it("pools an undated name with its only dated snapshot, never with one of several", () => {
    const identity = snapshotIdentity([
      "anthropic/claude-sonnet-4.5",
      "anthropic/claude-sonnet-4.5-20250929",
      "openai/gpt-4o",
      "openai/gpt-4o-20240513",
      "openai/gpt-4o-20240806",
      "openai/gpt-4o-mini-20240718",
    ]);
    expect(scoringId(identity, "anthropic/claude-sonnet-4.5")).toBe("anthropic/claude-sonnet-4.5-20250929");
    expect(scoringId(identity, "anthropic/claude-sonnet-4.5-20250929")).toBe("anthropic/claude-sonnet-4.5-20250929");
    expect(scoringId(identity, "openai/gpt-4o")).toBe("openai/gpt-4o");
    expect(scoringId(identity, "openai/gpt-4o-mini")).toBe("openai/gpt-4o-mini-20240718");
    expect(scoringId(identity, "openai/gpt-4o-mini-20240718")).toBe("openai/gpt-4o-mini-20240718");
  });
});
