/**
 * A short JSON excerpt of a payload value for an error message. JSON.stringify recurses,
 * so a deeply nested value would turn the error itself into "Maximum call stack size
 * exceeded"; such a value is described instead of quoted.
 */
export function previewValue(value: unknown, maxLength = 80): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return Array.isArray(value) ? "a deeply nested array" : "a deeply nested object";
  }
  if (text === undefined) return String(value);
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}
