import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readUsageLog, type LogRecord } from "../../src/domain/reprice/read-log.ts";
import { usageLineSchema } from "../../src/domain/reprice/usage-line.ts";

async function records(chunks: string[]): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  for await (const record of readUsageLog(Readable.from(chunks.map((chunk) => Buffer.from(chunk))))) out.push(record);
  return out;
}

describe("readUsageLog", () => {
  it("reads JSONL split anywhere across chunks, skips blank lines, reports bad JSON by line number", async () => {
    const text = '\n{"model":"a","n":1}\n\n{"model":"b",\n{"model":"c"}\n';
    const chunks = [text.slice(0, 5), text.slice(5, 23), text.slice(23)];
    const out = await records(chunks);
    expect(out.map((record) => ("error" in record ? [record.line, "error"] : [record.line, (record.record as { model: string }).model]))).toEqual([
      [2, "a"],
      [4, "error"],
      [5, "c"],
    ]);
  });

  it("reads CSV with a BOM, quoted cells and header names in any case; an uneven row is one error", async () => {
    const out = await records(['\uFEFFTimestamp,Model,Input_Tokens,output_tokens\n2024-11-14T00:00:00Z,"gpt-4o, the 2024 one",5,6\n', "2024-11-14T00:00:00Z,gpt-4o,5\n2024-11-14T00:00:00Z,x,1,2\n"]);
    expect(out).toEqual([
      { line: 2, record: { timestamp: "2024-11-14T00:00:00Z", model: "gpt-4o, the 2024 one", input_tokens: "5", output_tokens: "6" } },
      { line: 3, error: "the row's cell count differs from the header's" },
      { line: 4, record: { timestamp: "2024-11-14T00:00:00Z", model: "x", input_tokens: "1", output_tokens: "2" } },
    ]);
  });

  it("reports an unreadable CSV (an unclosed quote) once and stops", async () => {
    const out = await records(['timestamp,model,input_tokens,output_tokens\n2024-11-14T00:00:00Z,"gpt-4o,1,2\n']);
    expect(out).toHaveLength(1);
    expect("error" in out[0]! && out[0].error).toMatch(/^CSV unreadable from here on: /);
  });

  it("keeps a multi-byte character split between chunks", async () => {
    const bytes = Buffer.from('{"model":"modèle-é"}\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside the two bytes of "è"
    const out: LogRecord[] = [];
    for await (const record of readUsageLog(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]))) out.push(record);
    expect(out).toEqual([{ line: 1, record: { model: "modèle-é" } }]);
  });

  it("yields nothing for an empty or blank log", async () => {
    expect(await records([])).toEqual([]);
    expect(await records(["  \n", "\n"])).toEqual([]);
  });
});

describe("usageLineSchema", () => {
  it("takes CSV strings, Unix seconds or milliseconds, and empty cells as absent", () => {
    const line = usageLineSchema.parse({ timestamp: "1731542400", model: "gpt-4o", seller: "OpenAI", input_tokens: "10", output_tokens: "2", cached_input_tokens: "", variant: "" });
    expect(line).toMatchObject({ timestamp: new Date("2024-11-14T00:00:00Z"), seller: "openai", input_tokens: 10, cached_input_tokens: 0, cache_write_tokens: 0, variant: "standard" });
    expect(usageLineSchema.parse({ timestamp: 1731542400000, model: "m", input_tokens: 0, output_tokens: 0 }).timestamp.toISOString()).toBe("2024-11-14T00:00:00.000Z");
  });

  it("refuses negative or fractional tokens, unknown variants and bad dates, naming the field", () => {
    const problems = (value: object) => usageLineSchema.safeParse({ timestamp: "2024-11-14T00:00:00Z", model: "m", input_tokens: 1, output_tokens: 1, ...value }).error?.issues.map((issue) => issue.path.join("."));
    expect(problems({ input_tokens: -1 })).toEqual(["input_tokens"]);
    expect(problems({ output_tokens: 1.5 })).toEqual(["output_tokens"]);
    expect(problems({ variant: "turbo" })).toEqual(["variant"]);
    expect(problems({ timestamp: "yesterday" })).toEqual(["timestamp"]);
    expect(problems({ model: "" })).toEqual(["model"]);
  });
});

describe("readUsageLog limits", () => {
  it("refuses a JSONL line over the size limit without holding it, and reads on after it", async () => {
    const huge = `{"model":"${"x".repeat(600_000)}`;
    const out = await records(['{"model":"a"}\r\n', huge, huge, '"}\n{"model":"b"}']);
    expect(out.map((record) => ("error" in record ? [record.line, record.error] : [record.line, (record.record as { model: string }).model]))).toEqual([
      [1, "a"],
      [2, "line longer than 1000000 bytes: skipped"],
      [3, "b"],
    ]);
  });
});
