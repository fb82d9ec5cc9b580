/**
 * AI-context cues for ambiguous aliases ("Gemini", "Claude", "星火"): such a name is only marked when
 * its block talks about AI or the name is followed by a model-shaped suffix ("Llama 3").
 */

// Latin cues need word boundaries ("AI" not in "said"); CJK cues do not.
const LATIN_CUES =
  /\b(?:AI|A\.I\.|LLMs?|GPTs?|chatbots?|models?|language models?|artificial intelligence|machine learning|neural|benchmarks?|open[- ]source|open weights|parameters|fine-tun(?:e|ed|ing)|inference|GPUs?|training|trained|startup|lab)\b/i;
const CJK_CUES =
  /大模型|模型|人工智能|智能体|聊天机器人|算力|芯片|开源|参数|训练|推理|基准|评测|生成式|语言模型|大語言模型|人工智慧|晶片|訓練/;

/** True when the text carries a cue that it is about AI. */
export function hasAiCue(text: string): boolean {
  return LATIN_CUES.test(text) || CJK_CUES.test(text);
}

const MODEL_SUFFIX =
  /^[\s-]?(?:\d|[0-9.]+[bkmBKM]\b|Pro\b|Ultra\b|Flash\b|Nano\b|Opus\b|Sonnet\b|Haiku\b|Large\b|Turbo\b)/;

/** True when the alias ending at `end` is followed by a version or size ("Gemini 1.5", "Llama-3"). */
export function hasModelSuffix(text: string, end: number): boolean {
  return MODEL_SUFFIX.test(text.slice(end, end + 12));
}
