/**
 * One spelling per model name, before the creator is known. Every rule here rewrites a
 * spelling that cannot name a different model: separators, version digits written
 * without their dot, family words in another order, dates in another style. Rules that
 * would need to know which snapshots exist (a month-only date) live in series.ts.
 *
 * Canonical forms chosen (the maker's own API spelling where it has one):
 * - "-" is the only separator, lower case, versions with a dot: claude-3.5-sonnet, gpt-3.5-turbo,
 *   qwen2.5-72b (Qwen glues the version), glm-4.7 / gemma-2 / phi-3.5 (hyphenated).
 * - Claude 3.x and older: claude-<version>-<tier>; Claude 4+: claude-<tier>-<version>.
 *   Gemini 1.x: gemini-<version>-<tier> (gemini-pro-1.5 -> gemini-1.5-pro).
 * - Full dates yyyymmdd; a month-only date yyyymm ("May '24", "2024-05", "march-2025", "09-2025");
 *   makers' short dates stay as they write them (0528, 2507, 05-06).
 */

const MONTHS: Record<string, string> = {
  jan: "01", feb: "02", mar: "03", apr: "04", may: "05", jun: "06",
  jul: "07", aug: "08", sep: "09", oct: "10", nov: "11", dec: "12",
};
const MONTH_WORD = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const MONTH_DATE = new RegExp(`-${MONTH_WORD}-?(\\d{4}|\\d{2})(?=-|$)`, "g");

/** [pattern, replacement] applied in order; each comment says which sources write the left side. */
const VERSION_SPELLINGS: ReadonlyArray<[RegExp, string]> = [
  // Fireworks writes versions with "p": llama-v3p1, qwen2p5, kimi-k2p5.
  [/(\d)p(\d)/g, "$1.$2"],
  [/\bllama-v(\d)/g, "llama-$1"],
  [/^meta-llama-/, "llama-"],
  [/^llama(\d)/, "llama-$1"],
  // Single-digit version parts: 3-5 -> 3.5 (only between single digits, never in dates or sizes).
  [/(^|[^\d.])(\d)-(\d)(?=-|$)/g, "$1$2.$3"],
  // Versions written without their dot, where the family never has a two-digit major:
  // gpt-35-turbo (Azure), gpt-52 / claude-opus-45 / grok-41-fast (AA slugs, Portkey), minimax-m25.
  [/^gpt-(\d)(\d)(?=-|$)/, "gpt-$1.$2"],
  [/^claude-(opus|sonnet|haiku)-?(\d)(\d)(?=-|$)/, "claude-$1-$2.$3"],
  [/^claude-(opus|sonnet|haiku)(\d)/, "claude-$1-$2"],
  [/^grok-(\d)(\d)(?=-|$)/, "grok-$1.$2"],
  // xAI's Grok 4.20 written grok-4-20 (two digits after the dot, never a date: dates have four).
  [/^grok-(\d)-(\d{2})(?=-|$)/, "grok-$1.$2"],
  [/^minimax-m(\d)(\d)(?=-|$)/, "minimax-m$1.$2"],
  [/^llama-(\d)(\d)-(\d+b)(?=-|$)/, "llama-$1.$2-$3"],
  [/^phi-?(\d)(\d)(?=-|$)/, "phi-$1.$2"],
  [/^phi(\d)/, "phi-$1"],
  // Qwen glues its version to the name (qwen2.5, qwen3): qwen-2.5-72b, qwen-3-32b, qwen25-coder.
  [/^qwen-(\d(?:\.\d)?)(?=-|$)/, "qwen$1"],
  [/^qwen(\d)(\d)(?=-)/, "qwen$1.$2"],
  // Hyphenated versions: glm5 / glm4.7, gemma2-9b, codegeex4, solar-pro3, step3, mistral-small3.2.
  [/^glm(\d)/, "glm-$1"],
  [/^gemma(\d)/, "gemma-$1"],
  [/^codegeex(\d)/, "codegeex-$1"],
  [/^solar-pro(\d)/, "solar-pro-$1"],
  [/^step(\d)/, "step-$1"],
  [/^(mistral|magistral|devstral)-(small|medium|large)(\d)/, "$1-$2-$3"],
  [/^(mistral|magistral|devstral)-(small|medium|large)-(\d)(\d)(?=-)/, "$1-$2-$3.$4"],
  // Liquid writes LFM2; a few sources write lfm-2. OpenRouter's lfm-2.2-6b is LFM2-2.6B
  // (generation 2, 2.6B parameters), never a "2.2" generation Liquid did not release.
  [/^lfm-(\d)/, "lfm$1"],
  [/^lfm2\.(\d)-(\d)b(?=-|$)/, "lfm2-$1.$2b"],
  // Sao10K tags its Llama 3.1 fine-tunes l3.1- or l31-.
  [/^l(\d)(\d)-(\d+b)(?=-)/, "l$1.$2-$3"],
  // Code Llama and Llama Guard as Meta writes them on Hugging Face.
  [/^code-llama-/, "codellama-"],
  [/^llamaguard/, "llama-guard"],
  // Ollama tags: llama-2:13b, qwen2.5:32b.
  [/:(\d+(?:\.\d+)?b)(?=-|$)/, "-$1"],
  // Nous writes Hermes 3 as hermes-3; DeepSeek's distill of Qwen 1.5B is written qwen-1-5b (models.dev).
  [/^hermes(\d)/, "hermes-$1"],
  [/-qwen-(\d)-5b(?=-|$)/, "-qwen-$1.5b"],
  // Version suffixes written with ":" or without the dot: -v0:2, -v03 (Mistral 7B Instruct).
  [/-v(\d):(\d)$/, "-v$1.$2"],
  [/-v0(\d)(?=-|$)/, "-v0.$1"],
  // Mistral's YYMM written with a dot: codestral-25.01.
  [/-(2[3-9])\.(0[1-9]|1[0-2])(?=-|$)/, "-$1$2"],
];

