import { describe, expect, it } from 'vitest';
import {
  ComplaintCauseModel,
  Model,
  PredictionPool,
  Tokenizer,
  computeMetrics,
  normalizeText,
  resolveTrainOptions,
  LARGE_CHINESE_CORPUS,
  documentFeatureHashes,
  crossValidate,
  crossValidationFolds,
  stratifiedFolds,
  train,
} from './index';
import type { Sample, TrainOptions } from './index';
import { averageMlps } from './mlp';
import type { MlpWeights } from './mlp';

const SERVICE = '服务态度';
const NETWORK = '网络故障';
const BILLING = '收费争议';

const SAMPLES: Sample[] = [
  { id: 's1', label: SERVICE, text: '客服态度很差，说话很不耐烦' },
  { id: 's2', label: SERVICE, text: '营业厅工作人员态度恶劣，爱理不理' },
  { id: 's3', label: SERVICE, text: '客服挂我电话，服务态度太差了' },
  { id: 's4', label: SERVICE, text: '工作人员对我大吼大叫，非常没有礼貌' },
  { id: 's5', label: SERVICE, text: '投诉客服人员态度冷漠敷衍' },
  { id: 's6', label: SERVICE, text: 'The customer service agent was rude and hung up on me' },
  { id: 's7', label: SERVICE, text: 'Staff at the store were impolite and ignored me' },
  { id: 's8', label: SERVICE, text: 'The operator was very rude and unprofessional' },
  { id: 's9', label: SERVICE, text: 'Rude support staff shouted at me on the phone' },
  { id: 's10', label: SERVICE, text: 'The agent had a terrible attitude and was disrespectful' },
  { id: 'n1', label: NETWORK, text: '家里宽带断网好几天了，一直上不了网' },
  { id: 'n2', label: NETWORK, text: '手机信号很差，经常没有信号' },
  { id: 'n3', label: NETWORK, text: '网络速度太慢，网页打不开' },
  { id: 'n4', label: NETWORK, text: '光猫亮红灯，宽带无法连接' },
  { id: 'n5', label: NETWORK, text: '4G网络经常掉线，通话中断，信号不稳定' },
  { id: 'n6', label: NETWORK, text: 'My internet connection keeps dropping every evening' },
  { id: 'n7', label: NETWORK, text: 'No mobile signal at home, calls keep failing' },
  { id: 'n8', label: NETWORK, text: 'The broadband is down and the router shows a red light' },
  { id: 'n9', label: NETWORK, text: 'Network speed is extremely slow, pages will not load' },
  { id: 'n10', label: NETWORK, text: 'The fiber internet connection has been offline for three days' },
  { id: 'b1', label: BILLING, text: '话费账单多扣了五十元，要求退款' },
  { id: 'b2', label: BILLING, text: '没有开通的业务被乱收费' },
  { id: 'b3', label: BILLING, text: '套餐费用和宣传的不一样，多收了钱' },
  { id: 'b4', label: BILLING, text: '莫名其妙扣费，要求解释并退还费用' },
  { id: 'b5', label: BILLING, text: '每月账单都有不明扣款，乱扣费' },
  { id: 'b6', label: BILLING, text: 'I was charged twice on my monthly bill and want a refund' },
  { id: 'b7', label: BILLING, text: 'There is an unexpected fee on my invoice' },
  { id: 'b8', label: BILLING, text: 'They billed me for a service I never ordered, refund the charge' },
  { id: 'b9', label: BILLING, text: 'My bill is higher than the advertised plan price' },
  { id: 'b10', label: BILLING, text: 'Overcharged for roaming, please refund the extra charges' },
];

const PARAPHRASES: [string, string][] = [
  ['客服人员态度很不好，还挂断了我的电话', SERVICE],
  ['宽带又断网了，完全上不了网', NETWORK],
  ['账单上有一笔不明扣费，请退款', BILLING],
  ['The support agent was rude to me', SERVICE],
  ['My internet keeps dropping and there is no signal', NETWORK],
  ['I was overcharged on my bill and want a refund', BILLING],
];

