#!/usr/bin/env node
// The CLI runs the compiled JavaScript in dist/, which `npm install` builds (the `prepare`
// script; `npm run build` rebuilds it): nothing is compiled at start.
import { existsSync } from "node:fs";

const main = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("pricewar: the compiled CLI is missing (dist/); run `npm install` or `npm run build` first\n");
  process.exit(2);
}
await import(main.href);
