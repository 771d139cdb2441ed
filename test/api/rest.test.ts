import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { AnyProcedure } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import packageJson from "../../package.json" with { type: "json" };
import type { ApiContext } from "../../src/api/context.ts";
import { NotFoundError } from "../../src/api/errors.ts";
import { createRestHandler } from "../../src/api/rest/handler.ts";
import type { OpenApiDocument } from "../../src/api/rest/openapi.ts";
import { appRouter, createCaller } from "../../src/api/router.ts";
import type { RouteHandler } from "../../src/api/server.ts";
import { publicProcedure, router } from "../../src/api/trpc.ts";
import { useTestDatabase } from "../helpers/database.ts";

// Schemas with a registry id become $refs in JSON Schema: conversion and the document must follow them.
const taskFamily = z.enum(["coding", "chat"]).meta({ id: "RestTestTaskFamily", description: "task family" });
const topCount = z.number().int().min(1).meta({ id: "RestTestTopCount" });

const testRouter = router({
  tasks: router({
    list: publicProcedure
      .input(z.object({ family: taskFamily.optional(), top: topCount.optional() }))
      .query(({ input }) => ({ family: input.family ?? null, top: input.top ?? null })),
    get: publicProcedure.input(z.object({ id: z.string() })).query(({ input }) => {
      throw new NotFoundError(`task "${input.id}" not found`);
    }),
  }),
  echo: router({
    search: publicProcedure
      .input(
        z.object({
          task: z.enum(["coding", "chat", "math"]).describe("task class"),
          limit: z.number().int().min(1).max(50).default(10),
          maxPrice: z.number().optional(),
          openWeights: z.boolean().optional(),
          providers: z.array(z.string()).optional(),
          ids: z.array(z.number().int()).optional(),
          since: z.iso.date().optional(),
        }),
      )
      .query(({ input }) => ({ input, at: new Date("2025-01-02T03:04:05Z") })),
  }),
  simulate: publicProcedure
    .input(z.object({ workload: z.array(z.object({ task: z.string(), share: z.number().positive() })).min(1) }))
    .output(z.object({ calls: z.number(), tasks: z.array(z.string()) }))
    .query(({ input }) => ({ calls: input.workload.length, tasks: input.workload.map((item) => item.task) })),
  ping: publicProcedure.query(() => "pong"),
  shout: publicProcedure.input(z.string().min(1)).query(({ input }) => input.toUpperCase()),
  crash: publicProcedure.query(() => {
    throw new Error("secret connection string");
  }),
  admin: router({
    reset: publicProcedure.input(z.object({ all: z.boolean() })).mutation(() => "reset"),
  }),
});

const database = useTestDatabase();
const context = (): ApiContext => ({ db: database().db, connection: database() });

