/**
 * Classifies a fetched (or replayed) body before any parser sees it, so a run fails with
 * the real reason (blocked, truncated, wrong format...) instead of a parser's confusion.
 * Pure: the response facts are passed in. Invalid-but-complete JSON is deliberately let
 * through: the source's parser reports it as invalid JSON with its own context.
 */
import type { PayloadDocument, SourceDefinition } from "../../../scrapers/source.ts";
import { detectBotChallenge } from "./bot-challenge.ts";
import { FetchError } from "./fetch-error.ts";
import { bodyExcerpt, looksLikeHtmlDocument } from "./markup.ts";

export type PayloadFormat = SourceDefinition["format"];

export interface ResponseFacts {
  status: number;
  headers: Headers;
  /** Body bytes received (after any content decoding), to compare with Content-Length. */
  receivedBytes?: number;
}

const FORMAT_NAMES: Record<PayloadFormat, string> = {
  json: "JSON",
  html: "HTML",
  markdown: "Markdown",
  yaml: "YAML",
  csv: "CSV",
  text: "text",
};

/** Throws a FetchError naming `document.name` when the body is not a usable payload. */
export function checkPayload(document: PayloadDocument, format: PayloadFormat, response?: ResponseFacts): void {
  const { name: url, body } = document;
  const status = response?.status ?? 200;

  const challenge = detectBotChallenge({ body, status, headers: response?.headers, htmlExpected: format === "html" });
  if (challenge) throw new FetchError("blocked", url, `blocked by a bot challenge: ${challenge} (HTTP ${status})`, { status });

  if (status < 200 || status >= 300) {
    const excerpt = bodyExcerpt(body);
    throw new FetchError("http", url, `HTTP ${status}${excerpt ? `: ${excerpt}` : " with an empty body"}`, { status });
  }

  const shortfall = contentLengthShortfall(response);
  if (shortfall) throw new FetchError("truncated", url, `truncated body: ${shortfall}`, { status });

  if (body.trim() === "") throw new FetchError("empty", url, `empty body (HTTP ${status})`, { status });

  if (isWrongFormat(body, format)) {
    throw new FetchError("wrong-format", url, `expected ${FORMAT_NAMES[format]} but got HTML: "${bodyExcerpt(body, 120)}"`, {
      status,
    });
  }

  if (format === "json") {
    const cut = jsonEndsMidDocument(body);
    if (cut) {
      const detail = `truncated JSON: the body ends mid-document after ${body.length} characters (${cut})`;
      throw new FetchError("truncated", url, detail, { status });
    }
  }
}

function contentLengthShortfall(response: ResponseFacts | undefined): string | undefined {
  if (response?.receivedBytes === undefined) return undefined;
  const declared = Number(response.headers.get("content-length"));
  const encoding = response.headers.get("content-encoding");
  // A compressed body's Content-Length counts the compressed bytes, not the decoded ones.
  if (!Number.isInteger(declared) || declared <= 0 || (encoding && encoding !== "identity")) return undefined;
  return response.receivedBytes < declared
    ? `received ${response.receivedBytes} of the ${declared} bytes announced by Content-Length`
    : undefined;
}

function isWrongFormat(body: string, format: PayloadFormat): boolean {
  switch (format) {
    case "json":
      // No JSON document starts with "<": HTML or XML alike, the parser could only fail.
      return /^\uFEFF?\s*</.test(body);
    case "yaml":
    case "csv":
    case "markdown":
      return looksLikeHtmlDocument(body);
    case "html":
    case "text":
      return false;
  }
}

/**
 * The JSON.parse complaint when it failed at the very end of the input (the document was
 * cut short), else undefined: a complete document with an error inside is not truncated.
 */
export function jsonEndsMidDocument(body: string): string | undefined {
  try {
    JSON.parse(body);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/unexpected end of JSON input/i.test(message)) return message;
    const position = /at position (\d+)/.exec(message)?.[1];
    return position !== undefined && Number(position) >= body.trimEnd().length ? message : undefined;
  }
}
