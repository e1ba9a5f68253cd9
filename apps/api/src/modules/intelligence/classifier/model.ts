/**
 * Complaint-cause classifier ("CCR"): TF-IDF word + character n-gram features and a one-vs-rest linear SVM
 * (dual coordinate descent, linear.ts) whose scores become probabilities by a temperature-scaled softmax
 * (the temperature is fitted on out-of-fold scores when training measures accuracy, see training-run.ts).
 * The former multinomial logistic regression (AdaGrad SGD) stays available as `algorithm: 'softmax'`.
 * Serialises to plain JSON (typed arrays as base64 of float32/uint32) and loads back bit-identically.
 */
import { corpusProfile, DocVector, KIND_WORD, LONG_TEXT_CHARS, resolveFeatureOptions, Vocabulary } from './features';
import type { CorpusProfile } from './features';
import type { FeatureOptions, ResolvedFeatureOptions, SparseVector } from './features';
import { toCsr, trainCrammerSinger, trainOvrSvm } from './linear';
import { averageMlps, inputCount, inputRows, trainMlp } from './mlp';
import type { MlpWeights } from './mlp';
import { Tokenizer } from './tokenizer';
import type { SegmenterKind, TokenizerOptions } from './tokenizer';
import { base64ToFloat32, base64ToInt32, base64ToUint32, canonicalOrder, createRng, shuffleInPlace, typedToBase64 } from './util';

export interface Sample {
  text: string;
  label: string;
  /** Id of the past complaint (kept in the similarity index). */
  id?: string | number;
}

export interface TrainOptions extends TokenizerOptions, FeatureOptions {
  /** Seed for shuffling; same samples + options + seed ⇒ identical model. Default 42. */
  seed?: number;
  /** 'svm': one-vs-rest linear SVM (squared hinge, dual coordinate descent). 'softmax': logistic regression by SGD. Default 'svm'. */
  algorithm?: 'svm' | 'softmax' | 'svm+softmax' | 'svm+cnb' | 'cs';
  /**
   * 'svm+softmax': the share of the logistic regression in the blended scores, z = (1 − β)·z_svm / 0.3 + β·z_lr. Both
   * models are linear, so the blend is one weight matrix: prediction costs the same as either. Default 0.5.
   */
  blend?: number;
  /** SVM: inverse regularisation strength. Default 2. */
  c?: number;
  /** SVM: NB-SVM feature scaling with this smoothing (see linear.ts); 0 disables. Default 0. */
  nbAlpha?: number;
  /** SVM: 'squared-hinge' (default) or 'hinge' loss (see linear.ts). */
  svmLoss?: 'squared-hinge' | 'hinge';
  /** SVM: the solver stops when the projected gradient's spread falls under this (LIBLINEAR's eps). Default 0.1. */
  svmTolerance?: number;
  /**
   * Softmax temperature turning scores into probabilities (SVM scores are margins, not log-odds). Default 0.3 for
   * the SVM, 1 for softmax; training fits it on out-of-fold scores when it cross-validates.
   */
  temperature?: number;
  /**
   * Hidden units of the network over the word n-grams blended with the linear model (mlp.ts); 0 disables. Default
   * 128 (as `mlpSeeds` networks) for a corpus of short texts that is not mostly Chinese, 0 otherwise: BANKING77
   * 90.3 → 91.0; on the long narratives and the Chinese messages it gained nothing (docs/analytics.md, runs F and G).
   */
  mlpHidden?: number;
  /** The network's share of the blended scores: z = (1 − β)·z_linear / DEFAULT_SVM_TEMPERATURE + β·z_mlp. Default 0.5. */
  mlpShare?: number;
  /** The network's inputs: the word n-grams (default) or every feature (character n-grams too: slower). */
  mlpInputs?: 'words' | 'all';
  /** Passes of the network's SGD over the training data. Default 10. */
  mlpEpochs?: number;
  /** The network's initial SGD step (decays linearly to 0). Default 0.2. */
  mlpLearningRate?: number;
  /** Dropout of the network's hidden units during training. Default 0.3. */
  mlpDropout?: number;
  /**
   * Networks from this many seeds, `mlpHidden / mlpSeeds` units each, averaged into one network of `mlpHidden` units
   * (the prediction cost of one). Default 4 (run G: BANKING77 fold 0 91.55 with one network of 128 units, 91.80 with
   * four of 32).
   */
  mlpSeeds?: number;
  /** Passes over the training data. Default 15. */
  epochs?: number;
  /** AdaGrad base learning rate. Default 0.5. */
  learningRate?: number;
  /** L2 regularisation strength (applied to the weights a sample touches). Default 1e-5. */
  l2?: number;
  /** 'balanced' weights each class by n / (k · n_class), helping rare causes. Default 'balanced'. */
  classWeight?: 'none' | 'balanced';
  /** Keep at most this many training docs (the last ones given) for `similar()`. 0 disables. Default 5000. */
  maxIndexDocs?: number;
  /** Per indexed doc keep only its strongest terms (bounded memory). Default 48. */
  indexTermsPerDoc?: number;
}

