/**
 * Langfuse lists models without a seller. Its prices are the first-party list prices of
 * the lab that makes the model, so the lab is inferred from the model name, and only where
 * the name leaves no doubt about who sells at that price.
 */
const FIRST_PARTY_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(gpt-|chatgpt-|o\d(-|$)|text-(ada|babbage|curie|davinci)-|text-embedding-|babbage-|davinci-|ft:)/, "openai"],
  [/^claude-/, "anthropic"],
  [/^gemini-/, "google"],
];

/**
 * PaLM 2 models were sold by Vertex AI, per character, and by the retired PaLM API; Langfuse
 * does not say which seller its per-token figure belongs to.
 */
const PALM_NAMES = /^(chat-bison|codechat-bison|text-bison|text-unicorn|code-bison|code-gecko|textembedding-gecko)/;

export type SellerInference = { provider: string } | { reason: string };

export function inferSeller(modelName: string): SellerInference {
  const name = modelName.trim();
  for (const [pattern, provider] of FIRST_PARTY_NAMES) if (pattern.test(name)) return { provider };
  if (PALM_NAMES.test(name)) return { reason: "PaLM 2 model sold both by Vertex AI (per character) and the PaLM API: the seller of this price is ambiguous" };
  return { reason: "seller not inferable from the model name" };
}
