/**
 * The JSON schema LiteLLM's own test holds every entry of its cost map to
 * (BerriAI/litellm tests/test_litellm/test_utils.py,
 * `test_aaamodel_prices_and_context_window_json_is_valid`): a closed set of fields
 * (`additionalProperties: false`), numbers for costs and limits, booleans for flags, and
 * an enum of modes. The feeds write only fields it lists, and test/feeds validate them
 * with it; LiteLLM's loader drops no entry for other fields, but its tooling does.
 */

const NUMBER_FIELDS = [
  "cache_creation_input_audio_token_cost", "cache_creation_input_token_cost", "cache_creation_input_token_cost_above_1hr",
  "cache_creation_input_token_cost_above_32k_tokens", "cache_creation_input_token_cost_above_128k_tokens",
  "cache_creation_input_token_cost_above_200k_tokens", "cache_creation_input_token_cost_above_256k_tokens",
  "cache_creation_input_token_cost_above_272k_tokens", "cache_creation_input_token_cost_above_272k_tokens_flex",
  "cache_creation_input_token_cost_above_272k_tokens_priority", "cache_creation_input_token_cost_above_272k_tokens_batches",
  "cache_creation_input_token_cost_batches", "cache_creation_input_token_cost_flex", "cache_creation_input_token_cost_priority",
  "cache_read_input_token_cost", "cache_read_input_token_cost_above_32k_tokens", "cache_read_input_token_cost_above_128k_tokens",
  "cache_read_input_token_cost_above_200k_tokens", "cache_read_input_token_cost_above_256k_tokens",
  "cache_read_input_token_cost_above_272k_tokens", "cache_read_input_token_cost_above_272k_tokens_flex",
  "cache_read_input_token_cost_above_512k_tokens", "cache_read_input_token_cost_batches",
  "cache_read_input_token_cost_above_272k_tokens_batches", "cache_creation_input_token_cost_above_1hr_above_200k_tokens",
  "cache_read_input_audio_token_cost", "cache_read_input_image_token_cost", "input_cost_per_audio_per_second",
  "input_cost_per_audio_per_second_above_128k_tokens", "google_maps_grounding_cost_per_query", "input_cost_per_audio_token",
  "input_cost_per_image_token", "input_cost_per_character", "input_cost_per_character_above_128k_tokens", "input_cost_per_image",
  "input_cost_per_image_above_128k_tokens", "input_cost_per_video_token", "input_cost_per_token_above_32k_tokens",
  "input_cost_per_token_above_200k_tokens", "input_cost_per_token_above_256k_tokens", "input_cost_per_token_above_272k_tokens",
  "input_cost_per_token_above_512k_tokens", "cache_read_input_token_cost_flex", "cache_read_input_token_cost_priority",
  "cache_read_input_token_cost_above_200k_tokens_priority", "cache_read_input_token_cost_above_272k_tokens_priority",
  "input_cost_per_token_flex", "input_cost_per_token_priority", "input_cost_per_token_above_200k_tokens_priority",
  "input_cost_per_token_above_272k_tokens_priority", "input_cost_per_token_above_272k_tokens_batches",
  "input_cost_per_token_above_272k_tokens_flex", "input_cost_per_audio_token_priority", "output_cost_per_token_flex",
  "output_cost_per_token_priority", "output_cost_per_token_above_200k_tokens_priority", "output_cost_per_token_above_272k_tokens_priority",
  "output_cost_per_token_above_272k_tokens_batches", "output_cost_per_token_above_272k_tokens_flex",
  "regional_endpoint_uplift_multiplier", "regional_processing_uplift_multiplier_eu", "regional_processing_uplift_multiplier_us",
  "input_cost_per_pixel", "input_cost_per_query", "input_cost_per_request", "input_cost_per_second", "input_cost_per_token",
  "input_cost_per_token_above_128k_tokens", "input_cost_per_audio_token_batches", "input_cost_per_image_token_batches",
  "input_cost_per_token_batches", "input_cost_per_video_token_batches", "input_cost_per_token_cache_hit",
  "input_cost_per_video_per_second", "input_cost_per_video_per_second_above_8s_interval",
  "input_cost_per_video_per_second_above_15s_interval", "input_cost_per_video_per_second_above_128k_tokens",
  "input_dbu_cost_per_token", "annotation_cost_per_page", "annotation_cost_per_page_batches", "ocr_cost_per_page",
  "ocr_cost_per_page_batches", "ocr_cost_per_credit", "code_interpreter_cost_per_session", "max_input_tokens",
  "max_output_tokens", "max_tokens", "output_cost_per_audio_token", "output_cost_per_character",
  "output_cost_per_character_above_128k_tokens", "output_cost_per_image", "output_cost_per_image_512", "output_cost_per_image_1024",
  "output_cost_per_image_1536", "output_cost_per_image_0.5K", "output_cost_per_image_1K", "output_cost_per_image_2K",
  "output_cost_per_image_4K", "output_cost_per_image_token", "output_cost_per_video_token", "output_cost_per_pixel",
  "output_cost_per_second", "output_cost_per_second_480p", "output_cost_per_second_720p", "output_cost_per_second_768p",
  "output_cost_per_second_2k", "output_cost_per_second_1080p", "output_cost_per_second_4k", "output_cost_per_token",
  "output_cost_per_token_above_32k_tokens", "output_cost_per_token_above_128k_tokens", "output_cost_per_token_above_200k_tokens",
  "output_cost_per_token_above_256k_tokens", "output_cost_per_token_above_272k_tokens", "output_cost_per_token_above_512k_tokens",
  "output_cost_per_token_batches", "output_cost_per_reasoning_token", "output_cost_per_video_per_second", "output_db_cost_per_token",
  "output_dbu_cost_per_token", "output_vector_size", "rpd", "rpm", "prompt_cache_min_tokens", "tpm", "citation_cost_per_token",
] as const;

