/**
 * Recognises bot-challenge and bot-block pages (Cloudflare, Vercel, Akamai, DataDome,
 * PerimeterX, Imperva, AWS WAF). Such a page is no payload: its run must fail as
 * "blocked", not feed a parser that would report "no prices found" or a layout change.
 *
 * Markers come in two strengths. Strong ones only occur on challenge pages. Weak ones
 * ("captcha", "Access Denied", Cloudflare's passive `challenge-platform` script) also
 * occur on real pages (the recorded Gemini, Anthropic and xAI pricing pages have them),
 * so they count only on a 403/429/503, or on an HTML page where HTML was not expected.
 */
import { looksLikeHtmlDocument } from "./markup.ts";

interface Marker {
  label: string;
  pattern: RegExp;
}

const HEADER_MARKERS: readonly { header: string; pattern: RegExp; label: string }[] = [
  { header: "cf-mitigated", pattern: /challenge/i, label: "Cloudflare challenge (cf-mitigated header)" },
  { header: "x-vercel-mitigated", pattern: /challenge|deny/i, label: "Vercel checkpoint (x-vercel-mitigated header)" },
  { header: "x-amzn-waf-action", pattern: /challenge|captcha|block/i, label: "AWS WAF (x-amzn-waf-action header)" },
];

const STRONG_BODY_MARKERS: readonly Marker[] = [
  { label: "Cloudflare challenge (_cf_chl_opt)", pattern: /_cf_chl_opt|__cf_chl_|\bcf-chl-/ },
  { label: "Cloudflare challenge (challenge orchestrator)", pattern: /\/cdn-cgi\/challenge-platform\/\S*?\/orchestrate\// },
  {
    label: "Cloudflare challenge (challenge form)",
    pattern: /id=["']challenge-(?:error-text|form|running|stage)["']|cf-browser-verification/,
  },
  { label: "Cloudflare challenge (\"Just a moment...\")", pattern: /<title>\s*Just a moment\.\.\.\s*<\/title>/i },
  { label: "Cloudflare block (\"Attention Required!\")", pattern: /<title>\s*Attention Required! \| Cloudflare\s*<\/title>/i },
  { label: "Vercel Security Checkpoint", pattern: /<title>\s*Vercel Security Checkpoint\s*<\/title>/i },
  { label: "Akamai bot challenge", pattern: /sec-if-cpt-container|\/_sec\/cp_challenge\/|errors\.edgesuite\.net/ },
  { label: "DataDome captcha", pattern: /captcha-delivery\.com/ },
  { label: "PerimeterX captcha", pattern: /\bpx-captcha\b/ },
  { label: "Imperva block", pattern: /_Incapsula_Resource|Incapsula incident ID/ },
  { label: "AWS WAF challenge", pattern: /AwsWafIntegration|window\.gokuProps/ },
];

const WEAK_BODY_MARKER = new RegExp(
  [
    "captcha",
    "just a moment",
    "checking your browser",
    "attention required",
    "access denied",
    "are you a robot",
    "verify you are human",
    "you have been blocked",
    "request (?:was )?blocked",
    "cloudflare",
    "ddos protection",
    "bot protection",
    "challenge-platform",
  ].join("|"),
  "i",
);

const CHALLENGE_STATUSES = new Set([403, 429, 503]);

export interface ChallengeInput {
  body: string;
  /** HTTP status; replayed files count as 200. */
  status: number;
  headers?: Headers;
  /** The source expects an HTML page, so an HTML body by itself is no warning sign. */
  htmlExpected: boolean;
}

/** What gave the challenge away, or undefined for an ordinary response. */
export function detectBotChallenge(input: ChallengeInput): string | undefined {
  for (const { header, pattern, label } of HEADER_MARKERS) {
    const value = input.headers?.get(header);
    if (value && pattern.test(value)) return label;
  }
  if (!looksLikeHtmlDocument(input.body)) return undefined;
  for (const { label, pattern } of STRONG_BODY_MARKERS) {
    if (pattern.test(input.body)) return label;
  }
  const suspicious = CHALLENGE_STATUSES.has(input.status) || (!input.htmlExpected && isSuccess(input.status));
  const weak = suspicious ? WEAK_BODY_MARKER.exec(input.body) : null;
  return weak ? `bot-protection page ("${weak[0]}")` : undefined;
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}
