/**
 * Non-browser clients of platform.openai.com get a Cloudflare "managed challenge"
 * interstitial (HTTP 200, an OpenAI logo, no prices) instead of the page. Only markers of
 * the interstitial itself count: normal Cloudflare-served pages also load
 * `/cdn-cgi/challenge-platform/` scripts, so that path is not a sign of a block.
 */
const CHALLENGE_MARKERS = [/window\._cf_chl_opt\b/, /id="challenge-error-text"/, /Enable JavaScript and cookies to continue/, /<title>Just a moment\.\.\.<\/title>/];

export function looksLikeBotChallenge(body: string): boolean {
  return CHALLENGE_MARKERS.some((marker) => marker.test(body));
}
