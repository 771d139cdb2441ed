/** Cheap sniffing of markup in a body, before any parser sees it. */

const HTML_DOCUMENT_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i;

/** A whole HTML page (not a Markdown file with an inline `<div>`). */
export function looksLikeHtmlDocument(body: string): boolean {
  return HTML_DOCUMENT_START.test(body.replace(/^\uFEFF/, ""));
}

/** A one-line excerpt for error messages: HTML reduced to its visible text. */
export function bodyExcerpt(body: string, maxLength = 200): string {
  const text = looksLikeHtmlDocument(body)
    ? body
        .replace(/<(script|style|svg)\b[\s\S]*?<\/\1\s*>/gi, " ")
        .replace(/<[^>]*>/g, " ")
        .replace(/&nbsp;/g, " ")
    : body;
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > maxLength ? `${line.slice(0, maxLength)}...` : line;
}
