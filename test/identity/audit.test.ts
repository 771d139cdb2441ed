import { describe, expect, it } from "vitest";
import { auditIdentity, nearDuplicateKey, type AuditModel } from "../../src/domain/identity/audit.ts";

const model = (id: string): AuditModel => {
  const [creator, ...rest] = id.split("/");
  return { id, creator: creator!, name: rest.join("/") };
};

describe("near-duplicate key", () => {
  it("joins separator and version spellings", () => {
    expect(new Set(["claude-opus-4.5", "claude-opus-45", "claude-opus4.5", "claude-opus-4-5"].map(nearDuplicateKey)).size).toBe(1);
    expect(nearDuplicateKey("gpt-3.5-turbo")).toBe(nearDuplicateKey("gpt-35-turbo"));
    expect(nearDuplicateKey("glm-5")).toBe(nearDuplicateKey("glm5"));
  });

  it("joins word orders", () => {
    expect(nearDuplicateKey("claude-3-haiku")).toBe(nearDuplicateKey("claude-haiku-3"));
    expect(nearDuplicateKey("gemini-1.5-pro")).toBe(nearDuplicateKey("gemini-pro-1.5"));
  });

  it("joins date spellings of one date, never two dates", () => {
    expect(nearDuplicateKey("gemini-2.5-flash-preview-05-20")).toBe(nearDuplicateKey("gemini-2.5-flash-preview-2025-05-20"));
    expect(nearDuplicateKey("o3-20250416")).toBe(nearDuplicateKey("o3-2025-04-16"));
    expect(nearDuplicateKey("claude-3.5-sonnet-june-'24")).toBe(nearDuplicateKey("claude-3.5-sonnet-2024-06"));
    expect(nearDuplicateKey("gpt-4o-2024-05-13")).not.toBe(nearDuplicateKey("gpt-4o-2024-08-06"));
    expect(nearDuplicateKey("kimi-k2-0711")).not.toBe(nearDuplicateKey("kimi-k2-0905"));
  });

  it("keeps different models apart", () => {
    expect(nearDuplicateKey("gpt-4o")).not.toBe(nearDuplicateKey("gpt-40"));
    expect(nearDuplicateKey("gpt-4o")).not.toBe(nearDuplicateKey("gpt-4o-mini"));
    expect(nearDuplicateKey("llama-3.1-8b")).not.toBe(nearDuplicateKey("llama-3.1-70b"));
    expect(nearDuplicateKey("deepseek-r1")).not.toBe(nearDuplicateKey("deepseek-r1-0528"));
    expect(nearDuplicateKey("command-r+")).not.toBe(nearDuplicateKey("command-r"));
  });

  it("reads a final -v1 as the bare name", () => {
    expect(nearDuplicateKey("nova-pro-v1")).toBe(nearDuplicateKey("nova-pro"));
    expect(nearDuplicateKey("claude-sonnet-4.5-20250929-v1:0")).toBe(nearDuplicateKey("claude-sonnet-4.5-20250929"));
    expect(nearDuplicateKey("cydonia-24b-v2")).not.toBe(nearDuplicateKey("cydonia-24b-v4"));
  });

  it("reads + as plus", () => {
    expect(nearDuplicateKey("command-r+")).toBe(nearDuplicateKey("command-r-plus"));
    expect(nearDuplicateKey("command-r+-08-2024")).toBe(nearDuplicateKey("command-r-plus-08-2024"));
  });
});

describe("identity audit", () => {
  const audit = auditIdentity(
    [
      "anthropic/claude-opus-4.5",
      "anthropic/claude-opus-45",
      "openai/o3",
      "openai/o3-20250416",
      "openai/o3-2025-04-16",
      "databricks/claude-opus-4.7",
      "databricks/dbrx-instruct",
      "tencent/deepseek-v4-flash",
      "anthropic/claude-sonnet-4-thinking",
      "openai/o3-mini-high",
      "openai/gpt-4o",
    ].map(model),
    [
      { source: "lmarena", rawName: "mystery-model", note: "creator cannot be told from the name" },
      { source: "aider", rawName: "other-mystery", note: "creator cannot be told from the name" },
      { source: "litellm", rawName: "ft:gpt-4o:acme", note: "fine-tuned model (per-customer)" },
    ],
  );

  it("lists near-duplicate sets, date spellings apart", () => {
    expect(audit.nearDuplicates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "spelling", ids: ["anthropic/claude-opus-4.5", "anthropic/claude-opus-45"] }),
        expect.objectContaining({ kind: "date", ids: ["openai/o3-2025-04-16", "openai/o3-20250416"] }),
      ]),
    );
    expect(audit.nearDuplicates.flatMap((set) => set.ids)).not.toContain("openai/o3");
  });

  it("lists creators other than the family's maker, but not a seller's own family", () => {
    expect(audit.sellerAsCreator.map((entry) => entry.id)).toEqual(["databricks/claude-opus-4.7", "tencent/deepseek-v4-flash"]);
    expect(audit.sellerAsCreator[0]).toMatchObject({ sellerKind: "cloud", familyCreator: "anthropic" });
  });

  it("lists ids that carry a setting", () => {
    expect(audit.settingAsModel).toEqual([
      { id: "anthropic/claude-sonnet-4-thinking", base: "anthropic/claude-sonnet-4", setting: "thinking" },
      { id: "openai/o3-mini-high", base: "openai/o3-mini", setting: "high" },
    ]);
  });

  it("groups unmatched names by reason, largest first", () => {
    expect(audit.unmatched[0]).toMatchObject({ reason: "creator cannot be told from the name", names: 2, sources: ["aider", "lmarena"] });
    expect(audit.models).toBe(11);
  });
});
