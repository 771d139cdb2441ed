import { describe, expect, it } from "vitest";
import { ConfigError, loadEnv } from "./env.ts";

describe("loadEnv", () => {
  it("applies defaults and treats empty strings as unset", () => {
    const env = loadEnv({ DATABASE_URL: "", PORT: "", PGLITE_DIR: " " });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(8787);
    expect(env.PGLITE_DIR).toBe("./data");
    expect(env.LOG_LEVEL).toBe("info");
  });

  it("reads valid values", () => {
    const env = loadEnv({ DATABASE_URL: "postgres://u@h:5432/db", PORT: "9000", LOG_LEVEL: "debug" });
    expect(env).toMatchObject({ DATABASE_URL: "postgres://u@h:5432/db", PORT: 9000, LOG_LEVEL: "debug" });
  });

  it("names every bad variable in one error", () => {
    expect(() => loadEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" })).toThrow(ConfigError);
    try {
      loadEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT: .*"eighty"/);
      expect(message).toMatch(/DATABASE_URL: must be a postgres/);
      expect(message).toMatch(/LOG_LEVEL: /);
    }
  });
});
