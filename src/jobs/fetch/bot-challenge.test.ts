import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { snapshotFolderDocuments, snapshotPath } from "../../../test/helpers/snapshots.ts";
import { detectBotChallenge } from "./bot-challenge.ts";

const CHALLENGE_PAGE = "pages/openai/blocked/platform.openai.com_docs_pricing.challenge-page.2026-05-08.html";

describe("detectBotChallenge", () => {
  const challenge = readFileSync(snapshotPath(CHALLENGE_PAGE), "utf8");

  it("recognises the recorded Cloudflare challenge page whatever its status", () => {
    for (const status of [200, 403, 503]) {
      expect(detectBotChallenge({ body: challenge, status, htmlExpected: true })).toMatch(/Cloudflare challenge/);
    }
  });

  it("flags no real recorded pricing page, though some carry passive bot-protection scripts", () => {
    const pages = snapshotFolderDocuments("pages").filter(
      (page) => /\.(html?|md|txt)$/.test(page.name) && !page.name.startsWith("openai/blocked/"),
    );
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      expect({ page: page.name, marker: detectBotChallenge({ body: page.body, status: 200, htmlExpected: true }) }).toEqual({
        page: page.name,
        marker: undefined,
      });
    }
  });

  it("recognises the common challenge titles", () => {
    const page = (title: string) => `<!DOCTYPE html><html><head><title>${title}</title></head><body></body></html>`;
    expect(detectBotChallenge({ body: page("Just a moment..."), status: 403, htmlExpected: true })).toMatch(/Just a moment/);
    expect(detectBotChallenge({ body: page("Attention Required! | Cloudflare"), status: 403, htmlExpected: true })).toMatch(
      /Attention Required/,
    );
    expect(detectBotChallenge({ body: page("Vercel Security Checkpoint"), status: 429, htmlExpected: true })).toMatch(/Vercel/);
  });

  it("reads the mitigation headers of Cloudflare, Vercel and AWS WAF", () => {
    const mitigated = (status: number, name: string, value: string) =>
      detectBotChallenge({ body: "", status, headers: new Headers({ [name]: value }), htmlExpected: true });
    expect(mitigated(403, "cf-mitigated", "challenge")).toMatch(/cf-mitigated/);
    expect(mitigated(429, "x-vercel-mitigated", "challenge")).toMatch(/Vercel/);
    expect(mitigated(202, "x-amzn-waf-action", "challenge")).toMatch(/AWS WAF/);
  });

  it("counts weak markers only on a challenge status or on HTML where HTML was not expected", () => {
    const captcha = "<html><body><p>Please complete the captcha to continue.</p></body></html>";
    expect(detectBotChallenge({ body: captcha, status: 403, htmlExpected: true })).toMatch(/captcha/);
    expect(detectBotChallenge({ body: captcha, status: 200, htmlExpected: false })).toMatch(/captcha/);
    expect(detectBotChallenge({ body: captcha, status: 200, htmlExpected: true })).toBeUndefined();
    expect(detectBotChallenge({ body: captcha, status: 404, htmlExpected: true })).toBeUndefined();
  });

  it("ignores markers inside data that is not an HTML page", () => {
    const json = JSON.stringify({ note: "Just a moment... window._cf_chl_opt captcha" });
    expect(detectBotChallenge({ body: json, status: 403, htmlExpected: false })).toBeUndefined();
  });
});
