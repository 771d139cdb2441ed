/** The ids errors and the registry name these sources by: docs.z.ai (USD) and open.bigmodel.cn (CNY). */
export const ZAI_PRICING_SOURCE_ID = "zai-pricing";
export const ZAI_BIGMODEL_PRICING_SOURCE_ID = "zai-bigmodel-pricing";