/** Family words in the maker's order. */
const WORD_ORDER: ReadonlyArray<[RegExp, string]> = [
  // Anthropic's pricing page writes "Opus 4.1", "Sonnet 4.5" without "Claude".
  [/^(opus|sonnet|haiku)-(\d)/, "claude-$1-$2"],
  [/^claude-([4-9](?:\.\d)?)-(opus|sonnet|haiku)(?=-|$)/, "claude-$2-$1"],
  [/^claude-(opus|sonnet|haiku)-([1-3](?:\.\d)?)(?=-|$)/, "claude-$2-$1"],
  [/^gemini-(pro|flash|ultra)-(1(?:\.\d)?)(?=-|$)/, "gemini-$2-$1"],
  // Anthropic's pre-3 names: claude-v2 / claude-v2:1 (Bedrock) are claude-2 / claude-2.1.
  [/^claude-v(\d)\.(\d)$/, "claude-$1.$2"],
  [/^claude-v(\d)$/, "claude-$1"],
  [/^claude-instant-v(\d)$/, "claude-instant-$1"],
  // AA and Qwen's own tables: "Qwen3 235B A22B 2507 Instruct" is Qwen3-235B-A22B-Instruct-2507.
  [/^(qwen3-[\d.]+b(?:-a\d+b)?)-(\d{4})-(instruct|thinking)$/, "$1-$3-$2"],
  [/^(qwen[\d.]*-coder)-instruct-(\d+b)$/, "$1-$2-instruct"],
  // AI21: Jamba 1.5 is jamba-1.5-large, later releases jamba-large-1.6.
  [/^jamba-(1\.[6-9])-(large|mini)(?=-|$)/, "jamba-$2-$1"],
  [/^jamba-(large|mini)-1\.5(?=-|$)/, "jamba-1.5-$1"],
  // NVIDIA's Nemotron names as NVIDIA writes them.
  [/^llama-3\.3-nemotron-49b-super/, "llama-3.3-nemotron-super-49b"],
  [/^llama-3\.1-nemotron-instruct-70b/, "llama-3.1-nemotron-70b-instruct"],
  // One release each, written with and without its "v1": NVIDIA's id has it, Sao10K's sellers and DeepSeek drop it
  // (AA's "DeepSeek LLM 67B Chat (V1)"). The audit listed each pair as two ids.
  [/^llama-3\.1-nemotron-ultra-253b$/, "llama-3.1-nemotron-ultra-253b-v1"],
  [/^l3-8b-lunaris-v1$/, "l3-8b-lunaris"],
  [/^deepseek-llm-67b-chat-v1$/, "deepseek-llm-67b-chat"],
  // xAI's Grok 4.20 beta modes: grok-4.20-beta-reasoning.
  [/^(grok-[\d.]+)-(non-reasoning|reasoning)-beta$/, "$1-beta-$2"],
  // HELM writes "Falcon-Instruct (40B)" and AA "Qwen Chat 14B": the makers write falcon-40b-instruct, qwen-14b-chat.
  [/^falcon-instruct-(\d+b)$/, "falcon-$1-instruct"],
  [/^qwen-chat-(\d+b)$/, "qwen-$1-chat"],
  // Fine-tunes that glue "llama2": nous-hermes-llama2-7b is nous-hermes-llama-2-7b.
  [/-llama(\d)(?=-)/, "-llama-$1"],
];

