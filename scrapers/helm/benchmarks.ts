/**
 * HELM scenarios, one benchmark per (leaderboard, scenario). HELM's scenario scores are
 * runs on a fixed test set that a release does not redo: the same model has the same
 * GPQA, IFEval... in capabilities v1.12.0 and v1.15.0 (all 366 shared values equal), and a
 * release only adds models. So a scenario keeps one id across releases, while the same
 * scenario on two leaderboards (Lite MMLU vs Classic MMLU: different prompts, shots and
 * metric) are two benchmarks. All scores are fractions (0-1), higher is better; none has
 * a cost. "Mean win rate" / "Mean score" are skipped: they are aggregates (the win rate
 * depends on which models the release has).
 */
import type { BenchmarkDefinition } from "../source.ts";

export type HelmBoard = "helm_lite" | "helm_capabilities" | "helm_classic";

export interface HelmScenario {
  board: HelmBoard;
  /** evaluation_name in schema 0.2 and 0.1 (which suffixed the metric). */
  names: readonly string[];
  definition: BenchmarkDefinition;
}

const BOARD: Record<HelmBoard, { label: string; slug: string; url: string }> = {
  helm_lite: { label: "HELM Lite", slug: "helm-lite", url: "https://crfm.stanford.edu/helm/lite/latest/" },
  helm_capabilities: { label: "HELM Capabilities", slug: "helm-capabilities", url: "https://crfm.stanford.edu/helm/capabilities/latest/" },
  helm_classic: { label: "HELM Classic", slug: "helm-classic", url: "https://crfm.stanford.edu/helm/classic/latest/" },
};

const scenario = (board: HelmBoard, idSuffix: string, names: readonly string[], metric: string, about: string): HelmScenario => ({
  board,
  names,
  definition: {
    id: `${BOARD[board].slug}-${idSuffix}`,
    name: `${BOARD[board].label}: ${names[0]}`,
    scale: "fraction",
    higherIsBetter: true,
    description: `${about} Metric: ${metric}, a fraction 0-1 (HELM's own run on its fixed test set; one id across HELM releases).`,
    url: BOARD[board].url,
  },
});

export const HELM_SCENARIOS: readonly HelmScenario[] = [
  scenario("helm_lite", "narrativeqa", ["NarrativeQA"], "F1", "Reading comprehension over long stories (grounded QA)."),
  scenario("helm_lite", "naturalquestions-closed-book", ["NaturalQuestions (closed-book)"], "F1", "Open-domain questions answered without the passage."),
  scenario("helm_lite", "openbookqa", ["OpenbookQA"], "exact match", "Elementary science multiple choice."),
  scenario("helm_lite", "mmlu", ["MMLU"], "exact match", "MMLU subset of HELM Lite."),
  scenario("helm_lite", "math", ["MATH"], "equivalent answer with chain of thought", "Competition mathematics."),
  scenario("helm_lite", "gsm8k", ["GSM8K"], "exact match", "Grade-school math word problems."),
  scenario("helm_lite", "legalbench", ["LegalBench"], "exact match", "Five LegalBench subsets (legal reasoning); not vals.ai's full LegalBench."),
  scenario("helm_lite", "medqa", ["MedQA"], "exact match", "Medical licensing exam questions."),
  scenario("helm_lite", "wmt14", ["WMT 2014"], "BLEU-4", "WMT 2014 machine translation (translation quality)."),
  scenario("helm_capabilities", "mmlu-pro", ["MMLU-Pro", "MMLU-Pro - COT correct"], "correct with chain of thought", "MMLU-Pro knowledge and reasoning."),
  scenario("helm_capabilities", "gpqa", ["GPQA", "GPQA - COT correct"], "correct with chain of thought", "GPQA graduate-level science questions."),
  scenario("helm_capabilities", "ifeval", ["IFEval", "IFEval - IFEval Strict Acc"], "strict accuracy", "IFEval verifiable instruction following."),
  scenario("helm_capabilities", "wildbench", ["WildBench", "WildBench - WB Score"], "WB score rescaled to 0-1", "WildBench real-user chat tasks judged by a model."),
  scenario("helm_capabilities", "omni-math", ["Omni-MATH", "Omni-MATH - Acc"], "accuracy", "Omni-MATH olympiad mathematics."),
  scenario("helm_classic", "mmlu", ["MMLU"], "exact match", "MMLU (HELM Classic prompts)."),
  scenario("helm_classic", "boolq", ["BoolQ"], "exact match", "Yes/no questions over a passage."),
  scenario("helm_classic", "narrativeqa", ["NarrativeQA"], "F1", "Reading comprehension over long stories (grounded QA)."),
  scenario("helm_classic", "naturalquestions-open-book", ["NaturalQuestions (open-book)"], "F1", "Questions answered from a given Wikipedia passage (grounded QA)."),
  scenario("helm_classic", "quac", ["QuAC"], "F1", "Question answering in context, multi-turn over a passage (grounded QA)."),
  scenario("helm_classic", "hellaswag", ["HellaSwag"], "exact match", "Commonsense sentence completion."),
  scenario("helm_classic", "openbookqa", ["OpenbookQA"], "exact match", "Elementary science multiple choice."),
  scenario("helm_classic", "truthfulqa", ["TruthfulQA"], "exact match", "Resistance to common misconceptions."),
  scenario("helm_classic", "ms-marco-trec", ["MS MARCO (TREC)"], "NDCG@10", "Passage ranking for search queries."),
  scenario("helm_classic", "cnn-dailymail", ["CNN/DailyMail"], "ROUGE-2", "News summarisation."),
  scenario("helm_classic", "xsum", ["XSUM"], "ROUGE-2", "Single-sentence news summarisation."),
  scenario("helm_classic", "imdb", ["IMDB"], "exact match", "Sentiment classification of movie reviews."),
  scenario("helm_classic", "civilcomments", ["CivilComments"], "exact match", "Toxicity classification of comments."),
  scenario("helm_classic", "raft", ["RAFT"], "exact match", "Real-world few-shot text classification tasks."),
];

/** Aggregate columns, skipped with this reason. */
export const HELM_AGGREGATES: ReadonlySet<string> = new Set(["Mean win rate", "Mean score"]);

export function helmScenario(board: HelmBoard, evaluationName: string): HelmScenario | undefined {
  return HELM_SCENARIOS.find((candidate) => candidate.board === board && candidate.names.includes(evaluationName));
}
