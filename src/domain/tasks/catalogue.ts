/**
 * The task-class catalogue: reviewed data. For each class, the benchmarks that inform it
 * (ids from the benchmark sources' catalogues), their weights, and the token profile of a
 * typical call, each with the reason. Quality per (model, class) is computed from it
 * (quality.ts); syncTaskCatalogue() mirrors it into task_classes / task_benchmark_weights.
 *
 * Weights were set from what each benchmark measures, before looking at how many models
 * each covers; they sum to 1 per class. A `versions` entry is one index re-based by its
 * publisher (Artificial Analysis re-bases its indices with every Intelligence Index
 * version and the parser gives each version its own id): at an as-of date quality uses the
 * newest listed version that has scores then, and never mixes two versions.
 *
 * Token profiles price one typical call (input, output, share of input read from cache).
 * Where a public measurement exists it is cited; the rest are estimates, and say so.
 * Sources cited below:
 * - [OR] OpenRouter and a16z, "State of AI: an empirical 100 trillion token study" (Dec 2025),
 *   https://openrouter.ai/state-of-ai : programming requests average about 20k prompt tokens,
 *   other large categories about 5k; prompt tokens per request grew about 4x in 2025.
 * - [LMSYS] Zheng et al., "LMSYS-Chat-1M" (ICLR 2024), https://arxiv.org/abs/2309.11998 :
 *   Chatbot Arena conversations average 2 turns, ~70 prompt and ~215 response tokens a turn.
 * - [CACHE] Anthropic prompt caching, https://docs.anthropic.com/en/docs/build-with-claude/prompt-caching ;
 *   Claude Code is built around it (T. Shihipar, quoted at
 *   https://simonwillison.net/2026/Feb/20/thariq-shihipar/); one user measured 84% of Claude
 *   Code input tokens read from cache (https://docs.bswen.com/blog/2026-03-10-prompt-caching-claude-code).
 * - [LCR] Artificial Analysis, AA-LCR: questions over ~100k-token document sets,
 *   https://artificialanalysis.ai/methodology/intelligence-benchmarking
 * - [CUAD] Contract Understanding Atticus Dataset card, https://huggingface.co/datasets/theatticusproject/cuad-qa :
 *   198.5 MB of test rows for 4,182 questions that each carry their whole contract, i.e.
 *   ~47 KB (~12k tokens) per contract, and 41 clause questions asked of every contract.
 */
import { z } from "zod";

const benchmarkId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case benchmark id");

const weightEntrySchema = z.union([
  z.object({ benchmark: benchmarkId, weight: z.number().positive().max(1), why: z.string().min(1) }).strict(),
  z
    .object({
      /** Name of the re-based index, e.g. "aa-intelligence-index". */
      index: benchmarkId,
      /** Its versioned benchmark ids, newest first. */
      versions: z.array(benchmarkId).min(2),
      weight: z.number().positive().max(1),
      why: z.string().min(1),
    })
    .strict(),
]);

export const taskClassSchema = z
  .object({
    id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
    name: z.string().min(1),
    description: z.string().min(1),
    rationale: z.string().min(1),
    weights: z.array(weightEntrySchema).min(1),
    profile: z
      .object({
        inputTokens: z.number().int().positive(),
        outputTokens: z.number().int().positive(),
        cachedShare: z.number().min(0).max(1),
        why: z.string().min(1),
      })
      .strict(),
  })
  .strict()
  .superRefine((task, context) => {
    const total = task.weights.reduce((sum, entry) => sum + entry.weight, 0);
    if (Math.abs(total - 1) > 1e-9) context.addIssue({ code: "custom", message: `${task.id}: weights sum to ${total}, not 1` });
    const ids = task.weights.flatMap((entry) => ("benchmark" in entry ? [entry.benchmark] : entry.versions));
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    if (repeated.length > 0) context.addIssue({ code: "custom", message: `${task.id}: ${repeated.join(", ")} listed twice` });
  });

export type TaskClassEntry = z.infer<typeof taskClassSchema>;

/** One weighted input of a class: a benchmark, or the versions of one re-based index (newest first). */
export interface TaskComponent {
  /** The benchmark id, or the index name of a version group. */
  key: string;
  benchmarks: readonly string[];
  weight: number;
  why: string;
}

