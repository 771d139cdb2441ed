import { describe, expect, it } from "vitest";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { parseLmarena } from "./parse.ts";

const context = { observedAt: new Date("2026-08-01T23:30:00Z") };
const parseOne = (name: string, body: string) => parseLmarena([{ name, body }], context);

const FBOULNOIS_HEADER = "rank,rank_stylectrl,model,arena_score,95_pct_ci,votes,organization,license,knowledge_cutoff,url";
const ALLTIME_HEADER = "key,Model,rating,License,Organization,date";

function expectPayloadError(run: () => unknown, message: RegExp): void {
  expect(run).toThrow(PayloadError);
  expect(run).toThrow(message);
}

describe("error paths", () => {
  it("fails without any document", () => {
    expectPayloadError(() => parseLmarena([], context), /lmarena: no payload document/);
  });

  it("fails on invalid JSON and names the file", () => {
    expectPayloadError(() => parseOne("leaderboard-text.json", '{"full": {'), /invalid JSON.*\(in leaderboard-text\.json\)/);
  });

  it("fails on an HTML page where JSON was expected", () => {
    expectPayloadError(() => parseOne("leaderboard-text.json", "<!DOCTYPE html><title>Just a moment...</title>"), /HTML page/);
  });

  it("fails on an empty body", () => {
    expectPayloadError(() => parseOne("lmarena_text.csv", "  \n"), /empty document/);
  });

  it("fails on a JSON object it cannot place (another arena-catalog board)", () => {
    expectPayloadError(() => parseOne("data/leaderboard-vision.json", '{"full": {"gpt-4o": {"rating": 1200}}}'), /unknown JSON format/);
  });

  it("fails on a leaderboard whose entries changed shape", () => {
    expectPayloadError(() => parseOne("leaderboard-text.json", '{"full": {"gpt-4o": {"score": 1200}}}'), /full\.gpt-4o\.rating/);
  });

  it("fails on a leaderboard with no catalogued category", () => {
    expectPayloadError(() => parseOne("leaderboard-text.json", "{}"), /no rated model/);
    expectPayloadError(() => parseOne("leaderboard-text.json", '{"overall_v2": {"a": {"rating": 1}}}'), /categories: overall_v2/);
  });

  it("fails on a CSV with an unknown header", () => {
    expectPayloadError(() => parseOne("history.csv", "date,rank,name\n2025-06-27,1,x\n"), /unknown CSV format \(columns: date, rank, name\)/);
  });

  it("fails on a CSV whose rows do not match its header", () => {
    expectPayloadError(() => parseOne("lmarena_text.csv", `${FBOULNOIS_HEADER}\n1,1,Gemini-2.5-Pro,1470\n`), /invalid CSV/);
  });

  it("fails when an expected column is missing", () => {
    const withoutVotes = "rank,model,arena_score,95_pct_ci,organization,license\n1,Gemini-2.5-Pro,1470,+5/-5,Google,Proprietary\n";
    expectPayloadError(() => parseOne("lmarena_text.csv", withoutVotes), /missing expected columns: votes/);
    const withoutScore = "rank,model,95_pct_ci,votes,organization,license\n1,Gemini-2.5-Pro,+5/-5,1,Google,Proprietary\n";
    expectPayloadError(() => parseOne("lmarena_text.csv", withoutScore), /missing expected columns: arena_score or arena_elo/);
    expectPayloadError(() => parseOne("alltime.csv", "key,Model,rating,License,Organization\n"), /missing expected columns: date/);
  });

  it("fails on a CSV with a header and no rows", () => {
    expectPayloadError(() => parseOne("lmarena_text.csv", `${FBOULNOIS_HEADER}\n`), /no rows/);
  });

  it("fails on a rating that is not a number, naming the row", () => {
    const row = "1,1,Gemini-2.5-Pro,1498Preliminary,+5/-5,26019,Google,Proprietary,,";
    expectPayloadError(() => parseOne("lmarena_text.csv", `${FBOULNOIS_HEADER}\n${row}\n`), /row 2 .*rating: expected a number/);
  });

  it("fails on an unreadable time-series date", () => {
    expectPayloadError(() => parseOne("alltime.csv", `${ALLTIME_HEADER}\ngpt-4,ChatGPT-4,1200.5,Proprietary,OpenAI,2025-03-26\n`), /YYYYMMDD/);
  });

  it("fails on two different ratings for one model and date", () => {
    const body = `${FBOULNOIS_HEADER}\n1,1,GLM-4.5,1434,+9/-9,4112,Z.ai,MIT,,\n2,2,GLM-4.5,1430,+9/-9,4112,Z.ai,MIT,,\n`;
    expectPayloadError(() => parseOne("lmarena_text.v2025.08.04.csv", body), /conflicting lmarena-text ratings for "GLM-4.5" on 2025-08-04: 1434 and 1430/);
  });

  it("fails on a top-N file for a board it has no benchmark for", () => {
    const body = JSON.stringify({ meta: { leaderboard: "vision" }, models: [{ model: "x", score: 1 }] });
    expectPayloadError(() => parseOne("arena_vision.json", body), /unknown leaderboard "vision"/);
  });

  it("fails on a top-N file with an unreadable last_updated date", () => {
    const body = JSON.stringify({ meta: { leaderboard: "code", last_updated: "yesterday" }, models: [{ model: "x", score: 1 }] });
    expectPayloadError(() => parseOne("arena_code.json", body), /unreadable meta.last_updated "yesterday"/);
  });

  it("fails on a scatterplot list of something else", () => {
    expectPayloadError(() => parseOne("scatterplot-data.json", "[1, 2]"), /scatterplot-data does not have the expected shape/);
  });
});

