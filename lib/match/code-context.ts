/**
 * Where a name sits in code rather than prose: a file name or path, a setting's value. Names there
 * are not mentions (the exact and fuzzy stages both ask).
 */

/**
 * True when a Latin name sits in a file name or path ("extra-openai-models.yaml", "src/openai/"),
 * which is code, not prose about the entity.
 */
export function inFileName(text: string, start: number, end: number): boolean {
  // Only a name touching . / - or _ can sit in a file name or path (most names touch spaces).
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  const joiner = (c: number) => c === 0x2e || c === 0x2f || c === 0x2d || c === 0x5f;
  if (!joiner(before) && !joiner(after)) return false;
  if (!/[A-Za-z]/.test(text[start] ?? '')) return false;
  let a = start;
  while (a > 0 && /[\w./-]/.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && /[\w./-]/.test(text[b]!)) b++;
  const token = text.slice(a, b);
  // A path: from the root, relative, or two directories deep ("OpenAI/Microsoft", "Yi-9B/6B" are prose).
  const path = /^(?:\.{0,2}\/|[\w.-]*\/[\w.-]*\/)/.test(token);
  return (
    path || /[\w-]\.(?:ya?ml|json|jsonl|py|js|ts|md|txt|toml|cfg|ini|sh|gguf|bin|safetensors)$/i.test(token)
  );
}

// A setting's key that reads as code anywhere in a line ("model_id: kimi-k2", "model: o1"), or a
// command's model flag ("llm -m kimi-k2"). A plain word's colon is prose ("direct: o1 pushes").
const SETTING_BEFORE =
  /(?:^|\s)(?:[a-z]+_[a-z_]+:|(?:model|engine|llm|provider|deployment):|-m|--model[ =]?)[ \t]*$/;
// Any key at the start of a line is a setting ("  model: kimi-k2" in YAML).
const LINE_KEY = /^[ \t-]*[a-z][a-z_]*:[ \t]*$/;

/**
 * True when a name written in lower case is a setting's value in code or a command line, which is
 * code, not prose about the entity (prose writes "Kimi K2").
 */
export function inCodeSetting(text: string, start: number, end: number): boolean {
  // Most names are written with a capital: only an all-lower-case one is looked at.
  const first = text.charCodeAt(start);
  if (first < 0x61 || first > 0x7a) return false;
  if (/[A-Z]/.test(text.slice(start, end))) return false;
  if (SETTING_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return true;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return start - lineStart <= 40 && LINE_KEY.test(text.slice(lineStart, start));
}
