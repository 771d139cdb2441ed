/**
 * Streams the records of a usage log, JSONL or CSV (told apart by the first non-blank
 * character: "{" is JSONL, anything else is a CSV header). Lines are never held all at
 * once; a line that is not a record (bad JSON, a CSV row with too many cells) comes out
 * with its error, so the caller can report it and go on.
 */
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { parse } from "csv-parse";

export type LogRecord = { line: number; record: unknown } | { line: number; error: string };

async function* withFirst(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** JSONL or CSV, from the first bytes; "empty" when the log has no content at all. */
export function logFormat(head: string): "jsonl" | "csv" | "empty" {
  const first = head.trimStart()[0];
  if (first === undefined) return "empty";
  return first === "{" ? "jsonl" : "csv";
}

export async function* readUsageLog(source: AsyncIterable<Buffer | string>): AsyncGenerator<LogRecord> {
  const iterator = (async function* () {
    for await (const chunk of source) yield typeof chunk === "string" ? Buffer.from(chunk) : chunk;
  })();
  let head = Buffer.alloc(0);
  let format: ReturnType<typeof logFormat> = "empty";
  // Skip leading blank chunks until the format is known.
  while (format === "empty") {
    const next = await iterator.next();
    if (next.done) return;
    head = Buffer.concat([head, next.value]);
    format = logFormat(head.toString("utf8"));
  }
  const body = Readable.from(withFirst(head, iterator));
  if (format === "jsonl") yield* readJsonLines(body);
  else yield* readCsvRows(body);
}

/** A longer JSONL line is refused (and skipped to its end) instead of being buffered whole. */
export const MAX_LINE_BYTES = 1_000_000;

async function* readJsonLines(body: Readable): AsyncGenerator<LogRecord> {
  let line = 0;
  let pending = "";
  let oversized = false;
  // A multi-byte character split across chunks stays whole.
  const decoder = new StringDecoder("utf8");
  const emit = function* (text: string): Generator<LogRecord> {
    line += 1;
    if (text.trim() === "") return;
    try {
      yield { line, record: JSON.parse(text) };
    } catch (error) {
      yield { line, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
  for await (const chunk of body as AsyncIterable<Buffer>) {
    const parts = (pending + decoder.write(chunk)).split("\n");
    pending = parts.pop()!;
    for (const part of parts) {
      if (oversized) {
        // The end of a line already refused.
        oversized = false;
        continue;
      }
      yield* emit(part.endsWith("\r") ? part.slice(0, -1) : part);
    }
    if (!oversized && pending.length > MAX_LINE_BYTES) {
      line += 1;
      yield { line, error: `line longer than ${MAX_LINE_BYTES} bytes: skipped` };
      oversized = true;
    }
    if (oversized) pending = "";
  }
  pending += decoder.end();
  if (!oversized && pending !== "") yield* emit(pending);
}

async function* readCsvRows(body: Readable): AsyncGenerator<LogRecord> {
  // relax_column_count: a short or long row becomes one reported line, not the end of the log.
  const parser = body.pipe(parse({ columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), skip_empty_lines: true, trim: true, relax_column_count: true, info: true, bom: true }));
  let uneven = 0;
  let line = 0;
  try {
    for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; invalid_field_length: number } }>) {
      line = row.info.lines;
      // invalid_field_length counts uneven rows so far: a rise means this row is one.
      if (row.info.invalid_field_length > uneven) {
        uneven = row.info.invalid_field_length;
        yield { line, error: "the row's cell count differs from the header's" };
      } else yield { line, record: row.record };
    }
  } catch (error) {
    // A CSV syntax error (an unclosed quote) leaves nothing readable after it: say where, and stop.
    yield { line: line + 1, error: `CSV unreadable from here on: ${error instanceof Error ? error.message : String(error)}` };
  }
}