const BOOLEAN_FIELDS = [
  "supports_computer_use", "supports_assistant_prefill", "supports_anthropic_compaction", "supports_audio_input",
  "supports_audio_output", "gemini_native_audio", "gemini_audio_only_live", "supports_embedding_image_input",
  "supports_forced_tool_use", "supports_function_calling", "supports_image_input", "supports_nova_canvas_image_edit",
  "supports_parallel_function_calling", "supports_parallel_tool_use_config", "supports_pdf_input", "supports_prompt_cache_breakpoint",
  "supports_thinking_cache_preservation", "supports_prompt_caching", "supports_response_schema", "supports_system_messages",
  "supports_tool_choice", "supports_tool_search", "supports_video_input", "supports_vision", "supports_web_search",
  "supports_url_context", "supports_multimodal", "uses_embed_content", "supports_reasoning", "supports_minimal_reasoning_effort",
  "supports_low_reasoning_effort", "supports_none_reasoning_effort", "supports_xhigh_reasoning_effort", "supports_max_reasoning_effort",
  "supports_adaptive_thinking", "supports_anthropic_thinking_payload", "supports_legacy_thinking", "thinking_always_on",
  "supports_mid_conversation_system", "supports_sampling_params", "supports_output_config", "supports_speed", "supports_fast_mode",
  "bedrock_converse_supports_strict_tools", "supports_native_streaming", "supports_image_size", "supports_native_structured_output",
  "use_openai_responses_path",
] as const;

const STRING_FIELDS = ["audio_transcription_config", "deprecation_date", "inference_geo", "litellm_provider", "source", "comment"] as const;

export const LITELLM_MODES = [
  "audio_speech", "audio_transcription", "chat", "completion", "container", "image_edit", "embedding", "evaluation", "guardrail",
  "image_generation", "video_generation", "moderation", "rerank", "realtime", "responses", "ocr", "search", "vector_store",
] as const;

