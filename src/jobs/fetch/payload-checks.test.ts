import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PayloadDocument } from "../../../scrapers/source.ts";
import { snapshotPath } from "../../../test/helpers/snapshots.ts";
import { FetchError, type FetchErrorKind } from "./fetch-error.ts";
import { checkPayload, jsonEndsMidDocument, type PayloadFormat, type ResponseFacts } from "./payload-checks.ts";

const URL = "https://openrouter.ai/api/v1/models";
const HTML_PAGE = "<!DOCTYPE html>\n<html lang=en><head><title>OpenRouter</title></head><body><h1>Models</h1></body></html>";

function kindOf(body: string, format: PayloadFormat, response?: ResponseFacts): FetchErrorKind | "ok" {
  const document: PayloadDocument = { name: URL, body };
  try {
    checkPayload(document, format, response);
    return "ok";
  } catch (error) {
    if (error instanceof FetchError) return error.kind;
    throw error;
  }
}

function caught(body: string, format: PayloadFormat, response?: ResponseFacts): FetchError {
  try {
    checkPayload({ name: URL, body }, format, response);
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error("expected a FetchError");
}

const status = (code: number, headers: Record<string, string> = {}): ResponseFacts => ({
  status: code,
  headers: new Headers(headers),
});

describe("checkPayload", () => {
  it("lets good payloads of every format through", () => {
    expect(kindOf('{"data":[]}', "json")).toBe("ok");
    expect(kindOf(HTML_PAGE, "html")).toBe("ok");
    expect(kindOf("# Pricing\n\n<div align=center>table</div>", "markdown")).toBe("ok");
    expect(kindOf("models:\n  - id: a\n", "yaml")).toBe("ok");
    expect(kindOf("model,score\na,1\n", "csv")).toBe("ok");
    expect(kindOf(HTML_PAGE, "text")).toBe("ok");
  });

  it("reports a non-2xx status with a short excerpt of the body", () => {
    const error = caught(HTML_PAGE.replace("<h1>Models</h1>", "<h1>Internal error</h1>"), "json", status(500));
    expect(error.kind).toBe("http");
    expect(error.status).toBe(500);
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(`${URL}: HTTP 500: OpenRouter Internal error`);
    expect(caught("x".repeat(1_000), "json", status(401)).message).toBe(`${URL}: HTTP 401: ${"x".repeat(200)}...`);
    expect(caught("", "json", status(404)).message).toBe(`${URL}: HTTP 404 with an empty body`);
    expect(caught("", "json", status(404)).retryable).toBe(false);
  });

  it("reports a 403 with an API error as http, a 403 challenge page as blocked", () => {
    expect(kindOf('{"error":"invalid api key"}', "json", status(403))).toBe("http");
    const challenge = readFileSync(
      snapshotPath("pages/openai/blocked/platform.openai.com_docs_pricing.challenge-page.2026-05-08.html"),
      "utf8",
    );
    const error = caught(challenge, "html", status(403));
    expect(error.kind).toBe("blocked");
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(URL);
    // Replayed with no response facts, the recorded page is still no payload.
    expect(kindOf(challenge, "html")).toBe("blocked");
  });

  it("reports HTML where JSON, YAML, CSV or Markdown was expected as wrong-format", () => {
    for (const format of ["json", "yaml", "csv", "markdown"] as const) expect(kindOf(HTML_PAGE, format)).toBe("wrong-format");
    expect(kindOf('<?xml version="1.0"?><error/>', "json")).toBe("wrong-format");
    expect(caught(HTML_PAGE, "json").message).toBe(`${URL}: expected JSON but got HTML: "OpenRouter Models"`);
  });

  it("reports an empty or blank body", () => {
    expect(kindOf("", "json")).toBe("empty");
    expect(kindOf(" \n\t", "csv")).toBe("empty");
  });

  it("reports a body shorter than its Content-Length as truncated, unless it was compressed", () => {
    const facts = (headers: Record<string, string>): ResponseFacts => ({ ...status(200, headers), receivedBytes: 11 });
    expect(kindOf('{"data":[]}', "json", facts({ "content-length": "40" }))).toBe("truncated");
    expect(kindOf('{"data":[]}', "json", facts({ "content-length": "11" }))).toBe("ok");
    expect(kindOf('{"data":[]}', "json", facts({ "content-length": "40", "content-encoding": "gzip" }))).toBe("ok");
  });

  it("reports JSON that ends mid-document as truncated but leaves other invalid JSON to the parser", () => {
    const full = JSON.stringify({ data: [{ id: "a", pricing: { prompt: "0.000001", completion: "0.000002" } }] });
    for (let cut = 1; cut < full.length; cut++) {
      expect({ cut, kind: kindOf(full.slice(0, cut), "json") }).toEqual({ cut, kind: "truncated" });
    }
    expect(kindOf('{"data":[1,2,', "json")).toBe("truncated");
    expect(kindOf('{"data":[1,2,  \n', "json")).toBe("truncated");
    expect(kindOf('{"a": tru', "json")).toBe("truncated");
    expect(kindOf('{"a": 1.', "json")).toBe("truncated");
    // Complete documents with a mistake inside: the parser reports invalid JSON.
    expect(kindOf('{"a":1,}', "json")).toBe("ok");
    expect(kindOf('{"a":1}}', "json")).toBe("ok");
    expect(kindOf('{"a": NaN}', "json")).toBe("ok");
    expect(kindOf('{"a" 1}', "json")).toBe("ok");
    expect(kindOf('{"a":1} trailing', "json")).toBe("ok");
  });
});

describe("jsonEndsMidDocument", () => {
  it("returns the parser's complaint only for a cut-short document", () => {
    expect(jsonEndsMidDocument('{"a":"abc')).toMatch(/Unterminated string/);
    expect(jsonEndsMidDocument('{"a":')).toMatch(/Unexpected end of JSON input/);
    expect(jsonEndsMidDocument('{"a":1}')).toBeUndefined();
    expect(jsonEndsMidDocument('{"a":1,}')).toBeUndefined();
  });
});