async function serve(handler: RouteHandler) {
  const server = createServer((request, response) => {
    void handler(request, response, new URL(request.url ?? "/", "http://localhost"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let testApi: Awaited<ReturnType<typeof serve>>;
let realApi: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  testApi = await serve(createRestHandler(testRouter, context));
  realApi = await serve(createRestHandler(appRouter, context));
});
afterAll(async () => {
  await testApi?.close();
  await realApi?.close();
});

async function get(path: string, init?: RequestInit) {
  const response = await fetch(`${testApi.base}${path}`, init);
  return { status: response.status, body: await response.json() };
}

describe("query parameters become the procedure's input", () => {
  it("converts numbers, booleans, arrays (repeated and comma-separated) and keeps strings", async () => {
    const { status, body } = await get(
      "/api/v1/echo/search?task=coding&limit=5&maxPrice=2.5&openWeights=false&providers=openai&providers=together,groq&ids=1,2&since=2025-01-01",
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      input: {
        task: "coding",
        limit: 5,
        maxPrice: 2.5,
        openWeights: false,
        providers: ["openai", "together", "groq"],
        ids: [1, 2],
        since: "2025-01-01",
      },
      at: "2025-01-02T03:04:05.000Z",
    });
  });

  it("leaves out what is not given, so defaults apply", async () => {
    const { body } = await get("/api/v1/echo/search?task=chat");
    expect(body.input).toEqual({ task: "chat", limit: 10 });
  });

  it("accepts an array as one JSON array", async () => {
    const { body } = await get(`/api/v1/echo/search?task=math&providers=${encodeURIComponent('["a,b","c"]')}`);
    expect(body.input.providers).toEqual(["a,b", "c"]);
  });

  it("reads structured parameters as JSON and validates inside them", async () => {
    const workload = JSON.stringify([
      { task: "coding", share: 0.8 },
      { task: "chat", share: 0.2 },
    ]);
    const ok = await get(`/api/v1/simulate?workload=${encodeURIComponent(workload)}`);
    expect(ok).toEqual({ status: 200, body: { calls: 2, tasks: ["coding", "chat"] } });

    const invalid = await get(`/api/v1/simulate?workload=${encodeURIComponent('[{"task":"coding","share":-1}]')}`);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues).toEqual([{ path: "workload.0.share", message: expect.stringMatching(/>0/) }]);

    const malformed = await get("/api/v1/simulate?workload=[{task:coding}]");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/^workload: expected a JSON value/);
  });

  it("serves a group's list at the group path too, and top-level procedures at the root", async () => {
    const list = await get("/api/v1/tasks/list?family=chat&top=3");
    expect(list).toEqual({ status: 200, body: { family: "chat", top: 3 } });
    expect(await get("/api/v1/tasks?family=chat&top=3")).toEqual(list);
    expect(await get("/api/v1/tasks")).toEqual({ status: 200, body: { family: null, top: null } });
    expect(await get("/api/v1/ping")).toEqual({ status: 200, body: "pong" });
    expect(await get("/api/v1/ping/")).toEqual({ status: 200, body: "pong" });
  });

  it("takes a non-object input whole, as `input`", async () => {
    expect(await get("/api/v1/shout?input=abc")).toEqual({ status: 200, body: "ABC" });
    expect((await get("/api/v1/shout")).body.error.message).toBe("input: Invalid input: expected string, received undefined");
    expect((await get("/api/v1/shout?text=abc")).body.error.message).toBe("text: unknown parameter; expected one of: input");
  });

  it("ignores parameters when a procedure takes no input", async () => {
    expect(await get("/api/v1/ping?cacheBuster=1")).toEqual({ status: 200, body: "pong" });
  });
});

describe("errors", () => {
  it("names the valid values of an enum", async () => {
    const { status, body } = await get("/api/v1/echo/search?task=poetry");
    expect(status).toBe(400);
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toMatch(/^task: /);
    for (const value of ["coding", "chat", "math"]) expect(body.error.message).toContain(value);
    expect(body.error.issues).toEqual([{ path: "task", message: expect.stringContaining("expected one of") }]);
  });

  it("gives one message per bad field", async () => {
    const { status, body } = await get("/api/v1/echo/search?limit=abc&openWeights=yes");
    expect(status).toBe(400);
    expect(body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(["limit", "openWeights", "task"]);
    expect(body.error.message).toContain("limit: Invalid input: expected number, received string");
    expect((await get("/api/v1/echo/search?task=chat&limit=500")).body.error.issues[0].path).toBe("limit");
  });

  it("rejects unknown and repeated single-value parameters, naming them", async () => {
    const unknown = await get("/api/v1/echo/search?task=coding&colour=red");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^colour: unknown parameter; expected one of: task, limit, /);
    const repeated = await get("/api/v1/echo/search?task=coding&task=chat");
    expect(repeated.status).toBe(400);
    expect(repeated.body.error.issues).toEqual([{ path: "task", message: "given 2 times; expected one value" }]);
  });

  it("maps domain errors to their status and hides internal ones", async () => {
    expect(await get("/api/v1/tasks/get?id=poetry")).toEqual({
      status: 404,
      body: { error: { code: "NOT_FOUND", message: 'task "poetry" not found' } },
    });
    expect(await get("/api/v1/crash")).toEqual({
      status: 500,
      body: { error: { code: "INTERNAL_SERVER_ERROR", message: "internal error" } },
    });
  });

  it("answers 404 for unknown procedures and for mutations, listing nothing", async () => {
    for (const path of ["/api/v1/nope", "/api/v1/admin/reset", "/api/v1/admin", "/api/v1"]) {
      expect(await get(`${path}?all=true`)).toEqual({
        status: 404,
        body: { error: { code: "NOT_FOUND", message: `no procedure at ${path}; see /api/v1/openapi.json` } },
      });
    }
  });

  it("answers 405 to anything but GET", async () => {
    expect((await get("/api/v1/ping", { method: "POST" })).status).toBe(405);
  });
});