export interface TaskClass extends Omit<TaskClassEntry, "weights"> {
  components: readonly TaskComponent[];
}

const CATALOGUE_DATA = [
  {
    id: "chat",
    name: "Chat",
    description: "General assistant conversation: questions, advice, writing help, several turns.",
    rationale:
      "What users of a chat assistant want is measured most directly by blind human preference on real prompts, so LMArena's " +
      "style-controlled boards carry most of the weight (style control keeps length and markdown from buying votes). " +
      "Multi-turn and creative-writing categories add the conversational and writing parts; LiveBench Language and the AA " +
      "Intelligence Index add objectively graded language skill and general capability, which preference alone under-weights.",
    weights: [
      { benchmark: "lmarena-text-style-control", weight: 0.45, why: "Blind pairwise human votes on real chat prompts, style-controlled." },
      { benchmark: "epoch-simpleqa-verified", weight: 0.05, why: "Short factual questions graded for correctness (Epoch's SimpleQA Verified): wrong facts are what users cannot see in a vote." },
      { benchmark: "lmarena-text-style-control-multi-turn", weight: 0.15, why: "Votes on conversations of more than one turn." },
      { benchmark: "lmarena-text-style-control-creative-writing", weight: 0.1, why: "Votes on writing prompts, a large share of chat use." },
      { benchmark: "livebench-language", weight: 0.1, why: "Objectively graded language tasks (connections, plot unscrambling, typos)." },
      {
        index: "aa-intelligence-index",
        versions: ["aa-intelligence-index-v4-1", "aa-intelligence-index-v2"],
        weight: 0.15,
        why: "General capability across AA's evaluations; a re-based index, one version at a time.",
      },
    ],
    profile: {
      inputTokens: 2000,
      outputTokens: 400,
      cachedShare: 0.25,
      why:
        "[LMSYS] ~70 prompt and ~215 response tokens a turn over 2 turns; a deployed assistant adds a system prompt and resends " +
        "the history, and [OR] puts non-programming requests near 5k prompt tokens: 2,000 in, 400 out (estimate between the two). " +
        "The resent history is the cacheable prefix: a quarter of the input (estimate).",
    },
  },
  {
    id: "coding",
    name: "Coding",
    description: "One-call code work: write, edit, fix or explain code with the relevant files in the prompt.",
    rationale:
      "Aider polyglot measures what a coding assistant does (edit real code in six languages through a diff format, tests " +
      "decide). LiveBench Coding and AA's LiveCodeBench add fresh, contamination-limited generation problems graded by tests; " +
      "SciCode adds scientific code. LMArena's coding category and Code Arena add human judgement of code answers and built apps.",
    weights: [
      { benchmark: "aider-polyglot", weight: 0.2, why: "Edits to real exercises in C++, Go, Java, JavaScript, Python, Rust; pass rate by tests." },
      { benchmark: "livebench-coding", weight: 0.15, why: "Fresh code generation and completion tasks, graded by tests." },
      { benchmark: "vals-livecodebench", weight: 0.1, why: "vals.ai's own LiveCodeBench run (2026 models), with its measured cost per problem." },
      { benchmark: "aa-livecodebench", weight: 0.15, why: "Recent competitive-programming problems, graded by tests, run by AA on every model." },
      {
        benchmark: "livecodebench-2024-08-01-to-2025-04-07",
        weight: 0.05,
        why: "LiveCodeBench's own per-problem results for its 2024-08 to 2025-04 problem window (one window, never pooled with AA's or vals.ai's runs).",
      },
      { benchmark: "epoch-weirdml", weight: 0.05, why: "Unusual machine-learning coding tasks the model must solve end to end, graded by held-out accuracy (via Epoch)." },
      { benchmark: "aa-scicode", weight: 0.1, why: "Scientific computing code, graded by tests." },
      { benchmark: "lmarena-text-style-control-coding", weight: 0.15, why: "Human preference on real prompts that involve code." },
      { benchmark: "lmarena-code", weight: 0.05, why: "Human preference on apps and sites the models build (Code Arena)." },
    ],
    profile: {
      inputTokens: 20000,
      outputTokens: 1000,
      cachedShare: 0.5,
      why:
        "[OR] programming requests average about 20k prompt tokens (files and logs in context). Output 1,000 tokens: an edit or a " +
        "function with a short explanation (estimate). IDE assistants resend the same files turn after turn, so half the input " +
        "is a cached prefix (estimate, below the agent loop's share).",
    },
  },
  {
    id: "agentic-coding",
    name: "Agentic coding",
    description: "A coding agent's step: read the repository, run commands and tests, edit files, repeat until the issue is solved.",
    rationale:
      "Only benchmarks where the model drives a multi-step loop count. SWE-bench bash-only runs every model in the same minimal " +
      "scaffold on real GitHub issues, so it compares models rather than agent systems (the other SWE-bench boards score " +
      "scaffolds and are left out). Terminal-Bench (both AA sets: Hard in index v4.0, 2.1 in v4.1) measures shell work; " +
      "LiveBench Agentic Coding solves repository tasks in three languages.",
    weights: [
      { benchmark: "swe-bench-bash-only", weight: 0.25, why: "SWE-bench Verified issues, one fixed scaffold for every model." },
      { benchmark: "epoch-swe-bench-verified", weight: 0.1, why: "Epoch's own SWE-bench Verified runs (its scaffold, 2026 models); a separate run, not pooled with the bash-only board." },
      {
        benchmark: "hal-swebench-verified-mini",
        weight: 0.05,
        why: "HAL's SWE-bench Verified Mini under named agent scaffolds (best scaffold per model), with measured run cost; few models, so a low weight.",
      },
      { benchmark: "livebench-agentic-coding", weight: 0.25, why: "Agentic repository tasks in JavaScript, TypeScript and Python." },
      { benchmark: "aa-terminal-bench-v2-1", weight: 0.15, why: "Terminal-Bench 2.1 agentic shell tasks, run by AA." },
      { benchmark: "epoch-terminal-bench-2", weight: 0.1, why: "Terminal-Bench 2.0 as Epoch records it (another release of the task set: its own benchmark)." },
      { benchmark: "aa-terminal-bench-hard", weight: 0.1, why: "Terminal-Bench Hard, the earlier AA task set (kept: a different set, not a re-base)." },
    ],
    profile: {
      inputTokens: 50000,
      outputTokens: 1500,
      cachedShare: 0.85,
      why:
        "An agent call resends the system prompt, tool definitions and the whole trajectory: prompts far above [OR]'s 20k " +
        "programming average once a task runs a few dozen steps; 50,000 in and 1,500 out per step (estimate). [CACHE] such " +
        "loops read most input from cache: 84% measured on Claude Code, so 0.85.",
    },
  },
  {
    id: "reasoning",
    name: "Reasoning",
    description: "Hard multi-step questions: analysis, science, logic puzzles, expert knowledge.",
    rationale:
      "LiveBench Reasoning (fresh logic puzzles), GPQA Diamond (graduate science) and Humanity's Last Exam (frontier expert " +
      "questions) are objectively graded and hard to saturate; MMLU-Pro adds breadth at a lower weight since frontier models " +
      "cluster near its ceiling. LMArena's hard-prompt and expert categories add human judgement of difficult real questions.",
    weights: [
      { benchmark: "livebench-reasoning", weight: 0.2, why: "Fresh logic and spatial reasoning puzzles, objectively graded." },
      { benchmark: "aa-gpqa", weight: 0.1, why: "GPQA Diamond graduate-level science questions." },
      { benchmark: "epoch-gpqa-diamond", weight: 0.1, why: "GPQA Diamond as run by Epoch (its own runs and settings: a separate benchmark from AA's, linked through shared models)." },
      { benchmark: "aa-hle", weight: 0.1, why: "Humanity's Last Exam: frontier expert questions, far from saturated." },
      { benchmark: "epoch-hle", weight: 0.1, why: "Humanity's Last Exam as run by Epoch (a separate run from AA's)." },
      { benchmark: "aa-mmlu-pro", weight: 0.05, why: "Broad knowledge-and-reasoning multiple choice; near its ceiling for frontier models." },
      {
        benchmark: "arc-agi-2-semi-private",
        weight: 0.1,
        why: "ARC-AGI-2 abstract reasoning puzzles on the semi-private set (not in training data), with measured cost per task; base models only, systems left out.",
      },
      { benchmark: "epoch-simplebench", weight: 0.05, why: "Trick questions on spatial, temporal and social reasoning that humans answer easily (via Epoch)." },
      { benchmark: "lmarena-text-style-control-hard-prompts", weight: 0.1, why: "Human preference on prompts meeting LMArena's hardness criteria." },
      { benchmark: "lmarena-text-style-control-expert", weight: 0.1, why: "Human preference on expert-level prompts." },
    ],
    profile: {
      inputTokens: 3000,
      outputTokens: 6000,
      cachedShare: 0.1,
      why:
        "A question with its material (3,000 tokens, estimate) and a long answer: reasoning models bill their thinking as " +
        "output, and [OR] reports output tokens per request roughly tripled in 2025 as reasoning models took over half the " +
        "traffic; 6,000 out (estimate). Little is reused between questions: 0.1 cached (estimate).",
    },
  },
  {
    id: "math",
    name: "Math",
    description: "Competition and applied mathematics: solve, prove, compute.",
    rationale:
      "The AA Math Index (AIME-based; a re-based index, one version at a time) and LiveBench Mathematics (competition, " +
      "olympiad, integrals, AMPS hard) are graded against known answers; LMArena's math category adds how people rate " +
      "answers to their own maths questions.",
    weights: [
      {
        index: "aa-math-index",
        versions: ["aa-math-index-v4-1", "aa-math-index-v2"],
        weight: 0.25,
        why: "AA's maths composite (AIME 2025 in v4.1; AIME and MATH-500 in v2), one version at a time.",
      },
      { benchmark: "livebench-math", weight: 0.25, why: "Fresh competition, olympiad and integral problems, answer-checked." },
      { benchmark: "epoch-frontiermath", weight: 0.15, why: "FrontierMath tiers 1-3: unpublished research-level problems with checkable answers, far from saturated (Epoch)." },
      { benchmark: "epoch-otis-mock-aime-2024-2025", weight: 0.1, why: "OTIS mock AIME 2024-2025: fresh competition problems, answer-checked (Epoch)." },
      { benchmark: "lmarena-text-style-control-math", weight: 0.25, why: "Human preference on real maths prompts." },
    ],
    profile: {
      inputTokens: 600,
      outputTokens: 8000,
      cachedShare: 0,
      why:
        "A problem statement is short (600 tokens, estimate); a reasoning model's worked solution to a competition problem " +
        "runs to thousands of tokens, billed as output: 8,000 (estimate, above the reasoning class). Nothing is reused.",
    },
  },
  {
    id: "tool-use",
    name: "Tool use",
    description: "Calling functions and APIs correctly, alone or across a multi-turn conversation with a user and a policy.",
    rationale:
      "BFCL checks the calls themselves (right function, right arguments, parallel and multi-turn calls) on the largest " +
      "cohort of models. τ²-bench (AA's telecom and τ³ banking runs, and the leaderboard's own retail and airline runs) checks " +
      "whether an agent reaches the right end state while following a policy and talking to a simulated user.",
    weights: [
      { benchmark: "bfcl-overall", weight: 0.35, why: "Function-call accuracy across single, parallel, live, multi-turn and agentic categories." },
      { benchmark: "aa-tau2", weight: 0.25, why: "τ²-Bench Telecom run by AA: dual-control tool use with a simulated user." },
      { benchmark: "aa-tau-banking", weight: 0.15, why: "τ³-Bench Banking run by AA: tool use with retrieval over a policy knowledge base." },
      { benchmark: "tau2-retail", weight: 0.1, why: "τ²-bench leaderboard retail domain (standard scaffold)." },
      { benchmark: "tau2-airline", weight: 0.1, why: "τ²-bench leaderboard airline domain (standard scaffold)." },
      { benchmark: "hal-taubench-airline", weight: 0.05, why: "HAL's τ-bench airline runs under named agent scaffolds, with measured run cost (a separate run from the τ² leaderboard)." },
    ],
    profile: {
      inputTokens: 6000,
      outputTokens: 300,
      cachedShare: 0.6,
      why:
        "Tool schemas, a policy and the conversation so far come in with every call (6,000 tokens, estimate in line with " +
        "[OR]'s ~5k general average); the answer is a call or a short reply (300, estimate). Schemas and policy are a stable " +
        "prefix [CACHE]: 0.6 cached (estimate).",
    },
  },
  {
    id: "long-context",
    name: "Long context",
    description: "Answering from very long inputs: document sets, long reports, large logs.",
    rationale:
      "AA-LCR asks reasoning questions over ~100k-token document sets, the one evaluation here that truly fills a long " +
      "context; LMArena's longer-query category adds human judgement of answers to long prompts (shorter than 100k).",
    weights: [
      { benchmark: "aa-lcr", weight: 0.45, why: "Reasoning over ~100k-token document sets." },
      { benchmark: "epoch-fiction-livebench-120k", weight: 0.25, why: "Comprehension of ~120k-token stories, graded (Fiction.LiveBench at its 120k length, via Epoch)." },
      { benchmark: "lmarena-text-style-control-long-query", weight: 0.3, why: "Human preference on long user prompts." },
    ],
    profile: {
      inputTokens: 100000,
      outputTokens: 1000,
      cachedShare: 0.5,
      why:
        "[LCR] ~100k-token inputs; a 1,000-token answer (estimate). Several questions are usually asked of one document set, " +
        "which is then read from cache [CACHE]: half the input (estimate).",
    },
  },
  {
    id: "instruction-following",
    name: "Instruction following",
    description: "Doing exactly what the prompt says: formats, lengths, constraints, several instructions at once.",
    rationale:
      "IFBench and LiveBench's IF tasks check verifiable constraints automatically (IFBench with out-of-distribution ones); " +
      "LMArena's instruction-following category adds human judgement on real prompts with explicit instructions.",
    weights: [
      { benchmark: "aa-ifbench", weight: 0.35, why: "Verifiable, out-of-distribution output constraints (IFBench), run by AA." },
      { benchmark: "livebench-instruction-following", weight: 0.3, why: "Paraphrase, simplify, summarise and story tasks under explicit instructions." },
      { benchmark: "lmarena-text-style-control-instruction-following", weight: 0.35, why: "Human preference on prompts with explicit instructions." },
    ],
    profile: {
      inputTokens: 1000,
      outputTokens: 500,
      cachedShare: 0.1,
      why:
        "Prompts with constraints are short, like [LMSYS] turns plus a system prompt: 1,000 in, 500 out (estimate); little " +
        "reuse (0.1, estimate).",
    },
  },
  {
    id: "legal",
    name: "Legal",
    description: "Legal and government work: contract review, legal questions, drafting.",
    rationale:
      "Legal accuracy is measured directly where a public board grades it: vals.ai's LegalBench (issue spotting, rules, " +
      "conclusions, interpretation, rhetoric) and CaseLaw v2 (reasoning over court opinions, private questions, so not in " +
      "training data), and HELM Lite's five LegalBench subsets for older models. LMArena's legal-and-government category adds " +
      "human votes on real legal prompts, and AA-LCR the long-document reasoning that contract review needs.",
    weights: [
      { benchmark: "lmarena-text-style-control-legal", weight: 0.3, why: "Human preference on legal and government prompts (each fit its own release)." },
      { benchmark: "vals-legalbench", weight: 0.25, why: "Graded legal reasoning across LegalBench's task types, run by vals.ai on 2026 models." },
      { benchmark: "vals-caselaw-v2", weight: 0.2, why: "Private case-law questions over court opinions: legal reasoning not seen in training." },
      { benchmark: "helm-lite-legalbench", weight: 0.1, why: "HELM's run of five LegalBench subsets: graded, mostly older models (links them to the scale)." },
      { benchmark: "aa-lcr", weight: 0.15, why: "Reasoning over long document sets, as contract review needs." },
    ],
    profile: {
      inputTokens: 16000,
      outputTokens: 1500,
      cachedShare: 0.6,
      why:
        "[CUAD] a commercial contract is ~12k tokens; with instructions and excerpts of related documents, 16,000 in (estimate). " +
        "A review note or clause analysis is 1,500 out (estimate). CUAD asks 41 questions of every contract, so the contract is a " +
        "reused prefix [CACHE]: 0.6 cached (estimate).",
    },
  },
  {
    id: "extraction",
    name: "Extraction",
    description: "Turning unstructured or semi-structured text into structured data that must match a schema.",
    rationale:
      "No public leaderboard scores document extraction (fields from invoices, emails, filings) directly, so this class is " +
      "informed by the closest measured skills, and says so: LiveBench Data Analysis (reformat tables exactly, join columns " +
      "across tables, annotate column types) and BFCL's single-turn categories, where the model must fill a typed argument " +
      "schema from a natural-language request, which is how schema-guided extraction is run in practice.",
    weights: [
      { benchmark: "livebench-data-analysis", weight: 0.4, why: "Table reformatting, joins and column typing, checked exactly." },
      { benchmark: "bfcl-live", weight: 0.3, why: "Filling argument schemas from real user-contributed requests." },
      { benchmark: "bfcl-non-live", weight: 0.3, why: "Filling argument schemas (simple, multiple, parallel calls), checked by AST." },
    ],
    profile: {
      inputTokens: 3000,
      outputTokens: 500,
      cachedShare: 0.3,
      why:
        "A page, an email or a table plus the schema (3,000 in, estimate near [OR]'s non-programming average) and a JSON " +
        "object out (500, estimate). Instructions and schema repeat across documents: 0.3 cached (estimate).",
    },
  },
  {
    id: "translation",
    name: "Translation",
    description: "Translating text between languages, keeping meaning and register.",
    rationale:
      "HELM Lite's WMT 2014 run is the one graded translation benchmark recorded here (BLEU-4 against reference translations, " +
      "five language pairs). BLEU rewards surface overlap, so human preference on conversations held in other languages " +
      "(LMArena's French, German, Spanish and Chinese categories) adds how well a model actually writes in the target language.",
    weights: [
      { benchmark: "helm-lite-wmt14", weight: 0.5, why: "Graded machine translation (BLEU-4) on WMT 2014's fixed test set." },
      { benchmark: "lmarena-text-style-control-french", weight: 0.125, why: "Human preference on conversations in French." },
      { benchmark: "lmarena-text-style-control-german", weight: 0.125, why: "Human preference on conversations in German." },
      { benchmark: "lmarena-text-style-control-spanish", weight: 0.125, why: "Human preference on conversations in Spanish." },
      { benchmark: "lmarena-text-style-control-chinese", weight: 0.125, why: "Human preference on conversations in Chinese." },
    ],
    profile: {
      inputTokens: 1500,
      outputTokens: 1500,
      cachedShare: 0.1,
      why: "A page of text in and its translation out, about as long (1,500 each, estimate); only the instructions repeat (0.1, estimate).",
    },
  },
  {
    id: "summarisation",
    name: "Summarisation",
    description: "Condensing articles, reports or threads into a short faithful summary.",
    rationale:
      "HELM Classic's CNN/DailyMail (multi-sentence) and XSum (one-sentence) are graded summarisation runs (ROUGE-2 against " +
      "reference summaries), on mostly older models; LMArena's writing-and-literature category adds human judgement of " +
      "writing about given text on current models, which links the older runs to today's scale.",
    weights: [
      { benchmark: "helm-classic-cnn-dailymail", weight: 0.35, why: "News summarisation in several sentences, ROUGE-2 against references." },
      { benchmark: "helm-classic-xsum", weight: 0.35, why: "Extreme (one-sentence) news summarisation, ROUGE-2 against references." },
      { benchmark: "lmarena-text-style-control-writing-literature", weight: 0.3, why: "Human preference on writing, literature and language prompts." },
    ],
    profile: {
      inputTokens: 4000,
      outputTokens: 300,
      cachedShare: 0.1,
      why: "An article or a report section in (4,000 tokens, estimate near [OR]'s non-programming average) and a paragraph out (300, estimate).",
    },
  },
  {
    id: "grounded-qa",
    name: "Grounded QA",
    description: "Answering questions from given passages or documents (retrieval-augmented answers).",
    rationale:
      "HELM's passage-grounded runs measure answers read from supplied text: NarrativeQA (stories, Lite and Classic), " +
      "NaturalQuestions open-book (a Wikipedia passage), QuAC (multi-turn over a passage) and BoolQ (yes/no over a passage). " +
      "AA-LCR adds grounded reasoning over ~100k-token document sets for current models.",
    weights: [
      { benchmark: "helm-lite-narrativeqa", weight: 0.2, why: "Answers read from long stories (F1), HELM Lite." },
      { benchmark: "helm-classic-naturalquestions-open-book", weight: 0.2, why: "Questions answered from a given Wikipedia passage (F1)." },
      { benchmark: "helm-classic-quac", weight: 0.1, why: "Multi-turn questions over one passage (F1)." },
      { benchmark: "helm-classic-boolq", weight: 0.1, why: "Yes/no questions over a passage (exact match)." },
      { benchmark: "aa-lcr", weight: 0.4, why: "Reasoning over ~100k-token document sets: grounded QA at today's scale." },
    ],
    profile: {
      inputTokens: 8000,
      outputTokens: 300,
      cachedShare: 0.3,
      why: "Retrieved passages plus the question (8,000 tokens, estimate) and a short sourced answer (300, estimate); system prompt and common passages repeat (0.3, estimate).",
    },
  },
  {
    id: "classification",
    name: "Classification",
    description: "Labelling text: sentiment, toxicity, topic, routing, with a fixed label set.",
    rationale:
      "HELM Classic's classification runs are graded against gold labels: IMDB (sentiment), CivilComments (toxicity) and RAFT " +
      "(eleven real-world few-shot tasks such as ticket routing and bank complaint topics, the closest to production labelling).",
    weights: [
      { benchmark: "helm-classic-raft", weight: 0.4, why: "Real-world few-shot classification tasks (exact match)." },
      { benchmark: "helm-classic-civilcomments", weight: 0.3, why: "Toxicity classification (exact match)." },
      { benchmark: "helm-classic-imdb", weight: 0.3, why: "Sentiment classification (exact match)." },
    ],
    profile: {
      inputTokens: 800,
      outputTokens: 20,
      cachedShare: 0.5,
      why: "A message plus label definitions and a few examples (800 in, estimate) and one label out (20, estimate); the instructions and examples are a cached prefix (0.5, estimate).",
    },
  },
] as const satisfies readonly z.input<typeof taskClassSchema>[];