/** The options a model was trained with (all defaults resolved); stored inside the model JSON. */
export interface ResolvedTrainOptions extends ResolvedFeatureOptions {
  segmenter: SegmenterKind;
  hmm: boolean;
  dictionary: string[];
  stopwords: string[];
  useDefaultStopwords: boolean;
  maxChars: number;
  headChars: number;
  seed: number;
  algorithm: 'svm' | 'softmax' | 'svm+softmax' | 'svm+cnb' | 'cs';
  blend: number;
  c: number;
  nbAlpha: number;
  svmTolerance: number;
  svmLoss: 'squared-hinge' | 'hinge';
  temperature: number;
  mlpHidden: number;
  mlpShare: number;
  mlpInputs: 'words' | 'all';
  mlpEpochs: number;
  mlpLearningRate: number;
  mlpDropout: number;
  mlpSeeds: number;
  epochs: number;
  learningRate: number;
  l2: number;
  classWeight: 'none' | 'balanced';
  maxIndexDocs: number;
  indexTermsPerDoc: number;
}

export interface PredictOptions {
  /** How many labels to return in `top`. Default 3. */
  topK?: number;
  /** How many driving terms to return in `keywords`. Default 8. */
  keywords?: number;
}

export interface ScoredLabel {
  label: string;
  confidence: number;
}

export interface Keyword {
  term: string;
  /** Contribution of the term to the predicted label's score (tf-idf value × weight). */
  weight: number;
}

export interface Prediction {
  label: string;
  confidence: number;
  top: ScoredLabel[];
  keywords: Keyword[];
}

export interface SimilarDoc {
  id: string;
  label: string;
  /** Cosine similarity in [0, 1] (over the doc's strongest terms). */
  score: number;
}

export interface ModelInfo {
  labels: string[];
  vocabularySize: number;
  trainingSamples: number;
  classCounts: Record<string, number>;
  indexedDocs: number;
  options: ResolvedTrainOptions;
}

export const MODEL_FORMAT = 'redress-ccr';
/** 2: rolling n-gram hashes, character n-grams by default, feature kinds, SVM. Version-1 models must be retrained. */
export const MODEL_FORMAT_VERSION = 2;
export const DEFAULT_SVM_TEMPERATURE = 0.3;

export interface ModelJSON {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  options: ResolvedTrainOptions;
  labels: string[];
  classCounts: number[];
  /** Readable name of each feature (word n-gram or character n-gram), for keywords. */
  vocabulary: string[];
  /** base64 int32[vocabulary.length]: feature hashes */
  hashes: string;
  /** base64 float32[vocabulary.length] */
  idf: string;
  /** base64 of one byte per feature: 0 word n-gram, 1 character n-gram */
  kinds: string;
  /** base64 float32[vocabulary.length × labels.length], feature-major */
  weights: string;
  /** base64 float32[labels.length] */
  bias: string;
  /** The network over the word n-grams (mlp.ts), when trained with one: base64 float32 arrays. */
  mlp?: { hidden: number; w1: string; b1: string; w2: string; b2: string };
  index: {
    ids: string[];
    /** base64 uint32[ids.length] label indices */
    labels: string;
    /** base64 uint32[ids.length + 1] CSR offsets */
    offsets: string;
    /** base64 uint32[nnz] feature indices */
    terms: string;
    /** base64 float32[nnz] values */
    values: string;
  };
}

