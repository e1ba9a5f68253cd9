import { train } from './classifier';
import type { ActiveModel, ClassifierModelsService } from './classifier-models.service';
import { ModelCausePredictor } from './model-cause-predictor';
import { isShareableKeyword } from './cause-predictor';

const SAMPLES = [
  ['宽带经常断网，晚上上不了网', 'network'],
  ['手机信号差，打电话掉线', 'network'],
  ['光纤网速很慢，视频卡顿', 'network'],
  ['小区网络故障一直没修好', 'network'],
  ['路由器连不上宽带', 'network'],
  ['移动网络时断时续', 'network'],
  ['账单多扣了一笔费用', 'billing'],
  ['没开通业务却被收月费', 'billing'],
  ['套餐资费多收了钱', 'billing'],
  ['销户后还在扣费', 'billing'],
  ['被重复扣费两次', 'billing'],
  ['自动续费擅自扣款 13912345678', 'billing'],
].map(([text, label], i) => ({ text, label, id: `c${i}` }));

function predictorWith(active: ActiveModel | null | (() => never)) {
  const models = {
    active: async () => (typeof active === 'function' ? active() : active),
  } as unknown as ClassifierModelsService;
  return new ModelCausePredictor(models);
}

describe('the cause predictor intake asks', () => {
  const model = train(SAMPLES, { seed: 42 });

  it('predicts from the cached model, with runners-up and shareable driving words', async () => {
    const predictor = predictorWith({ id: 'm1', version: 4, model });
    const p = await predictor.predict('t1', '家里宽带又断网了');
    expect(p).toMatchObject({ cause: 'network', modelVersion: 4 });
    expect(p!.confidence).toBeGreaterThan(0.5);
    expect(p!.top.map((x) => x.label)).toEqual(['network', 'billing']);
    const withNumber = await predictor.predict('t1', '自动续费扣款 13912345678');
    expect(withNumber!.keywords.every((k) => isShareableKeyword(k.term))).toBe(true);
  });

  it('answers null without a model, for empty text, and when anything fails', async () => {
    expect(await predictorWith(null).predict('t1', '宽带断网')).toBeNull();
    expect(await predictorWith({ id: 'm1', version: 1, model }).predict('t1', '   ')).toBeNull();
    expect(
      await predictorWith(() => {
        throw new Error('database gone');
      }).predict('t1', '宽带断网'),
    ).toBeNull();
  });

  it('leaves numbers and e-mail addresses out of shareable keywords', () => {
    expect(isShareableKeyword('断网')).toBe(true);
    expect(isShareableKeyword('13912345678')).toBe(false);
    expect(isShareableKeyword('a@b.cn')).toBe(false);
  });
});
