import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { PayloadError } from "../source.ts";
import { flightJsonRows, readFlightPayload, unescapeFlightString, valuesUnderKey } from "./next-flight.ts";

const push = (chunk: string): string => `<script>self.__next_f.push(${JSON.stringify([1, chunk])})</script>`;

describe("Next.js flight payload", () => {
  it("joins the push chunks of a page in order, ignoring the bootstrap push", () => {
    const html = `<script>(self.__next_f=self.__next_f||[]).push([0])</script>${push('1:{"a":')}${push("1}\n")}`;
    expect(readFlightPayload(cheerio.load(html), "test")).toBe('1:{"a":1}\n');
  });

  it("skips text rows by their UTF-8 byte length and import rows, and parses JSON rows", () => {
    // "héllo" is 5 characters but 6 bytes: the next row starts right after them.
    const rows = flightJsonRows('0:I["chunk.js"]\n1:T6,héllo2:{"price":"$$5"}\n3:["$","div",null,{"price":"$L4"}]\n', "test");
    expect(valuesUnderKey(rows, "price").map((value) => unescapeFlightString(String(value)))).toEqual(["$5", "$L4"]);
  });

  it("fails on a truncated JSON row and on an unreadable push chunk", () => {
    expect(() => flightJsonRows('1:{"price":"$$5"\n', "test")).toThrow(PayloadError);
    expect(() => readFlightPayload(cheerio.load("<script>self.__next_f.push([1,'single quotes'])</script>"), "test")).toThrow(/unreadable self\.__next_f\.push chunk/);
  });
});