describe("edge cases", () => {
  it("dates undated content from the name, else from the observation day (UTC)", () => {
    const body = '{"full": {"gpt-4o": {"rating": 1200.5, "rating_q025": 1198, "rating_q975": 1203}}}';
    const live = "https://raw.githubusercontent.com/lmarena/arena-catalog/main/data/leaderboard-text.json";
    expect(parseOne(live, body).observations[0]?.asOf).toBe("2026-08-01");
    expect(parseOne("archive/leaderboard-text.2025-10-02.json", body).observations[0]?.asOf).toBe("2025-10-02");
  });

  it("skips categories not in the catalogue but keeps the rest of the file", () => {
    const body = '{"full": {"gpt-4o": {"rating": 1200}}, "portuguese": {"gpt-4o": {"rating": 1190}}}';
    const result = parseOne("leaderboard-text-style-control.json", body);
    expect(result.observations.map((observation) => [observation.benchmark, observation.ciLower])).toEqual([["lmarena-text-style-control", null]]);
    expect(result.skipped).toEqual([{ name: "portuguese/gpt-4o", reason: expect.stringContaining('category "portuguese"') }]);
  });

  it("gives arena-catalog keys the scatterplot-data names whatever the document order", () => {
    const documents: PayloadDocument[] = [
      { name: "data/leaderboard-text.json", body: '{"coding": {"llama-3.1-405b-instruct-fp8": {"rating": 1250}}}' },
      {
        name: "data/scatterplot-data.json",
        body: JSON.stringify([{ name: "Llama 3.1 405B", model_api_name: "llama-3.1-405b-instruct-fp8", organization: "Meta", license: "Llama 3.1 Community" }]),
      },
    ];
    const [observation] = parseLmarena(documents, context).observations;
    expect(observation).toMatchObject({
      benchmark: "lmarena-text-coding",
      model: "llama-3.1-405b-instruct-fp8",
      hints: { displayName: "Llama 3.1 405B", creator: "Meta", openWeights: true },
    });
  });

  it("names time-series keys from key_to_model when the row repeats the key", () => {
    const documents: PayloadDocument[] = [
      { name: "alltime.csv", body: `${ALLTIME_HEADER}\nim-also-a-late-june-chatbot,im-also-a-late-june-chatbot,1200.25,Proprietary,Google,20240626\n` },
      { name: "key_to_model.csv", body: "key,Model,License,Organization\nim-also-a-late-june-chatbot,Gemma 2 (also testing),Proprietary,Google\n" },
    ];
    const result = parseLmarena(documents, context);
    expect(result.observations).toEqual([
      expect.objectContaining({
        model: "im-also-a-late-june-chatbot",
        score: 1200.25,
        asOf: "2024-06-26",
        hints: { displayName: "Gemma 2 (also testing)", creator: "Google", openWeights: false },
      }),
    ]);
    expect(result.skipped).toHaveLength(1);
  });

  it("reads blank intervals and votes with thousands separators", () => {
    const body = `${FBOULNOIS_HEADER}\n1,1,Llama-4-Maverick-03-26-Experimental,1416,,"26,604",Meta,,,\n`;
    expect(parseOne("lmarena_text.v2025.04.30.csv", body).observations[0]).toMatchObject({
      score: 1416,
      ciLower: null,
      ciUpper: null,
      votes: 26604,
      hints: { creator: "Meta", openWeights: null },
    });
  });

  it("skips a replayed folder's PROVENANCE.md", () => {
    const result = parseLmarena(
      [
        { name: "PROVENANCE.md", body: "# LMArena" },
        { name: "arena_text.json", body: JSON.stringify({ meta: { leaderboard: "text", fetched_at: null }, models: [{ model: "x", score: 1500 }] }) },
      ],
      context,
    );
    expect(result.observations.map((observation) => [observation.model, observation.asOf, observation.ciUpper])).toEqual([["x", "2026-08-01", null]]);
    expect(result.skipped).toEqual([{ name: "PROVENANCE.md", reason: expect.stringContaining("documentation") }]);
  });
});