/** All options with their defaults; some defaults adapt to the training corpus when its `profile` is given. */
export function resolveTrainOptions(o: TrainOptions = {}, profile?: CorpusProfile): ResolvedTrainOptions {
  // The network blend on short texts that are not mostly Chinese (run G): 128 units as four networks of 32 (BANKING77
  // 90.3 → 91.0, +0.15–0.25 s of CPU per 10,000 on a quiet core; 256 units cost twice that). Off for long narratives
  // and Chinese corpora, where it gained nothing (CFPB fold 0 84.4 → 83.8) and would only cost time.
  const shortLatin = !!profile && profile.medianChars <= LONG_TEXT_CHARS && profile.hanShare <= 0.5;
  const mlpHidden = o.mlpHidden ?? (shortLatin ? 128 : 0);
  return {
    ...resolveFeatureOptions(o, profile),
    segmenter: o.segmenter ?? 'none',
    hmm: o.hmm ?? true,
    dictionary: [...(o.dictionary ?? [])],
    stopwords: [...(o.stopwords ?? [])],
    useDefaultStopwords: o.useDefaultStopwords ?? false,
    maxChars: o.maxChars ?? 4000,
    headChars: o.headChars ?? 0,
    seed: o.seed ?? 42,
    algorithm: o.algorithm ?? 'svm',
    blend: o.blend ?? 0.5,
    c: o.c ?? 2,
    nbAlpha: o.nbAlpha ?? 0,
    svmTolerance: o.svmTolerance ?? 0.1,
    svmLoss: o.svmLoss ?? 'squared-hinge',
    // the blends are on the log-odds scale already
    temperature: o.temperature ?? ((o.algorithm ?? 'svm') === 'svm' && !(mlpHidden > 0) ? DEFAULT_SVM_TEMPERATURE : 1),
    mlpHidden,
    mlpShare: o.mlpShare ?? 0.5,
    mlpInputs: o.mlpInputs ?? 'words',
    mlpEpochs: o.mlpEpochs ?? 10,
    mlpLearningRate: o.mlpLearningRate ?? 0.2,
    mlpDropout: o.mlpDropout ?? 0.3,
    mlpSeeds: Math.max(1, Math.floor(o.mlpSeeds ?? 4)),
    epochs: o.epochs ?? 15,
    learningRate: o.learningRate ?? 0.5,
    l2: o.l2 ?? 1e-5,
    classWeight: o.classWeight ?? 'balanced',
    maxIndexDocs: o.maxIndexDocs ?? 5000,
    indexTermsPerDoc: o.indexTermsPerDoc ?? 48,
  };
}

interface ModelState {
  options: ResolvedTrainOptions;
  labels: string[];
  classCounts: number[];
  vocab: Vocabulary;
  weights: Float32Array;
  bias: Float32Array;
  indexIds: string[];
  indexLabels: Uint32Array;
  indexOffsets: Uint32Array;
  indexTerms: Uint32Array;
  indexValues: Float32Array;
  /** The network blended into the scores (its output weights already scaled by its share), if any. */
  mlp?: MlpWeights;
}

export class ComplaintCauseModel {
  readonly labels: readonly string[];
  private readonly s: ModelState;
  private readonly tokenizer: Tokenizer;
  private readonly nClasses: number;
  private postings: Map<number, { docs: Uint32Array; vals: Float32Array }> | undefined;
  /** Prediction scratch (one prediction at a time per thread): the document's vector and its class scores. */
  private readonly doc = new DocVector();
  private readonly z: Float64Array;
  private topCol = new Int32Array(24);
  private topW = new Float64Array(24);
  /** The network's input row of each vocabulary column (−1: none) and its hidden activations for the last document. */
  private readonly mlpRows: Int32Array | undefined;
  private readonly hidden: Float64Array;
  /** Key words: the predicted class's output weight of each active hidden unit (0 for the others). */
  private readonly hiddenOut: Float64Array;
  /** The network's output weights class-major (a class's weights contiguous: w2 is hidden-major, 77 apart). */
  private readonly w2ByClass: Float32Array;

  private constructor(state: ModelState) {
    this.s = state;
    this.z = new Float64Array(state.labels.length);
    this.labels = state.labels;
    this.nClasses = state.labels.length;
    this.tokenizer = new Tokenizer(state.options);
    this.mlpRows = state.mlp ? mlpInputRows(state.vocab, state.options) : undefined;
    this.hidden = new Float64Array(state.mlp ? state.mlp.hidden : 0);
    this.hiddenOut = new Float64Array(this.hidden.length);
    this.w2ByClass = new Float32Array(state.mlp ? state.mlp.w2.length : 0);
    if (state.mlp) {
      const H = state.mlp.hidden;
      const C = state.labels.length;
      for (let j = 0; j < H; j++) for (let c = 0; c < C; c++) this.w2ByClass[c * H + j] = state.mlp.w2[j * C + c]!;
    }
  }