/** Names that are one model with another maker-side spelling. Each line says why. */
const SAME_MODEL: ReadonlyArray<[RegExp, string]> = [
  // Bedrock and Vertex call the October 2024 Claude 3.5 Sonnet "v2".
  [/^claude-3\.5-sonnet-v2(?:-20241022)?$/, "claude-3.5-sonnet-20241022"],
  // OpenRouter's deepseek-chat-v3-0324 / -v3.1 are DeepSeek's V3-0324 / V3.1 weights.
  [/^deepseek-chat-v(\d)/, "deepseek-v$1"],
  // Amazon Nova 1.0 is written nova-pro, amazon-nova-pro-v1.0 (LMArena) and nova-pro-1.0.
  [/^amazon-nova-/, "nova-"],
  [/^(nova-(?:pro|lite|micro|premier))-v?1\.0$/, "$1"],
  // Qwen3 2507 ships only as Instruct-2507 and Thinking-2507: OpenRouter's qwen3-235b-a22b-2507
  // and models.dev's qwen3-235b-a22b-07-25 are the Instruct weights.
  [/^(qwen3-[\d.]+b-a\d+b)-(?:2507|07-25)$/, "$1-instruct-2507"],
  // Gemini 2.5's dated names are all previews: "gemini-2.5-pro-06-05" (LiveBench) is preview-06-05, and
  // Google sold exp-03-25 as preview-03-25, the same weights.
  [/^gemini-2\.5-(pro|flash)-(?:exp-)?(\d{2}-\d{2})$/, "gemini-2.5-$1-preview-$2"],
  [/^gemini-2\.5-pro-exp-03-25$/, "gemini-2.5-pro-preview-03-25"],
  // Cohere's Command R+ is command-r-plus, dated MM-YYYY ("Command R+ (08-24)" in Aider);
  // Command A+ (Artificial Analysis) is command-a-plus as Cohere's API names it.
  [/^command-(r|a)\+/, "command-$1-plus"],
  [/^(command-r(?:-plus)?)-(0[1-9]|1[0-2])-(2\d)$/, "$1-20$3$2"],
  // Google names Gemini 3 "gemini-3-…" and Amazon Nova 2 "nova-2-…"; tau2-bench and AA add ".0".
  [/^gemini-3\.0(?=-|$)/, "gemini-3"],
  [/^nova-2\.0(?=-|$)/, "nova-2"],
  // Mistral Large 3's open weights are Mistral-Large-3-675B-Instruct-2512 (Bedrock drops the date).
  [/^mistral-large-3-675b-instruct(?:-2512)?$/, "mistral-large-2512"],
  // Moonshot's API ids for the K2 releases: kimi-k2-0711-preview is the 0711 release.
  [/^kimi-k2-(0711|0905)-preview$/, "kimi-k2-$1"],
  // Aider's "Mistral Large 2 (2407)": Mistral Large 2 shipped as mistral-large-2407.
  [/^mistral-large-2-(2[45]\d{2})$/, "mistral-large-$1"],
  // Hosts and OpenRouter sell only the instruct weights under the short names: Llama 4 Maverick
  // and Scout, Qwen3-Coder 480B (no base release) and 30B.
  [/^llama-4-maverick(?:-instruct)?$/, "llama-4-maverick-17b-128e-instruct"],
  [/^llama-4-scout(?:-instruct)?$/, "llama-4-scout-17b-16e-instruct"],
  [/^qwen3-coder(?:-480b(?:-a35b)?)?$/, "qwen3-coder-480b-a35b-instruct"],
  [/^qwen3-coder-30b(?:-a3b)?$/, "qwen3-coder-30b-a3b-instruct"],
  // Moonshot serves only the instruct weights of Kimi K2; hosts add -instruct to the same ones.
  [/^kimi-k2-instruct(?=-|$)/, "kimi-k2"],
  // Anthropic ships Claude Opus 4.6 and 4.7 under undated API ids only (claude-opus-4-6, claude-opus-4-7 on
  // its pages, Bedrock and Vertex); LiteLLM's and genai-prices' dated keys (-20260205, -20260416) name that one release.
  [/^claude-opus-4\.6-20260205$/, "claude-opus-4.6"],
  [/^claude-opus-4\.7-20260416$/, "claude-opus-4.7"],
  // OpenRouter's kwaipilot/kat-coder-pro is "KAT-Coder-Pro V1" (its canonical_slug is kwaipilot/kat-coder-pro-v1);
  // V2 and later are always written with their version.
  [/^kat-coder-pro$/, "kat-coder-pro-v1"],
];