describe('complaint-cause classifier', () => {
  const model = train(SAMPLES, { seed: 1 });

  it('learns a small bilingual set and classifies unseen paraphrases', () => {
    for (const [text, label] of PARAPHRASES) {
      const p = model.predict(text, { topK: 3 });
      expect(p.label, text).toBe(label);
      expect(p.top).toHaveLength(3);
      expect(p.top[0]).toEqual({ label: p.label, confidence: p.confidence });
      expect(p.confidence).toBeGreaterThan(1 / 3);
      const sum = p.top.reduce((a, t) => a + t.confidence, 0);
      expect(sum).toBeCloseTo(1, 5);
      for (let i = 1; i < p.top.length; i++) expect(p.top[i]!.confidence).toBeLessThanOrEqual(p.top[i - 1]!.confidence);
    }
    expect(model.predictBatch(PARAPHRASES.map(([t]) => t)).map((p) => p.label)).toEqual(PARAPHRASES.map(([, l]) => l));
  });

  it('reports the discriminative words as keywords', () => {
    const p = model.predict('宽带断网，一直没有信号', { keywords: 5 });
    expect(p.label).toBe(NETWORK);
    const terms = p.keywords.map((k) => k.term);
    expect(terms.length).toBeGreaterThan(0);
    // Chinese is read through character n-grams: the strongest is a piece of the network words
    expect(['宽带', '断网', '信号'].some((w) => w.includes(terms[0]!))).toBe(true);
    for (const k of p.keywords) expect(k.weight).toBeGreaterThan(0);
    for (let i = 1; i < p.keywords.length; i++) expect(p.keywords[i]!.weight).toBeLessThanOrEqual(p.keywords[i - 1]!.weight);
    // stopwords never drive a prediction
    expect(terms).not.toContain('的');

    const en = model.predict('The agent was rude', { keywords: 3 });
    expect(en.label).toBe(SERVICE);
    expect(en.keywords.map((k) => k.term)).toContain('rude');
    expect(en.keywords.map((k) => k.term)).not.toContain('the');
  });

  it('picks the key words as the strongest contributions, ties to the lower feature, whatever order they are found in', () => {
    // minDf 1 on a small set: features seen in one text only always co-occur, so many contributions tie exactly
    const m = train(SAMPLES, { minDf: 1, latinCharNgrams: [2, 5], maxIndexDocs: 0, seed: 1, mlpHidden: 0 });
    const json = m.toJSON();
    const W = new Float32Array(Buffer.from(json.weights, 'base64').buffer.slice(0));
    const C = m.labels.length;
    for (const text of [...PARAPHRASES.map(([t]) => t), ...SAMPLES.map((x) => x.text)]) {
      const p = m.predict(text, { keywords: 4 });
      const c = m.labels.indexOf(p.label);
      const v = m.vectorize(text); // columns ascending
      const contrib = [...v.idx].map((col, k) => ({ col, w: v.val[k]! * W[col * C + c]! })).filter((x) => x.w > 0);
      contrib.sort((a, b) => b.w - a.w || a.col - b.col);
      const byTerm = new Map<string, number>();
      for (const { col, w } of contrib.slice(0, 12)) byTerm.set(json.vocabulary[col]!, (byTerm.get(json.vocabulary[col]!) ?? 0) + w);
      const expected = [...byTerm].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 4);
      expect(
        p.keywords.map((k) => [k.term, k.weight]),
        text,
      ).toEqual(expected);
    }
  });

  it('stores networks of several seeds as one network whose outputs are their average', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const inputs = 5;
    const C = 3;
    const net = (hidden: number): MlpWeights => ({
      hidden,
      w1: Float32Array.from({ length: inputs * hidden }, rnd),
      b1: Float32Array.from({ length: hidden }, rnd),
      w2: Float32Array.from({ length: hidden * C }, rnd),
      b2: Float32Array.from({ length: C }, rnd),
    });
    const forward = (n: MlpWeights, x: number[]) => {
      const h = Array.from(n.b1, (b, j) => Math.max(0, b + x.reduce((s, xi, r) => s + xi * n.w1[r * n.hidden + j]!, 0)));
      return Array.from(n.b2, (b, c) => b + h.reduce((s, hj, j) => s + hj * n.w2[j * C + c]!, 0));
    };
    const nets = [net(4), net(4), net(4)];
    const one = averageMlps(nets);
    expect(one.hidden).toBe(12);
    for (let t = 0; t < 5; t++) {
      const x = Array.from({ length: inputs }, rnd);
      const mean = [0, 1, 2].map((c) => nets.reduce((s, n) => s + forward(n, x)[c]!, 0) / nets.length);
      forward(one, x).forEach((z, c) => expect(z).toBeCloseTo(mean[c]!, 5));
    }
  });

  it('blends a network over the word n-grams for short non-Chinese texts; its key words are exact shares of the score', () => {
    expect(model.info.options.mlpHidden).toBe(128); // short, not mostly Chinese: on (run G)
    expect(model.info.options.mlpSeeds).toBe(4);
    expect(model.toJSON().mlp!.hidden).toBe(128); // four networks of 32 units stored as one
    expect(resolveTrainOptions({}, { medianChars: 60, hanShare: 0, size: 5000 }).mlpHidden).toBe(128);
    expect(resolveTrainOptions({}, { medianChars: 1000, hanShare: 0, size: 5000 }).mlpHidden).toBe(0);
    expect(resolveTrainOptions({}, { medianChars: 60, hanShare: 0.9, size: 5000 }).mlpHidden).toBe(0);
    expect(resolveTrainOptions({}).mlpHidden).toBe(0); // a stored model without one keeps none
    const m = train(SAMPLES, { minDf: 1, maxIndexDocs: 0, seed: 1, mlpHidden: 16 });
    const json = m.toJSON();
    const f32 = (b64: string) => new Float32Array(Uint8Array.from(Buffer.from(b64, 'base64')).buffer); // small buffers share Node's pool
    const [W, bias] = [f32(json.weights), f32(json.bias)];
    const [w1, b1, w2, b2] = [f32(json.mlp!.w1), f32(json.mlp!.b1), f32(json.mlp!.w2), f32(json.mlp!.b2)];
    const kinds = Buffer.from(json.kinds, 'base64');
    const rowOf: number[] = [];
    let rows = 0;
    for (let col = 0; col < kinds.length; col++) rowOf.push(kinds[col] === 0 ? rows++ : -1);
    const C = m.labels.length;
    const H = 16;
    for (const text of [...PARAPHRASES.map(([t]) => t), ...SAMPLES.map((x) => x.text)]) {
      // the forward pass written out over the sorted vector: linear part + network
      const v = m.vectorize(text);
      const h = Array.from(b1);
      v.idx.forEach((col, k) => {
        if (rowOf[col]! >= 0) for (let j = 0; j < H; j++) h[j]! += v.val[k]! * w1[rowOf[col]! * H + j]!;
      });
      const z = Array.from({ length: C }, (_, c) => {
        let s = bias[c]! + b2[c]!;
        v.idx.forEach((col, k) => (s += v.val[k]! * W[col * C + c]!));
        for (let j = 0; j < H; j++) if (h[j]! > 0) s += h[j]! * w2[j * C + c]!;
        return s;
      });
      const scores = m.scores(text);
      z.forEach((s, c) => expect(scores[c]).toBeCloseTo(s, 4));
      const p = m.predict(text, { keywords: 3 });
      const c = z.indexOf(Math.max(...z));
      expect(p.label, text).toBe(m.labels[c]);
      // each word's share: x · (W[col, c] + Σ over active units w1[row, j] · w2[j, c])
      const contrib = [...v.idx].map((col, k) => {
        let w = W[col * C + c]!;
        if (rowOf[col]! >= 0) for (let j = 0; j < H; j++) if (h[j]! > 0) w += w1[rowOf[col]! * H + j]! * w2[j * C + c]!;
        return { col, w: v.val[k]! * w };
      });
      contrib.sort((a, b) => b.w - a.w || a.col - b.col);
      const share = new Map<string, number>(); // the 3n strongest, merged by surface (as for the linear model)
      for (const { col, w } of contrib.slice(0, 9))
        if (w > 0) share.set(json.vocabulary[col]!, (share.get(json.vocabulary[col]!) ?? 0) + w);
      const expected = [...share].sort((a, b) => b[1] - a[1]).slice(0, 3);
      expect(p.keywords).toHaveLength(expected.length);
      // (features that always occur together tie: the order among equal weights may differ in the last bits)
      p.keywords.forEach((k, i) => {
        expect(k.weight, `${text} ${k.term}`).toBeCloseTo(share.get(k.term)!, 4);
        expect(k.weight, `${text} ${k.term}`).toBeCloseTo(expected[i]![1], 4);
      });
    }
  });

  it('round-trips through JSON with identical predictions and similar-docs', () => {
    const json = JSON.stringify(model.toJSON());
    const loaded = ComplaintCauseModel.fromJSON(JSON.parse(json));
    expect(Model.fromJSON(json).labels).toEqual(model.labels);
    const texts = [...PARAPHRASES.map(([t]) => t), '完全无关的一句话', ''];
    expect(loaded.predictBatch(texts, { topK: 3 })).toEqual(model.predictBatch(texts, { topK: 3 }));
    expect(loaded.similar('宽带断网了', 3)).toEqual(model.similar('宽带断网了', 3));
    expect(JSON.stringify(loaded.toJSON())).toBe(json);
  });

  it('is deterministic for a seed', () => {
    const a = JSON.stringify(train(SAMPLES, { seed: 7 }).toJSON());
    const b = JSON.stringify(train(SAMPLES, { seed: 7 }).toJSON());
    const c = JSON.stringify(train(SAMPLES, { seed: 8 }).toJSON());
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('counts every known n-gram of a text, also where a shorter one stops the look-ups', () => {
    const m = train(SAMPLES, { minDf: 1, latinCharNgrams: [2, 4], maxIndexDocs: 0 });
    const names = m.toJSON().vocabulary;
    const features = (text: string) => [...m.vectorize(text).idx].map((c) => names[c]!);
    // a training text: all its character 1–3-grams and word n-grams are known (minDf 1)
    expect(features('宽带断网')).toEqual(expect.arrayContaining(['宽', '宽带', '宽带断', '带断网', '网']));
    // unknown bigram '断宽' ends that start position, the known ones around it still count
    const mixed = features('网断宽带 rude zzz');
    expect(mixed).toEqual(expect.arrayContaining(['网', '断', '宽带', 'rude', 'ru', 'rud']));
    expect(mixed).not.toContain('断宽');
    expect(mixed.some((f) => f.includes('zz'))).toBe(false);
    // character n-grams within words (default) never span two words; across words ('text') they do
    expect(names).not.toContain('g up');
    const text = train(SAMPLES, { minDf: 1, latinCharNgrams: [2, 4], latinCharScope: 'text', maxIndexDocs: 0 });
    expect(text.toJSON().vocabulary).toContain('g up');
  });

  it('counts at prediction exactly the features training saw, for every feature kind and n-gram range', () => {
    const configs: TrainOptions[] = [
      {},
      { latinCharNgrams: [2, 5], headChars: 12 },
      { latinCharNgrams: [1, 4], latinCharScope: 'text' },
      { hanCharNgrams: [2, 3], wordNgrams: [2, 3] },
      { segmenter: 'jieba', hanCharNgrams: null },
      { wordSkipGap: 2 },
    ];
    for (const options of configs) {
      // minDf 1: every n-gram of a training text is in the vocabulary, so the vector must hold all of them
      const m = train(SAMPLES, { ...options, minDf: 1, maxIndexDocs: 0 });
      const json = m.toJSON();
      const hashes = new Int32Array(Buffer.from(json.hashes, 'base64').buffer.slice(0));
      const tok = new Tokenizer(m.info.options);
      for (const { text } of SAMPLES) {
        const counted = new Set([...m.vectorize(text).idx].map((c) => hashes[c]!));
        expect(counted, `${JSON.stringify(options)} ${text}`).toEqual(documentFeatureHashes(tok.analyze(text), m.info.options));
      }
    }
  });

  it('keeps only the features of ≥ 5 texts for a large Chinese corpus, all of ≥ 2 otherwise', () => {
    const chinese = { medianChars: 300, hanShare: 0.9 };
    expect(resolveTrainOptions({}, { ...chinese, size: LARGE_CHINESE_CORPUS }).minDf).toBe(5);
    expect(resolveTrainOptions({}, { ...chinese, size: LARGE_CHINESE_CORPUS - 1 }).minDf).toBe(2);
    expect(resolveTrainOptions({}, { medianChars: 300, hanShare: 0.1, size: 10_000 }).minDf).toBe(2);
    expect(resolveTrainOptions({ minDf: 3 }, { ...chinese, size: 10_000 }).minDf).toBe(3);
    // a small Chinese tenant's model keeps its rare n-grams
    expect(train(SAMPLES, { maxIndexDocs: 0 }).info.options.minDf).toBe(2);
  });

  it('blends the SVM with logistic regression into one linear model', () => {
    const blended = train(SAMPLES, { algorithm: 'svm+softmax', seed: 1 });
    expect(blended.toJSON().weights.length).toBe(model.toJSON().weights.length);
    for (const [text, label] of PARAPHRASES) expect(blended.predict(text).label, text).toBe(label);
  });

  it('keeps domain dictionary words whole', () => {
    const text = '宽带故障一直没修好，想携号转网，还被收了late fee';
    const plain = new Tokenizer().tokenize(text);
    expect(plain).not.toContain('宽带故障');
    const tok = new Tokenizer({ dictionary: ['宽带故障', '携号转网', 'Late Fee'] });
    const tokens = tok.tokenize(text);
    expect(tokens).toContain('宽带故障');
    expect(tokens).toContain('携号转网');
    expect(tokens).toContain('late fee');
    // English dictionary words only match on word boundaries
    expect(new Tokenizer({ dictionary: ['card'] }).tokenize('cardboard card')).toEqual(['cardboard', 'card']);

    const m = train(
      SAMPLES.map((s) => ({ ...s, text: s.label === NETWORK ? `${s.text} 宽带故障` : s.text })),
      { dictionary: ['宽带故障'], seed: 1 },
    );
    expect(m.tokenize('又是宽带故障')).toContain('宽带故障');
    expect(m.predict('又是宽带故障').keywords.map((k) => k.term)).toContain('宽带故障');
    // the dictionary travels with the model
    expect(ComplaintCauseModel.fromJSON(m.toJSON()).tokenize('又是宽带故障')).toContain('宽带故障');
  });

  it('splits words and Han runs in one pass exactly as the Unicode regular expressions do', () => {
    // the scanner classifies code units through a table built from the regexes; astral characters (𠀀 is Han,
    // emoji are neither), lone surrogates, full-width forms, 〇 and 々 (Han script, not letters) must agree too
    const words = (t: string) => [...t.matchAll(/(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu)].map((m) => m[0]);
    const texts = ['我要投诉 this complaint XXXX 12,3 ５００元 〇々𠀀abc😀déjà\ud800x\udc00y', 'Ünïcode ÀB 99 top-up', '', '𠀀𠀁中文𝒜𝒷'];
    for (const text of texts) {
      const norm = text.normalize('NFKC').toLowerCase();
      const a = new Tokenizer().analyze(text);
      expect(a.hanRuns, text).toEqual(norm.match(/\p{Script=Han}+/gu) ?? []);
      expect(a.tokens, text).toEqual(
        words(norm)
          .filter((w) => !/^x{2,}$/.test(w))
          .map((w) => (/^[0-9][\p{N}]*$/u.test(w) ? '#' : w)),
      );
    }
  });

  it('normalises as NFKC + toLowerCase for every character (Chinese text skips the lower-casing)', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = `中${String.fromCharCode(c)}。`;
      if (normalizeText(s) !== s.normalize('NFKC').toLowerCase()) expect.fail(`U+${c.toString(16)}`);
    }
  });

  it('applies extra stopwords', () => {
    const tok = new Tokenizer({ segmenter: 'jieba', stopwords: ['投诉', 'complaint'] });
    const tokens = tok.tokenize('我要投诉 this complaint about billing');
    expect(tokens).toContain('billing');
    expect(tokens).not.toContain('投诉');
    expect(tokens).not.toContain('complaint');
    expect(new Tokenizer({ segmenter: 'jieba' }).tokenize('我要投诉 this complaint')).toEqual(
      expect.arrayContaining(['投诉', 'this', 'complaint']),
    );
    // the built-in list is opt-in (it costs accuracy on complaints, see docs/analytics.md)
    expect(new Tokenizer({ useDefaultStopwords: true }).tokenize('this complaint')).toEqual(['complaint']);
    // without a segmenter, Chinese becomes no word tokens (character n-grams read it)
    expect(new Tokenizer().tokenize('我要投诉 this complaint')).toEqual(['this', 'complaint']);
  });

  it('finds similar past complaints by id', () => {
    const hits = model.similar('家里宽带断网了，上不了网', 3);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.id).toBe('n1');
    expect(hits[0]!.label).toBe(NETWORK);
    for (const h of hits) expect(h.score).toBeGreaterThan(0);
    // bounded index
    const small = train(SAMPLES, { maxIndexDocs: 5 });
    expect(small.info.indexedDocs).toBeGreaterThan(0);
    expect(small.info.indexedDocs).toBeLessThanOrEqual(5);
    expect(small.similar('refund', 10).length).toBeLessThanOrEqual(5);
  });

  it('cross-validates with stratified folds', () => {
    const folds = stratifiedFolds(
      SAMPLES.map((s) => s.label),
      5,
    );
    for (let f = 0; f < 5; f++) {
      const members = SAMPLES.filter((_, i) => folds[i] === f);
      expect(members).toHaveLength(6);
      expect(new Set(members.map((m) => m.label)).size).toBe(3);
    }
    const cv = crossValidate(SAMPLES, 5, { seed: 3 });
    expect(cv.folds).toHaveLength(5);
    expect(cv.accuracy).toBeGreaterThan(0.5);
    expect(Object.keys(cv.perClass).sort()).toEqual([NETWORK, BILLING, SERVICE].sort());
    expect(cv.macroF1).toBeGreaterThan(0);
    expect(cv.macroF1).toBeLessThanOrEqual(1);
  });

  it('measures and trains the same whatever order the samples come in (rows read by random ids)', () => {
    const reversed = [...SAMPLES].reverse();
    const rotated = [...SAMPLES.slice(11), ...SAMPLES.slice(0, 11)];
    const pick = (r: ReturnType<typeof crossValidate>) => ({
      accuracy: r.accuracy,
      macroF1: r.macroF1,
      perClass: r.perClass,
      folds: r.folds.map((f) => f.accuracy),
    });
    const cv = pick(crossValidate(SAMPLES, 5, { seed: 3 }));
    expect(pick(crossValidate(reversed, 5, { seed: 3 }))).toEqual(cv);
    expect(pick(crossValidate(rotated, 5, { seed: 3 }))).toEqual(cv);
    const folds = crossValidationFolds(SAMPLES, 5);
    const back = crossValidationFolds(reversed, 5);
    SAMPLES.forEach((_, i) => expect(back[SAMPLES.length - 1 - i]).toBe(folds[i]));
    const weights = (m: ComplaintCauseModel) => {
      const j = m.toJSON();
      return [j.weights, j.bias, j.idf];
    };
    expect(weights(train(reversed, { maxIndexDocs: 0 }))).toEqual(weights(train(SAMPLES, { maxIndexDocs: 0 })));
  });

  it('computes metrics', () => {
    const m = computeMetrics(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']);
    expect(m.accuracy).toBe(0.75);
    expect(m.perClass['a']).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3, support: 2 });
    expect(m.perClass['b']!.f1).toBeCloseTo(0.8);
    expect(m.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2);
  });

  it('classifies batches in worker threads with results identical to predictBatch', async () => {
    const pool = new PredictionPool(model, { threads: 2, chunkSize: 2 });
    try {
      const texts = [...PARAPHRASES.map(([t]) => t), ...SAMPLES.map((s) => s.text)];
      expect(await pool.predictBatch(texts, { topK: 2 })).toEqual(model.predictBatch(texts, { topK: 2 }));
    } finally {
      await pool.close();
    }
  });

  it('rejects unusable input', () => {
    expect(() => train([], {})).toThrow();
    expect(() => train([{ text: 'a', label: 'x' }], {})).toThrow();
    expect(() => ComplaintCauseModel.fromJSON({ ...model.toJSON(), format: 'other' } as never)).toThrow();
  });
});