  /** Trains a model from confirmed samples. Deterministic for a given `options.seed`. */
  static train(samples: readonly Sample[], options: TrainOptions = {}): ComplaintCauseModel {
    const o = resolveTrainOptions(options, corpusProfile(samples.map((s) => s.text)));
    if (samples.length === 0) throw new Error('train: no samples');
    const tokenizer = new Tokenizer(o);
    const labels = [...new Set(samples.map((s) => s.label))].sort();
    if (labels.length < 2) throw new Error('train: need at least two distinct labels');
    const labelIndex = new Map(labels.map((l, i) => [l, i]));
    const y = Int32Array.from(samples, (s) => labelIndex.get(s.label)!);
    const analyses = samples.map((s) => tokenizer.analyze(s.text));
    const vocab = Vocabulary.fit(analyses, o);
    const X = analyses.map((a) => vocab.vectorize(a, o));
    const classCounts = labels.map(() => 0);
    for (const c of y) classCounts[c]!++;
    // The learners visit the samples in an order of their own (seeded shuffles over it): the same samples give the same
    // model however the caller ordered them.
    const order = canonicalOrder(samples);
    const Xo = order.map((i) => X[i]!);
    const yo = Int32Array.from(order, (i) => y[i]!);
    const svm = () =>
      trainOvrSvm(toCsr(Xo, vocab.size), yo, labels.length, {
        c: o.c,
        seed: o.seed,
        nbAlpha: o.nbAlpha,
        tolerance: o.svmTolerance,
        loss: o.svmLoss,
        positiveWeight: o.classWeight === 'balanced' ? classCounts.map((k) => (k > 0 ? y.length / (labels.length * k) : 1)) : undefined,
      });
    const cs = () =>
      trainCrammerSinger(toCsr(Xo, vocab.size), yo, labels.length, {
        c: o.c,
        seed: o.seed,
        tolerance: o.svmTolerance,
        positiveWeight: o.classWeight === 'balanced' ? classCounts.map((k) => (k > 0 ? y.length / (labels.length * k) : 1)) : undefined,
      });
    const softmax = () => fitSoftmax(Xo, yo, labels.length, vocab.size, classCounts, o);
    const linear =
      o.algorithm === 'svm'
        ? svm()
        : o.algorithm === 'cs'
          ? cs()
          : o.algorithm === 'softmax'
            ? softmax()
            : o.algorithm === 'svm+cnb'
              ? blendCnb(svm(), fitComplementNb(Xo, yo, labels.length, vocab.size), o.blend)
              : blend(svm(), softmax(), o.blend);
    let { weights, bias } = linear;
    let mlp: MlpWeights | undefined;
    if (o.mlpHidden > 0) {
      const rows = mlpInputRows(vocab, o);
      // `mlpSeeds` networks of mlpHidden / mlpSeeds units, each from its own seed, averaged: stored as one network of
      // all their units (hidden layers side by side, output weights divided by their number), so prediction costs what
      // one network of `mlpHidden` units costs, while the average of independently initialised networks varies less
      const nets = Array.from({ length: o.mlpSeeds }, (_, k) =>
        trainMlp(Xo, yo, labels.length, rows, {
          hidden: Math.max(1, Math.round(o.mlpHidden / o.mlpSeeds)),
          epochs: o.mlpEpochs,
          learningRate: o.mlpLearningRate,
          dropout: o.mlpDropout,
          seed: o.seed + k,
        }),
      );
      const net = nets.length === 1 ? nets[0]! : averageMlps(nets);
      // both parts on the log-odds scale, weighted by their shares, folded into the stored weights
      const a = (1 - o.mlpShare) / DEFAULT_SVM_TEMPERATURE;
      weights = weights.map((w) => a * w);
      bias = bias.map((b) => a * b);
      mlp = { ...net, w2: net.w2.map((w) => o.mlpShare * w), b2: net.b2.map((b) => o.mlpShare * b) };
    }

    // similarity index: the last `maxIndexDocs` samples, each truncated to its strongest terms
    const start = Math.max(0, samples.length - o.maxIndexDocs);
    const ids: string[] = [];
    const idxLabels: number[] = [];
    const offsets: number[] = [0];
    const terms: number[] = [];
    const values: number[] = [];
    for (let i = start; i < samples.length; i++) {
      const v = X[i]!;
      if (v.idx.length === 0) continue;
      const order = Array.from(v.idx.keys()).sort((a, b) => v.val[b]! - v.val[a]! || v.idx[a]! - v.idx[b]!);
      const keep = order.slice(0, o.indexTermsPerDoc);
      let norm = 0;
      for (const k of keep) norm += v.val[k]! * v.val[k]!;
      const inv = 1 / Math.sqrt(norm);
      keep.sort((a, b) => v.idx[a]! - v.idx[b]!);
      for (const k of keep) {
        terms.push(v.idx[k]!);
        values.push(v.val[k]! * inv);
      }
      ids.push(String(samples[i]!.id ?? i));
      idxLabels.push(y[i]!);
      offsets.push(terms.length);
    }
    return new ComplaintCauseModel({
      options: o,
      labels,
      classCounts,
      vocab,
      weights,
      bias,
      indexIds: ids,
      indexLabels: Uint32Array.from(idxLabels),
      indexOffsets: Uint32Array.from(offsets),
      indexTerms: Uint32Array.from(terms),
      indexValues: Float32Array.from(values),
      mlp,
    });
  }