export type TaskId = (typeof CATALOGUE_DATA)[number]["id"];

/**
 * Benchmarks that join the joint ability fit without a weight in any class: they link
 * models across boards (and give a model with no class score a better general ability to
 * start from), but are not themselves what any class is about. Each fit date of such a
 * board is its own item (listing one release brings in every release of the board).
 */
export const LINKING_BENCHMARKS: ReadonlyArray<{ benchmark: string; why: string }> = [
  {
    benchmark: "epoch-eci-2026-04-17",
    why: "Epoch Capabilities Index: Epoch's own IRT ability over its whole hub, ~200 models per fit; a general ability, so it links rather than weighs.",
  },
];

function toTaskClass(entry: TaskClassEntry): TaskClass {
  const { weights, ...rest } = entry;
  return {
    ...rest,
    components: weights.map((weight) =>
      "benchmark" in weight
        ? { key: weight.benchmark, benchmarks: [weight.benchmark], weight: weight.weight, why: weight.why }
        : { key: weight.index, benchmarks: weight.versions, weight: weight.weight, why: weight.why },
    ),
  };
}

/** The validated catalogue: a malformed entry fails at import, not at query time. */
export const TASK_CLASSES: readonly TaskClass[] = z.array(taskClassSchema).parse(CATALOGUE_DATA).map(toTaskClass);

export const TASK_IDS = CATALOGUE_DATA.map((task) => task.id) as [TaskId, ...TaskId[]];

/** Every benchmark id the catalogue names, once. */
export function catalogueBenchmarkIds(classes: readonly TaskClass[] = TASK_CLASSES): string[] {
  return [...new Set(classes.flatMap((task) => task.components.flatMap((component) => component.benchmarks)))];
}

/** The joint fit's benchmarks: the classes' and the linking ones. */
export function fitBenchmarkIds(classes: readonly TaskClass[] = TASK_CLASSES): string[] {
  return [...new Set([...catalogueBenchmarkIds(classes), ...LINKING_BENCHMARKS.map((entry) => entry.benchmark)])];
}

export function taskClassById(id: string): TaskClass | undefined {
  return TASK_CLASSES.find((task) => task.id === id);
}