const ENDPOINTS = [
  "/v1/responses", "/v1/embeddings", "/v1/chat/completions", "/v1/completions", "/v1/messages", "/v1/images/generations",
  "/v1/realtime", "/v1/realtime/transcription_sessions", "/v1/images/variations", "/v1/images/edits", "/v1/batch",
  "/v1beta/interactions", "/v1/audio/transcriptions", "/v1/audio/speech", "/v1/ocr", "/v1/videos", "/vertex_ai/live", "/v1/listen",
];

const stringOrStrings = { oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] };
const range = { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2 };
const typed = (fields: readonly string[], type: string) => Object.fromEntries(fields.map((field) => [field, { type }]));
const enumArray = (values: readonly string[]) => ({ type: "array", items: { type: "string", enum: values } });

const ENTRY_PROPERTIES: Record<string, object> = {
  ...typed(NUMBER_FIELDS, "number"),
  ...typed(BOOLEAN_FIELDS, "boolean"),
  ...typed(STRING_FIELDS, "string"),
  metadata: { type: "object" },
  provider_specific_entry: { type: "object" },
  mode: { type: "string", enum: LITELLM_MODES },
  reasoning_effort_levels: enumArray(["none", "minimal", "low", "medium", "high", "xhigh", "max"]),
  default_reasoning_effort: { type: "string", enum: ["none", "minimal", "low", "medium", "high", "xhigh"] },
  supported_audio_formats: enumArray(["mp3", "wav"]),
  vertex_ai_audio_api: { type: "string", enum: ["lyria_predict", "lyria_interactions"] },
  bedrock_output_config_effort_ceiling: { type: "string", enum: ["low", "medium", "high", "max", "xhigh"] },
  supported_endpoints: enumArray(ENDPOINTS),
  supported_regions: { type: "array", items: { type: "string" } },
  guardrail_cost_per_unit: { type: "object", additionalProperties: { type: "number" } },
  search_context_cost_per_query: {
    type: "object",
    properties: typed(["search_context_size_low", "search_context_size_medium", "search_context_size_high"], "number"),
    additionalProperties: false,
  },
  web_search_billing_unit: { type: "string", enum: ["per_prompt", "per_query"] },
  supported_modalities: enumArray(["text", "audio", "image", "video"]),
  supported_output_modalities: enumArray(["text", "image", "audio", "code", "video"]),
  off_peak_pricing: {
    type: "object",
    properties: {
      hours_utc: stringOrStrings,
      windows: {
        type: "array",
        items: {
          type: "object",
          properties: { hours_utc: stringOrStrings, weekdays: { type: "array", items: { oneOf: [{ type: "integer" }, { type: "string" }] } } },
          required: ["hours_utc"],
          additionalProperties: false,
        },
      },
      weekday_timezone: { type: "string" },
      ...typed(["input_cost_per_token", "output_cost_per_token", "output_cost_per_reasoning_token", "cache_read_input_token_cost", "cache_creation_input_token_cost"], "number"),
    },
    additionalProperties: false,
  },
  tiered_pricing: {
    type: "array",
    items: {
      type: "object",
      properties: {
        range,
        max_results_range: range,
        ...typed(["input_cost_per_token", "output_cost_per_token", "cache_read_input_token_cost", "cache_creation_input_token_cost", "output_cost_per_reasoning_token", "input_cost_per_query"], "number"),
      },
      additionalProperties: false,
    },
  },
};

/** The whole map: any key, each value an entry with only the fields above. */
export const LITELLM_COST_MAP_SCHEMA = {
  type: "object",
  additionalProperties: { type: "object", properties: ENTRY_PROPERTIES, additionalProperties: false },
} as const;

/** Field names an entry may carry, for writers that must stay inside the schema. */
export const LITELLM_ENTRY_FIELDS: ReadonlySet<string> = new Set(Object.keys(ENTRY_PROPERTIES));

/** Keys of the map that document it rather than price a model; LiteLLM's test removes them before validating. */
export const LITELLM_DOCUMENTATION_KEYS = ["sample_spec", "fallback_generalizations"] as const;