  static fromJSON(json: ModelJSON | string): ComplaintCauseModel {
    const j: ModelJSON = typeof json === 'string' ? (JSON.parse(json) as ModelJSON) : json;
    if (j.format !== MODEL_FORMAT) throw new Error(`not a ${MODEL_FORMAT} model`);
    if (j.formatVersion !== MODEL_FORMAT_VERSION)
      throw new Error(`unsupported model format version ${j.formatVersion} (retrain the model)`);
    const vocab = new Vocabulary(
      base64ToInt32(j.hashes),
      [...j.vocabulary],
      base64ToFloat32(j.idf),
      new Uint8Array(Buffer.from(j.kinds, 'base64')),
    );
    const weights = base64ToFloat32(j.weights);
    const bias = base64ToFloat32(j.bias);
    if (weights.length !== vocab.size * j.labels.length || bias.length !== j.labels.length) {
      throw new Error('corrupt model: weight dimensions do not match');
    }
    let mlp: MlpWeights | undefined;
    if (j.mlp) {
      const H = j.mlp.hidden;
      mlp = {
        hidden: H,
        w1: base64ToFloat32(j.mlp.w1),
        b1: base64ToFloat32(j.mlp.b1),
        w2: base64ToFloat32(j.mlp.w2),
        b2: base64ToFloat32(j.mlp.b2),
      };
      const inputs = inputCount(mlpInputRows(vocab, { ...resolveTrainOptions(j.options), ...j.options }));
      if (
        mlp.w1.length !== inputs * H ||
        mlp.b1.length !== H ||
        mlp.w2.length !== H * j.labels.length ||
        mlp.b2.length !== j.labels.length
      ) {
        throw new Error('corrupt model: network dimensions do not match');
      }
    }
    return new ComplaintCauseModel({
      mlp,
      options: { ...resolveTrainOptions(j.options), ...j.options },
      labels: [...j.labels],
      classCounts: [...j.classCounts],
      vocab,
      weights,
      bias,
      indexIds: [...j.index.ids],
      indexLabels: base64ToUint32(j.index.labels),
      indexOffsets: base64ToUint32(j.index.offsets),
      indexTerms: base64ToUint32(j.index.terms),
      indexValues: base64ToFloat32(j.index.values),
    });
  }

  toJSON(): ModelJSON {
    const s = this.s;
    return {
      format: MODEL_FORMAT,
      formatVersion: MODEL_FORMAT_VERSION,
      options: s.options,
      labels: [...s.labels],
      classCounts: [...s.classCounts],
      vocabulary: s.vocab.names,
      hashes: typedToBase64(s.vocab.hashes),
      idf: typedToBase64(s.vocab.idf),
      kinds: Buffer.from(s.vocab.kinds).toString('base64'),
      weights: typedToBase64(s.weights),
      bias: typedToBase64(s.bias),
      ...(s.mlp
        ? {
            mlp: {
              hidden: s.mlp.hidden,
              w1: typedToBase64(s.mlp.w1),
              b1: typedToBase64(s.mlp.b1),
              w2: typedToBase64(s.mlp.w2),
              b2: typedToBase64(s.mlp.b2),
            },
          }
        : {}),
      index: {
        ids: s.indexIds,
        labels: typedToBase64(s.indexLabels),
        offsets: typedToBase64(s.indexOffsets),
        terms: typedToBase64(s.indexTerms),
        values: typedToBase64(s.indexValues),
      },
    };
  }

  get info(): ModelInfo {
    const s = this.s;
    return {
      labels: [...s.labels],
      vocabularySize: s.vocab.size,
      trainingSamples: s.classCounts.reduce((a, b) => a + b, 0),
      classCounts: Object.fromEntries(s.labels.map((l, i) => [l, s.classCounts[i]!])),
      indexedDocs: s.indexIds.length,
      options: s.options,
    };
  }

  /** The word tokens the model sees for `text` (after normalisation, dictionary, segmentation, stopwords). */
  tokenize(text: string): string[] {
    return this.tokenizer.tokenize(text);
  }

  /** TF-IDF vector of `text` over the model's vocabulary. */
  vectorize(text: string): SparseVector {
    return this.s.vocab.vectorize(this.tokenizer.analyze(text), this.s.options);
  }

  /** The temperature used for probabilities (fitted or given at training). */
  get temperature(): number {
    return this.s.options.temperature;
  }

  /** A copy of this model whose probabilities use another temperature (same predicted labels). */
  withTemperature(temperature: number): ComplaintCauseModel {
    if (!(temperature > 0)) throw new Error('temperature must be > 0');
    return new ComplaintCauseModel({ ...this.s, options: { ...this.s.options, temperature } });
  }

