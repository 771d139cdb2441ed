/**
 * Reads the cards of claude.com/pricing (a Webflow page). API model cards
 * (`div.card_pricing_api_wrap`) hold one `div.tokens_main_wrap` per price: a label
 * (Input, Output, then Write and Read under a "Prompt caching" heading row) and the amount
 * in a `data-value` attribute, displayed as "$5 / MTok". Subscription plan cards and
 * platform feature cards are read by name only, to report them as skipped.
 */
import { z } from "zod";
import { CardLayoutError } from "./errors.ts";
import { describeIssues } from "../../src/domain/zod-issues.ts";
import { loadHtml } from "../lib/load-html.ts";

const priceRowSchema = z.object({
  label: z.string().trim().min(1),
  amount: z.string().regex(/^\d+(\.\d+)?$/, "a decimal data-value").optional(),
  shown: z.string().optional(),
});

const apiCardSchema = z.object({
  name: z.string().trim().min(1),
  rows: z.array(priceRowSchema),
});

const pricingPageSchema = z.object({
  apiCards: z.array(apiCardSchema),
  plans: z.array(z.string().trim().min(1)),
  features: z.array(z.object({ name: z.string().trim().min(1) })),
  cacheTtlNote: z.string().optional(),
});

export type ApiCard = z.infer<typeof apiCardSchema>;
export type PricingPage = z.infer<typeof pricingPageSchema>;

export function readPricingCards(html: string): PricingPage {
  const $ = loadHtml(html);
  const page = $.extract({
    apiCards: [
      {
        selector: "div.card_pricing_api_wrap",
        value: {
          name: "h3.card_pricing_title_text",
          rows: [
            {
              selector: "div.tokens_main_wrap",
              value: { label: ".tokens_main_label", amount: { selector: "[data-value]", value: "data-value" }, shown: ".tokens_main_val" },
            },
          ],
        },
      },
    ],
    plans: ["div.card_pricing_wrap h3.card_pricing_title_text"],
    features: [{ selector: "div.card_slot_wrap:has([data-api-price])", value: { name: ".c-heading" } }],
    // The cards show one cache-write price; this note says which duration it is.
    cacheTtlNote: "p:contains('5-minute TTL')",
  });
  const result = pricingPageSchema.safeParse(page);
  if (!result.success) {
    throw new CardLayoutError(`pricing cards do not have the expected shape: ${describeIssues(result.error, 3)}`);
  }
  return result.data;
}