describe("openapi.json", () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    const { status, body } = await get("/api/v1/openapi.json");
    expect(status).toBe(200);
    document = body;
  });

  it("has one GET path per query procedure, a group's list at both paths, and no mutation", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info).toMatchObject({ title: "pricewar", version: packageJson.version });
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        "/api/v1/crash",
        "/api/v1/echo/search",
        "/api/v1/ping",
        "/api/v1/shout",
        "/api/v1/simulate",
        "/api/v1/tasks",
        "/api/v1/tasks/get",
        "/api/v1/tasks/list",
      ].sort(),
    );
    expect(document.paths["/api/v1/echo/search"]!.get).toMatchObject({ operationId: "echo.search", tags: ["echo"] });
    expect(document.paths["/api/v1/tasks"]!.get.parameters).toEqual(document.paths["/api/v1/tasks/list"]!.get.parameters);
  });

  it("moves schemas with a registry id to components and refers to them", () => {
    const [family, top] = document.paths["/api/v1/tasks/list"]!.get.parameters;
    expect(family).toEqual({
      name: "family",
      in: "query",
      required: false,
      description: "task family",
      example: "coding",
      schema: { $ref: "#/components/schemas/RestTestTaskFamily" },
    });
    expect(top!.schema).toEqual({ $ref: "#/components/schemas/RestTestTopCount" });
    expect(document.components.schemas.RestTestTaskFamily).toMatchObject({ enum: ["coding", "chat"] });
    expect(document.components.schemas.RestTestTopCount).toMatchObject({ type: "integer", minimum: 1 });
    expect(document.paths["/api/v1/shout"]!.get.parameters).toEqual([
      { name: "input", in: "query", required: true, example: "example", schema: { type: "string", minLength: 1 } },
    ]);
  });

  it("documents each input property as a query parameter with its schema, required flag and description", () => {
    const parameters = document.paths["/api/v1/echo/search"]!.get.parameters;
    const byName = Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter]));
    expect(Object.keys(byName)).toEqual(["task", "limit", "maxPrice", "openWeights", "providers", "ids", "since"]);
    expect(byName.task).toMatchObject({
      in: "query",
      required: true,
      description: "task class",
      schema: { type: "string", enum: ["coding", "chat", "math"] },
    });
    expect(byName.limit).toMatchObject({ required: false, schema: { type: "integer", minimum: 1, maximum: 50, default: 10 } });
    expect(byName.openWeights).toMatchObject({ required: false, schema: { type: "boolean" } });
    expect(byName.providers).toMatchObject({ style: "form", explode: true, schema: { type: "array", items: { type: "string" } } });
    expect(byName.since).toMatchObject({ schema: { type: "string", format: "date" } });
  });

  it("documents structured parameters as JSON content, and the declared output", () => {
    const operation = document.paths["/api/v1/simulate"]!.get;
    expect(operation.parameters).toEqual([
      expect.objectContaining({
        name: "workload",
        required: true,
        content: { "application/json": { schema: expect.objectContaining({ type: "array", minItems: 1 }) } },
      }),
    ]);
    expect(operation.responses["200"]).toMatchObject({
      content: { "application/json": { schema: { type: "object", properties: { calls: { type: "number" } } } } },
    });
    expect(document.paths["/api/v1/ping"]!.get.parameters).toEqual([]);
    expect(operation.responses["400"]).toEqual({ $ref: "#/components/responses/BadRequest" });
    expect(document.components.schemas.Error).toMatchObject({ required: ["error"] });
  });
});

describe("the real API", () => {
  it("serves /api/v1/health as the health procedure answers it", async () => {
    const response = await fetch(`${realApi.base}/api/v1/health`);
    expect(response.status).toBe(200);
    const expected = JSON.parse(JSON.stringify(await createCaller(context()).health()));
    expect(await response.json()).toEqual(expected);
  });

  it("documents every query procedure of the app router", async () => {
    const document: OpenApiDocument = await (await fetch(`${realApi.base}/api/v1/openapi.json`)).json();
    // `_def.procedures` is typed as the nested record but holds the flat "group.name" map at run time.
    const queries = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>)
      .filter(([, procedure]) => procedure._def.type === "query")
      .map(([path]) => `/api/v1/${path.replaceAll(".", "/")}`);
    expect(queries).toContain("/api/v1/health");
    for (const path of queries) expect(document.paths).toHaveProperty([path]);
  });
});