  /** Raw class scores (before the softmax) of `text`, in `labels` order. */
  scores(text: string): Float64Array {
    this.s.vocab.vectorizeInto(this.tokenizer.analyze(text), this.s.options, this.doc);
    return Float64Array.from(this.rawScores(this.doc));
  }

  /** Class scores of `v` into the model's scratch `z`: bias + Σ x·W over the document's features (feature-major rows). */
  private rawScores(v: DocVector): Float64Array {
    const C = this.nClasses;
    const W = this.s.weights;
    const z = this.z;
    z.set(this.s.bias);
    const { idx, val, nnz } = v;
    for (let k = 0; k < nnz; k++) {
      const x = val[k]!;
      const base = idx[k]! * C;
      for (let c = 0; c < C; c++) z[c]! += x * W[base + c]!;
    }
    const net = this.s.mlp;
    if (net) {
      const H = net.hidden;
      const h = this.hidden;
      const rows = this.mlpRows!;
      const w1 = net.w1;
      for (let j = 0; j < H; j++) h[j] = net.b1[j]!;
      for (let k = 0; k < nnz; k++) {
        const r = rows[idx[k]!]!;
        if (r < 0) continue;
        const x = val[k]!;
        const base = r * H;
        for (let j = 0; j < H; j++) h[j]! += x * w1[base + j]!;
      }
      const w2 = net.w2;
      for (let c = 0; c < C; c++) z[c]! += net.b2[c]!;
      for (let j = 0; j < H; j++) {
        const a = h[j]!;
        if (a <= 0) {
          h[j] = 0;
          continue;
        }
        const base = j * C;
        for (let c = 0; c < C; c++) z[c]! += a * w2[base + c]!;
      }
    }
    return z;
  }

  /** Class probabilities (temperature-scaled softmax) for a vector, in `labels` order (the model's scratch). */
  private probabilities(v: DocVector): Float64Array {
    const z = this.rawScores(v);
    const t = this.s.options.temperature;
    if (t !== 1) for (let c = 0; c < z.length; c++) z[c]! /= t;
    softmaxInPlace(z);
    return z;
  }

  predict(text: string, options: PredictOptions = {}): Prediction {
    const topK = Math.max(1, Math.min(options.topK ?? 3, this.nClasses));
    const nKeywords = options.keywords ?? 8;
    const v = this.doc;
    this.s.vocab.vectorizeInto(this.tokenizer.analyze(text), this.s.options, v);
    const p = this.probabilities(v);
    const order = topIndices(p, topK);
    const best = order[0]!;
    const top = order.map((c) => ({ label: this.labels[c]!, confidence: p[c]! }));
    return { label: this.labels[best]!, confidence: p[best]!, top, keywords: this.keywordsFor(v, best, nKeywords) };
  }

  predictBatch(texts: readonly string[], options: PredictOptions = {}): Prediction[] {
    return texts.map((t) => this.predict(t, options));
  }

  /** The terms of `v` that pushed class `c` up the most. */
  private keywordsFor(v: DocVector, c: number, n: number): Keyword[] {
    if (n <= 0) return [];
    const C = this.nClasses;
    const W = this.s.weights;
    // the 3n strongest positive contributions, kept sorted in a small array (no per-term objects, no full sort)
    const cap = n * 3;
    if (this.topCol.length < cap) {
      this.topCol = new Int32Array(cap);
      this.topW = new Float64Array(cap);
    }
    const topCol = this.topCol;
    const topW = this.topW;
    let size = 0;
    // ties (features that always occur together have equal contributions) go to the lower column, whatever order
    // the document's features come in
    // through the network: the active hidden units are linear in the inputs, so a word's share of class c's score is
    // x · Σ_j w1[row, j] · u[j], u[j] = w2[j, c] for an active unit and 0 otherwise (the biases belong to no word)
    const net = this.s.mlp;
    const rows = this.mlpRows;
    const H = net ? net.hidden : 0;
    const u = this.hiddenOut;
    const w2c = this.w2ByClass;
    if (net) for (let j = 0; j < H; j++) u[j] = this.hidden[j]! > 0 ? w2c[c * H + j]! : 0;
    const w1 = net ? net.w1 : W;
    for (let k = 0; k < v.nnz; k++) {
      const col = v.idx[k]!;
      let w = v.val[k]! * W[col * C + c]!;
      const r = rows ? rows[col]! : -1;
      if (r >= 0) {
        let through = 0;
        const base = r * H;
        for (let j = 0; j < H; j++) through += w1[base + j]! * u[j]!;
        w += v.val[k]! * through;
      }
      if (w <= 0 || (size === cap && (w < topW[cap - 1]! || (w === topW[cap - 1] && col > topCol[cap - 1]!)))) continue;
      let p = size < cap ? size++ : cap - 1;
      while (p > 0 && (topW[p - 1]! < w || (topW[p - 1] === w && topCol[p - 1]! > col))) {
        topW[p] = topW[p - 1]!;
        topCol[p] = topCol[p - 1]!;
        p--;
      }
      topW[p] = w;
      topCol[p] = col;
    }
    // the same surface form can come from several feature kinds (word and character n-gram): merge them (≤ 3n
    // entries: a linear search beats a Map), then the n heaviest, ties by term
    const names = this.s.vocab.names;
    const terms: string[] = [];
    const weights: number[] = [];
    for (let i = 0; i < size; i++) {
      const term = names[topCol[i]!]!;
      const j = terms.indexOf(term);
      if (j >= 0) weights[j]! += topW[i]!;
      else {
        terms.push(term);
        weights.push(topW[i]!);
      }
    }
    const order = terms.map((_, i) => i).sort((a, b) => weights[b]! - weights[a]! || (terms[a]! < terms[b]! ? -1 : 1));
    if (order.length > n) order.length = n;
    return order.map((i) => ({ term: terms[i]!, weight: weights[i]! }));
  }

