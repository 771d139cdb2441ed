/** Reads categories_<release>.json: category name -> the task columns it averages. */
import { z } from "zod";
import { PayloadError, parseJsonDocument, type PayloadDocument } from "../source.ts";
import { categoryBenchmarkId } from "./benchmarks.ts";
import { LIVEBENCH_SOURCE_ID } from "./source-id.ts";

export interface Category {
  name: string;
  benchmark: string;
  tasks: readonly string[];
}

const categoryMapSchema = z.record(z.string().min(1), z.array(z.string().min(1)).min(1));

export function readCategoryMap(document: PayloadDocument): Category[] {
  const parsed = categoryMapSchema.safeParse(parseJsonDocument(LIVEBENCH_SOURCE_ID, document));
  if (!parsed.success) {
    throw new PayloadError(LIVEBENCH_SOURCE_ID, `categories map is not {category: [task, ...]}: ${z.prettifyError(parsed.error)}`, document.name);
  }
  const categories = Object.entries(parsed.data).map(([name, tasks]) => {
    const benchmark = categoryBenchmarkId(name);
    // A new category needs a catalogue entry first, or its scores would have no benchmark to belong to.
    if (!benchmark) throw new PayloadError(LIVEBENCH_SOURCE_ID, `unknown category "${name}"`, document.name);
    return { name, benchmark, tasks };
  });
  if (categories.length === 0) throw new PayloadError(LIVEBENCH_SOURCE_ID, "categories map is empty", document.name);
  const benchmarks = categories.map((category) => category.benchmark);
  const repeated = benchmarks.find((benchmark, index) => benchmarks.indexOf(benchmark) !== index);
  if (repeated) throw new PayloadError(LIVEBENCH_SOURCE_ID, `two categories map to ${repeated}`, document.name);
  return categories;
}
