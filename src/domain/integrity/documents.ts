/**
 * Truncated documents. A page cut short by a dropped connection still parses: its first
 * models are there and the rest are missing, which a full snapshot would read as
 * delistings. An HTML document that never closes its <html> element is refused with
 * its run. (Pages may carry a script after </html>, so the tag is looked for anywhere.)
 */
import type { PayloadDocument } from "../../../scrapers/source.ts";
import { PayloadError } from "../../../scrapers/source.ts";

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>])/i;
const HTML_END = /<\/html\s*>/i;

export function refuseTruncatedDocuments(sourceId: string, documents: readonly PayloadDocument[]): void {
  for (const document of documents) {
    if (HTML_START.test(document.body.slice(0, 4096)) && !HTML_END.test(document.body)) {
      throw new PayloadError(sourceId, "truncated HTML: the document never closes its <html> element; nothing written", document.name);
    }
  }
}