  /** Most similar indexed training complaints (cosine over TF-IDF vectors). */
  similar(text: string, k = 5): SimilarDoc[] {
    const s = this.s;
    if (s.indexIds.length === 0 || k <= 0) return [];
    const post = this.buildPostings();
    const v = this.vectorize(text);
    const scores = new Float64Array(s.indexIds.length);
    for (let i = 0; i < v.idx.length; i++) {
      const p = post.get(v.idx[i]!);
      if (!p) continue;
      const x = v.val[i]!;
      for (let d = 0; d < p.docs.length; d++) scores[p.docs[d]!]! += x * p.vals[d]!;
    }
    const cand: number[] = [];
    for (let d = 0; d < scores.length; d++) if (scores[d]! > 0) cand.push(d);
    cand.sort((a, b) => scores[b]! - scores[a]! || a - b);
    return cand.slice(0, k).map((d) => ({
      id: s.indexIds[d]!,
      label: s.labels[s.indexLabels[d]!]!,
      score: Math.min(1, scores[d]!),
    }));
  }

  private buildPostings(): Map<number, { docs: Uint32Array; vals: Float32Array }> {
    if (this.postings) return this.postings;
    const s = this.s;
    const lists = new Map<number, { docs: number[]; vals: number[] }>();
    for (let d = 0; d < s.indexIds.length; d++) {
      for (let k = s.indexOffsets[d]!; k < s.indexOffsets[d + 1]!; k++) {
        const t = s.indexTerms[k]!;
        let l = lists.get(t);
        if (!l) lists.set(t, (l = { docs: [], vals: [] }));
        l.docs.push(d);
        l.vals.push(s.indexValues[k]!);
      }
    }
    this.postings = new Map([...lists].map(([t, l]) => [t, { docs: Uint32Array.from(l.docs), vals: Float32Array.from(l.vals) }]));
    return this.postings;
  }
}

/** The network's input row of each vocabulary column: word n-grams only, or every feature. */
function mlpInputRows(vocab: Vocabulary, o: ResolvedTrainOptions): Int32Array {
  return inputRows((col) => o.mlpInputs === 'all' || vocab.kinds[col] === KIND_WORD, vocab.size);
}

/** Convenience alias matching the wording (`Model.fromJSON`). */
export { ComplaintCauseModel as Model };

export function train(samples: readonly Sample[], options: TrainOptions = {}): ComplaintCauseModel {
  return ComplaintCauseModel.train(samples, options);
}

/** One linear model scoring (1 − β)·svm / DEFAULT_SVM_TEMPERATURE + β·lr (both score sets brought to log-odds scale). */
function blend(svm: { weights: Float32Array; bias: Float32Array }, lr: { weights: Float32Array; bias: Float32Array }, beta: number) {
  const a = (1 - beta) / DEFAULT_SVM_TEMPERATURE;
  const mix = (x: Float32Array, y: Float32Array) => Float32Array.from(x, (v, i) => a * v + beta * y[i]!);
  return { weights: mix(svm.weights, lr.weights), bias: mix(svm.bias, lr.bias) };
}

/**
 * Complement naive Bayes (Rennie et al., ICML 2003) over the TF-IDF features as a linear model: score_c =
 * Σ x_f · −log θ(¬c, f), θ the smoothed feature distribution of all classes but c. Each feature's weights are centred
 * over the classes (a constant per document changes no ranking).
 */
