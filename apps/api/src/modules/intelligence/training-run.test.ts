import { Model } from './classifier';
import { describeOutcome, trainAndMeasure } from './training-run';

const texts: Record<string, string[]> = {
  network: [
    '宽带断网',
    '手机信号差掉线',
    '网速很慢卡顿',
    '网络故障没修好',
    '路由器连不上宽带',
    '移动网络时断时续',
    '家里没有信号',
    '光纤断线',
    '网络延迟很高',
    '宽带无法连接',
    '上网很慢',
    '信号时有时无',
  ],
  billing: [
    '账单多扣费用',
    '没开通却收月费',
    '套餐多收钱',
    '销户后还扣费',
    '重复扣费两次',
    '自动续费擅自扣款',
    '话费金额异常',
    '收费偏高',
    '违约金不合理',
    '优惠没兑现照常收费',
    '流量费算错',
    '扣款没通知',
  ],
  attitude: ['客服态度恶劣', '员工不耐烦', '营业员爱答不理', '说话阴阳怪气', '客服敷衍了事', '店员不礼貌'],
};
const samples = Object.entries(texts).flatMap(([label, list]) => list.map((text, i) => ({ text, label, id: `${label}-${i}` })));

describe('training a tenant model', () => {
  it('measures 5-fold accuracy from 30 samples and reports progress fold by fold', () => {
    const steps: string[] = [];
    const outcome = trainAndMeasure(samples, { seed: 42 }, (_, message) => steps.push(message));
    expect(outcome.metrics).toMatchObject({ method: 'kfold', folds: 5, classCounts: { network: 12, billing: 12, attitude: 6 } });
    expect(outcome.metrics.accuracy).toBeGreaterThan(0.5);
    expect(steps).toEqual(
      [1, 2, 3, 4, 5].map((f) => `Measuring accuracy: fold ${f} of 5`).concat('Training the final model on all confirmed complaints'),
    );
    expect(outcome.labels).toEqual(['attitude', 'billing', 'network']);
    expect(Model.fromJSON(outcome.modelJson).predict('宽带又断网了').label).toBe('network');
    expect(describeOutcome(outcome.metrics, samples.length)).toMatch(
      /^Trained on 30 confirmed complaints; 5-fold accuracy \d+\.\d%, macro-F1/,
    );
  });

  it('says accuracy was not measured below 30 samples', () => {
    const outcome = trainAndMeasure(samples.slice(0, 20), { seed: 42 });
    expect(outcome.metrics.method).toBe('none');
    expect(outcome.metrics.note).toMatch(/Only 20 confirmed complaints/);
  });
});
