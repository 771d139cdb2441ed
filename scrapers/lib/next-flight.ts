/**
 * Next.js app-router pages carry their React Server Components ("flight") payload in
 * `<script>self.__next_f.push([1,"…"])</script>` chunks. Concatenated, the chunk strings
 * form rows `<hex id>:<JSON>` ended by a newline, or text rows `<hex id>:T<hex byte
 * length>,<text>` with no terminator. Inside the JSON a string that starts with "$" is
 * escaped as "$$" (a single leading "$" marks a reference such as "$L25").
 */
import type { CheerioAPI } from "cheerio";
import { z } from "zod";
import { PayloadError } from "../source.ts";

const PUSH_CALL = /^\s*self\.__next_f\.push\((\[[\s\S]*\])\)\s*;?\s*$/;
const pushArgument = z.tuple([z.literal(1), z.string()]).or(z.tuple([z.number()]).rest(z.unknown()));

/** The concatenated flight payload of a page; "" when the page has no flight chunks. */
export function readFlightPayload($: CheerioAPI, sourceId: string): string {
  let payload = "";
  for (const script of $("script").toArray()) {
    const call = PUSH_CALL.exec($(script).text());
    if (!call?.[1]) continue;
    let argument: unknown;
    try {
      argument = JSON.parse(call[1]);
    } catch {
      throw new PayloadError(sourceId, `unreadable self.__next_f.push chunk: ${call[1].slice(0, 80)}`);
    }
    const chunk = pushArgument.safeParse(argument);
    if (!chunk.success) throw new PayloadError(sourceId, `unexpected self.__next_f.push argument: ${call[1].slice(0, 80)}`);
    if (chunk.data[0] === 1 && typeof chunk.data[1] === "string") payload += chunk.data[1];
  }
  return payload;
}

/** Index just past `byteLength` UTF-8 bytes from `start` (text row lengths count bytes, not UTF-16 units). */
function advanceBytes(text: string, start: number, byteLength: number): number {
  let index = start;
  let bytes = 0;
  while (bytes < byteLength && index < text.length) {
    const codePoint = text.codePointAt(index) ?? 0;
    bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    index += codePoint >= 0x10000 ? 2 : 1;
  }
  return index;
}

const ROW_HEAD = /([0-9a-f]*):(?:T([0-9a-f]+),)?/y;

/** The JSON values of the payload's data rows; module, hint and text rows are passed over. */
export function flightJsonRows(payload: string, sourceId: string): unknown[] {
  const rows: unknown[] = [];
  let position = 0;
  while (position < payload.length) {
    ROW_HEAD.lastIndex = position;
    const head = ROW_HEAD.exec(payload);
    if (!head) throw new PayloadError(sourceId, `malformed flight row at offset ${position}: ${payload.slice(position, position + 40)}`);
    const bodyStart = ROW_HEAD.lastIndex;
    if (head[2]) {
      position = advanceBytes(payload, bodyStart, Number.parseInt(head[2], 16));
      continue;
    }
    const newline = payload.indexOf("\n", bodyStart);
    const bodyEnd = newline < 0 ? payload.length : newline;
    const body = payload.slice(bodyStart, bodyEnd);
    if (/^[[{"]/.test(body)) {
      try {
        rows.push(JSON.parse(body));
      } catch {
        throw new PayloadError(sourceId, `truncated or malformed flight row ${head[1]}: ${body.slice(0, 80)}`);
      }
    }
    position = bodyEnd + 1;
  }
  return rows;
}

/**
 * Every value stored under `key` anywhere in the rows, depth first. Walked with an explicit
 * stack: a flight payload can nest deeper than the call stack allows.
 */
export function valuesUnderKey(rows: readonly unknown[], key: string): unknown[] {
  const found: unknown[] = [];
  // Entries in reverse, so they pop in document order; each remembers the key it sits under.
  const stack: Array<[under: string | null, value: unknown]> = rows.map((row) => [null, row] as [null, unknown]).reverse();
  while (stack.length > 0) {
    const [under, value] = stack.pop()!;
    if (under === key) found.push(value);
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) stack.push([null, value[index]]);
    } else if (typeof value === "object" && value !== null) {
      const entries = Object.entries(value);
      for (let index = entries.length - 1; index >= 0; index--) stack.push(entries[index]!);
    }
  }
  return found;
}

/** A flight string as the page means it: "$$1.5" is "$1.5". */
export function unescapeFlightString(value: string): string {
  return value.startsWith("$$") ? value.slice(1) : value;
}
