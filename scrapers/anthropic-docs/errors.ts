/** The id this source is registered under, and the error its page readers raise. */
export const ANTHROPIC_DOCS_SOURCE_ID = "anthropic-docs";

/** The page does not have the layout the readers expect; parse() reports it as a PayloadError naming the document. */
export class DocsLayoutError extends Error {
  override name = "DocsLayoutError";
}