function fitComplementNb(X: SparseVector[], y: Int32Array, C: number, F: number, alpha = 1): { weights: Float32Array; bias: Float32Array } {
  const sums = new Float64Array(F * C);
  for (let i = 0; i < X.length; i++) {
    const v = X[i]!;
    for (let k = 0; k < v.idx.length; k++) sums[v.idx[k]! * C + y[i]!]! += v.val[k]!;
  }
  const classTotal = new Float64Array(C);
  for (let f = 0; f < F; f++) for (let c = 0; c < C; c++) classTotal[c]! += sums[f * C + c]!;
  const grand = classTotal.reduce((a, b) => a + b, 0);
  const weights = new Float32Array(F * C);
  for (let f = 0; f < F; f++) {
    let total = 0;
    for (let c = 0; c < C; c++) total += sums[f * C + c]!;
    let mean = 0;
    for (let c = 0; c < C; c++) {
      const w = -Math.log((total - sums[f * C + c]! + alpha) / (grand - classTotal[c]! + alpha * F));
      weights[f * C + c] = w;
      mean += w / C;
    }
    for (let c = 0; c < C; c++) weights[f * C + c]! -= mean;
  }
  return { weights, bias: new Float32Array(C) };
}

/** (1 − β)·svm / DEFAULT_SVM_TEMPERATURE + β·cnb, the CNB weights brought to the scaled SVM weights' root-mean-square first. */
function blendCnb(svm: { weights: Float32Array; bias: Float32Array }, cnb: { weights: Float32Array; bias: Float32Array }, beta: number) {
  const rms = (w: Float32Array) => Math.sqrt(w.reduce((a, v) => a + v * v, 0) / w.length) || 1;
  const scale = rms(svm.weights) / DEFAULT_SVM_TEMPERATURE / rms(cnb.weights);
  return blend(svm, { weights: cnb.weights.map((v) => v * scale), bias: cnb.bias }, beta);
}

/** Indices of the k largest values, largest first, ties by index (no sort of all classes: 77 intents, top 3). */
function topIndices(p: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (let c = 0; c < p.length; c++) {
    if (top.length === k && p[c]! <= p[top[k - 1]!]!) continue;
    let i = top.length < k ? top.length : k - 1;
    while (i > 0 && p[top[i - 1]!]! < p[c]!) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = c;
  }
  return top;
}

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < z.length; c++) if (z[c]! > max) max = z[c]!;
  let sum = 0;
  for (let c = 0; c < z.length; c++) sum += z[c] = Math.exp(z[c]! - max);
  for (let c = 0; c < z.length; c++) z[c]! /= sum;
}

/** Multinomial logistic regression, AdaGrad SGD with lazy (touched-weights) L2. */
function fitSoftmax(
  X: SparseVector[],
  y: Int32Array,
  C: number,
  F: number,
  classCounts: number[],
  o: ResolvedTrainOptions,
): { weights: Float32Array; bias: Float32Array } {
  const W = new Float64Array(F * C);
  const G = new Float64Array(F * C);
  const b = new Float64Array(C);
  const Gb = new Float64Array(C);
  const eps = 1e-8;
  const lr = o.learningRate;
  const l2 = o.l2;
  const n = X.length;
  const cw = o.classWeight === 'balanced' ? classCounts.map((k) => (k > 0 ? n / (C * k) : 0)) : classCounts.map(() => 1);
  const rng = createRng(o.seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const z = new Float64Array(C);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffleInPlace(order, rng);
    for (let oi = 0; oi < n; oi++) {
      const i = order[oi]!;
      const v = X[i]!;
      const yi = y[i]!;
      const sw = cw[yi]!;
      for (let c = 0; c < C; c++) z[c] = b[c]!;
      for (let k = 0; k < v.idx.length; k++) {
        const x = v.val[k]!;
        const base = v.idx[k]! * C;
        for (let c = 0; c < C; c++) z[c]! += x * W[base + c]!;
      }
      softmaxInPlace(z);
      z[yi]! -= 1; // z now holds dLoss/dScore
      for (let c = 0; c < C; c++) {
        const g = z[c]! * sw;
        Gb[c]! += g * g;
        b[c]! -= (lr * g) / (Math.sqrt(Gb[c]!) + eps);
      }
      for (let k = 0; k < v.idx.length; k++) {
        const x = v.val[k]!;
        const base = v.idx[k]! * C;
        for (let c = 0; c < C; c++) {
          const p = base + c;
          const g = z[c]! * sw * x + l2 * W[p]!;
          if (g === 0) continue;
          G[p]! += g * g;
          W[p]! -= (lr * g) / (Math.sqrt(G[p]!) + eps);
        }
      }
    }
  }
  return { weights: Float32Array.from(W), bias: Float32Array.from(b) };
}