export function canonicalSpelling(name: string): string {
  let text = name.toLowerCase().trim().replace(/'/g, "");
  text = text.replace(/\s*\(([^)]*)\)\s*/g, (_m, inner: string) => `-${inner}-`);
  text = text.replace(/[\s_]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "");
  text = canonicalDates(text);
  for (const [pattern, replacement] of VERSION_SPELLINGS) text = text.replace(pattern, replacement);
  for (const [pattern, replacement] of WORD_ORDER) text = text.replace(pattern, replacement);
  for (const [pattern, replacement] of SAME_MODEL) text = text.replace(pattern, replacement);
  return text.replace(/-+/g, "-").replace(/^-|-$/g, "");
}

/** "(Oct '24)", "june-2024", "2024-05-13", "2024-05" -> yyyymm(dd). */
function canonicalDates(text: string): string {
  return text
    .replace(MONTH_DATE, (_m, month: string, year: string) => `-${year.length === 2 ? `20${year}` : year}${MONTHS[month.slice(0, 3)]}`)
    .replace(/(^|-)(20\d{2})-(\d{2})-(\d{2})(?=-|$)/g, "$1$2$3$4")
    .replace(/(^|-)(20\d{2})-(0[1-9]|1[0-2])(?=-|$)/g, "$1$2$3")
    // Google and Cohere write months as MM-YYYY: gemini-2.5-flash-preview-09-2025, command-r-08-2024.
    .replace(/-(0[1-9]|1[0-2])-(20\d{2})(?=-|$)/g, "-$2$1");
}

/** A canonical name holds only these characters; anything else means a spelling no rule understood. */
export const WELL_FORMED_NAME = /^[a-z0-9][a-z0-9.+:-]*$/;
