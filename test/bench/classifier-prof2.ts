import { loadDataset, Tokenizer } from '../../apps/api/src/modules/intelligence/classifier';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
const s = loadDataset('tipdm');
const texts = Array.from({ length: 10000 }, (_, i) => s[i % s.length]!.text);
const jb = Jieba.withDict(dict);
const tok = new Tokenizer({}); const tokNoHmm = new Tokenizer({ hmm: false });
for (let r = 0; r < 2; r++) {
  let t0 = performance.now(); for (const t of texts) jb.cut(t, true); console.log('jieba raw', performance.now() - t0);
  t0 = performance.now(); for (const t of texts) jb.cut(t.normalize('NFKC').toLowerCase(), true); console.log('jieba+norm', performance.now() - t0);
  t0 = performance.now(); for (const t of texts) tok.analyze(t); console.log('analyze', performance.now() - t0);
  t0 = performance.now(); for (const t of texts) tokNoHmm.analyze(t); console.log('analyze nohmm', performance.now() - t0);
}
