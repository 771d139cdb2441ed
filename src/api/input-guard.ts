/**
 * Checks on a procedure's raw input, before its zod schema: every string (and every key)
 * anywhere in it is free of control characters and of reasonable length. A NUL byte would
 * otherwise reach Postgres, which refuses it in text ("invalid byte sequence"), and the
 * caller would see a 500 for what is their own mistake. Walked without recursion: the
 * input is the caller's JSON and may be nested arbitrarily deep.
 */

/** C0 controls, DEL and C1 controls: never part of a model name, date, id or search term. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** Longer than any model name, id or date; the whole input of a GET fits in a URL anyway. */
export const MAX_STRING_PARAMETER_LENGTH = 500;

export interface InputProblem {
  /** Where in the input: "name", "workload.0.task", or "input" for the input itself. */
  path: string;
  message: string;
}

/** The first problem in `input`, or null when every string in it is acceptable. */
export function findInputProblem(input: unknown): InputProblem | null {
  const stack: Array<[path: string, value: unknown]> = [["", input]];
  while (stack.length > 0) {
    const [path, value] = stack.pop()!;
    if (typeof value === "string") {
      const problem = stringProblem(value);
      if (problem) return { path: path || "input", message: problem };
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push([join(path, String(index)), item]));
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const problem = stringProblem(key);
        if (problem) return { path: join(path, JSON.stringify(key)), message: `parameter name: ${problem}` };
        stack.push([join(path, key), item]);
      }
    }
  }
  return null;
}

function stringProblem(value: string): string | null {
  const control = CONTROL_CHARACTER.exec(value);
  if (control) {
    const codePoint = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    return `control character U+${codePoint} at position ${control.index} is not allowed`;
  }
  if (value.length > MAX_STRING_PARAMETER_LENGTH) return `${value.length} characters; at most ${MAX_STRING_PARAMETER_LENGTH} are allowed`;
  return null;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
