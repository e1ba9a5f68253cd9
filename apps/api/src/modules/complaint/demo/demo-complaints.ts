/**
 * The demo tenant's history (issue 20 "a live demo"): a deterministic plan of ~300 complaints over the last 90 days,
 * each a list of steps (submit, assign, start work, reply, approve, follow up, close, reopen …) that the seeder
 * replays through the real services at the planned instants. Pure: a seeded random source and `now` in, a plan out.
 */

import { createRng } from '../../intelligence/classifier/util';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Who acts in a step (the demo users by role). */
export type DemoActor = 'agent' | 'handler' | 'manager' | 'admin';

export type DemoStep =
  | { kind: 'submit'; actor: DemoActor; input: DemoSubmission }
  | { kind: 'assign'; actor: DemoActor; department?: string; assignee?: DemoActor; reason?: string }
  | { kind: 'transition'; actor: DemoActor; to: string; comment?: string }
  | { kind: 'note'; actor: DemoActor; text: string; note: 'internal_note' | 'progress' }
  | { kind: 'reply'; actor: DemoActor; body: string }
  | { kind: 'approve'; actor: DemoActor; comment: string }
  | { kind: 'followUp'; actor: DemoActor; satisfied: boolean; score: number; comment: string };

export interface DemoSubmission {
  channel: string;
  type: string;
  title: string;
  text: string;
  reference?: string;
  complainant: { name: string; phone: string };
  form: Record<string, unknown>;
}

export interface PlannedStep {
  at: Date;
  /** Index of the complaint in the plan (steps of one complaint run in order). */
  complaint: number;
  step: DemoStep;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓燕',
];
const OUTLETS = ['bj_chaoyang', 'sh_xuhui', 'gz_tianhe'];
const OUTLET_NAMES: Record<string, string> = { bj_chaoyang: '北京朝阳店', sh_xuhui: '上海徐汇店', gz_tianhe: '广州天河店' };
const PRODUCTS = ['电水壶', '空气炸锅', '蓝牙耳机', '电饭煲', '吸尘器', '儿童座椅', '净水器', '电动牙刷'];

interface Scenario {
  type: string;
  title: string;
  text: (r: Ctx) => string;
  channels: string[];
  weight: number;
}
interface Ctx {
  outlet: string;
  product: string;
  amount: number;
  pick: <T>(items: T[]) => T;
}

const SCENARIOS: Scenario[] = [
  {
    type: 'service.attitude',
    title: '店员态度恶劣',
    weight: 8,
    channels: ['phone', 'visit', 'web', 'app'],
    text: (c) =>
      c.pick([
        `在${OUTLET_NAMES[c.outlet]}咨询退货时店员不耐烦，还当众讽刺我，要求道歉。`,
        `${OUTLET_NAMES[c.outlet]}收银员态度冷淡，问了三遍都不理人。`,
        `店长在${OUTLET_NAMES[c.outlet]}对我大声呵斥，我要找媒体曝光。`,
      ]),
  },
  {
    type: 'service.efficiency',
    title: '排队时间过长',
    weight: 8,
    channels: ['phone', 'app', 'web', 'comment_book'],
    text: (c) =>
      c.pick([
        `${OUTLET_NAMES[c.outlet]}只开一个窗口，排队等了一个多小时。`,
        '热线打了五次都没人接，问题一直没人处理。',
        '线上客服回复太慢，一个简单问题等了两天。',
      ]),
  },
  {
    type: 'product.defect',
    title: '商品质量问题',
    weight: 9,
    channels: ['app', 'phone', 'email', 'web'],
    text: (c) =>
      c.pick([
        `新买的${c.product}用了三天就坏了，要求换货。`,
        `${c.product}收到时外壳破裂，插电后有焦糊味。`,
        `${c.product}漏水，已经影响正常使用，如不解决我将向12315投诉。`,
      ]),
  },
  {
    type: 'product',
    title: '产品与描述不符',
    weight: 5,
    channels: ['app', 'web', 'email'],
    text: (c) => c.pick([`${c.product}的实际功率和页面宣传不一致。`, `收到的${c.product}颜色型号都发错了。`]),
  },
  {
    type: 'billing',
    title: '收费争议',
    weight: 7,
    channels: ['phone', 'email', 'letter', 'web'],
    text: (c) =>
      c.pick([
        `账单多扣了${c.amount}元，至今没有退还。`,
        `会员费被重复收取${c.amount}元，要求退款。`,
        `退款${c.amount}元承诺七个工作日到账，已经过去一个月。`,
      ]),
  },
  {
    type: 'environment',
    title: '网点环境问题',
    weight: 4,
    channels: ['visit', 'comment_book', 'phone'],
    text: (c) => c.pick([`${OUTLET_NAMES[c.outlet]}卫生间很脏，没有纸巾。`, `${OUTLET_NAMES[c.outlet]}空调坏了，店里非常闷热。`]),
  },
  {
    type: 'consultation',
    title: '咨询',
    weight: 4,
    channels: ['web', 'phone', 'app'],
    text: (c) => c.pick(['请问会员积分怎么兑换礼品？', '发票可以重新开具吗？需要什么材料？', `${c.product}的保修期是多久？`]),
  },
  {
    type: 'billing',
    title: '监管转办：收费投诉',
    weight: 2,
    channels: ['regulator', 'leadership', 'news_media'],
    text: (c) => c.pick([`消费者反映被多收取费用${c.amount}元，请核实处理并按期答复。`, '群众来信反映退款长期未到账，请调查处理。']),
  },
  {
    type: 'suggestion',
    title: '建议',
    weight: 2,
    channels: ['web', 'comment_book'],
    text: (c) => c.pick(['建议增加夜间营业时间。', `建议${OUTLET_NAMES[c.outlet]}增加停车位。`]),
  },
  { type: 'service', title: '恶意投诉', weight: 1, channels: ['phone'], text: () => '不给钱就天天来闹，给你们写恶意差评。' },
];

const REPLIES = [
  '经核实情况属实，已对相关人员进行批评教育，并为您办理退款，款项将在3个工作日内到账。',
  '经检测为产品批次质量问题，已为您安排换新，并赠送延保一年。',
  '已核对账单，多收费用已原路退回，对给您带来的不便深表歉意。',
  '已增加高峰时段窗口并优化排队叫号流程，感谢您的监督。',
  '已安排门店整改环境卫生，并加强日常巡检。',
];
const NOTES = [
  '已电话联系客户，客户情绪平稳。',
  '调取了门店监控，与客户描述一致。',
  '需质量部出具检测报告，预计两天。',
  '客户要求书面答复，已告知流程。',
];

/**
 * `count` complaints, received between 90 days and a few hours before `now`, sorted by time. Older ones are
 * mostly finished (closed satisfied, closed after a second round, invalid, closed by a manager); recent ones are
 * open in every state, so queues show due-soon, overdue and paused (waiting for the customer) work.
 */
export function planDemoComplaints(count: number, now: Date, seed = 20): PlannedStep[] {
  const random = createRng(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const weighted = (): Scenario => {
    let x = random() * SCENARIOS.reduce((s, c) => s + c.weight, 0);
    for (const scenario of SCENARIOS) if ((x -= scenario.weight) < 0) return scenario;
    return SCENARIOS[0];
  };
  // A pool smaller than the complaint count: customers come back (some within 30 days, which the rules notice).
  const customers = Array.from({ length: Math.max(1, Math.round(count * 0.6)) }, (_, i) => ({
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
    phone: `13${String(800000000 + i * 7919).padStart(9, '0')}`,
  }));
  const steps: PlannedStep[] = [];
  for (let i = 0; i < count; i++) {
    // Ages spread over 90 days, denser towards today (more open work is recent).
    const age = 90 * DAY * Math.pow(random(), 1.6) + 2 * HOUR;
    // Working hours in Shanghai (UTC+8): 09:00–18:00 local is 01:00–10:00 UTC.
    const day = new Date(now.getTime() - age);
    const received = new Date(
      Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 1 + Math.floor(random() * 9), Math.floor(random() * 60)),
    );
    const at = received.getTime() > now.getTime() - HOUR ? new Date(now.getTime() - HOUR - Math.floor(random() * 3 * HOUR)) : received;
    const scenario = weighted();
    const ctx: Ctx = { outlet: pick(OUTLETS), product: pick(PRODUCTS), amount: 20 + Math.floor(random() * 480), pick };
    const customer = random() < 0.3 ? customers[Math.floor(random() * Math.min(12, customers.length))] : pick(customers);
    const form: Record<string, unknown> = {};
    if (scenario.type.startsWith('service') || scenario.type === 'environment') form.outlet = ctx.outlet;
    if (scenario.type.startsWith('service')) form.expected_remedy = pick(['apology', 'explanation', 'refund']);
    if (scenario.type.startsWith('product'))
      Object.assign(form, {
        product_name: ctx.product,
        order_no: `SO${20260000 + i * 37}`,
        expected_remedy: pick(['exchange', 'repair', 'refund']),
      });
    if (scenario.type === 'billing') Object.assign(form, { amount: ctx.amount, order_no: `SO${20260000 + i * 37}` });
    const submission: DemoSubmission = {
      channel: pick(scenario.channels),
      type: scenario.type,
      title: scenario.title,
      text: scenario.text(ctx),
      reference: form.order_no as string | undefined,
      complainant: customer,
      form,
    };
    const own: [number, DemoStep][] = [[0, { kind: 'submit', actor: 'agent', input: submission }]];
    lifeOf(own, age, scenario, random, pick);
    for (const [offset, step] of own) {
      const when = new Date(at.getTime() + offset);
      // Nothing happens in the future: a step planned after now is simply not reached yet.
      if (when.getTime() < now.getTime() - 5 * MINUTE) steps.push({ at: when, complaint: i, step });
    }
  }
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.complaint - b.complaint);
}

/** The handling steps after intake, by age: the older, the further along. Offsets in ms after receipt. */
function lifeOf(own: [number, DemoStep][], age: number, scenario: Scenario, random: () => number, pick: <T>(items: T[]) => T): void {
  if (scenario.type === 'suggestion' || scenario.title === '恶意投诉') return; // closed as invalid by the validity rules
  const roll = random();
  const push = (offset: number, step: DemoStep) => own.push([offset, step]);
  // Departments without a team are routed manually: the manager assigns the handler within the hour.
  const manual = scenario.type === 'billing' || scenario.type === 'environment';
  if (manual) push(40 * MINUTE, { kind: 'assign', actor: 'manager', assignee: 'handler' });
  if (age < 2 * DAY && roll < 0.5) return; // just in, still dispatched
  push(3 * HOUR, { kind: 'transition', actor: 'handler', to: 'in_progress' });
  if (random() < 0.5) push(5 * HOUR, { kind: 'note', actor: 'handler', note: 'internal_note', text: pick(NOTES) });
  if (age < 6 * DAY && roll < 0.75) return; // being worked on: due soon or on time
  if (roll > 0.93 && age < 40 * DAY) {
    push(20 * HOUR, { kind: 'transition', actor: 'handler', to: 'waiting_customer', comment: '请客户补充购买凭证和照片。' });
    return; // clocks paused while the customer answers
  }
  if (age < 25 * DAY && roll < 0.2) return; // forgotten in progress: overdue
  const replyAt = (1 + Math.floor(random() * 4)) * DAY;
  push(replyAt, { kind: 'reply', actor: 'handler', body: pick(REPLIES) });
  // Major complaints need a manager's approval of the reply; the recent referrals still wait for it.
  if (scenario.title.startsWith('监管转办') && age < 20 * DAY) return;
  push(replyAt + 2 * HOUR, { kind: 'approve', actor: 'manager', comment: '同意按此答复。' });
  if (age < 8 * DAY && roll < 0.85) return; // responded, follow-up not yet made
  push(replyAt + DAY, { kind: 'transition', actor: 'agent', to: 'follow_up' });
  if (age < 10 * DAY && roll < 0.9) return;
  if (roll > 0.8 && roll < 0.88) {
    // Unsatisfied once: dispatched again, handled again, satisfied the second time.
    push(replyAt + DAY + HOUR, { kind: 'followUp', actor: 'agent', satisfied: false, score: 2, comment: '客户认为补偿不足。' });
    push(replyAt + 2 * DAY, { kind: 'transition', actor: 'handler', to: 'in_progress' });
    push(replyAt + 4 * DAY, { kind: 'reply', actor: 'handler', body: pick(REPLIES) });
    push(replyAt + 4 * DAY + 2 * HOUR, { kind: 'approve', actor: 'manager', comment: '同意。' });
    push(replyAt + 5 * DAY, { kind: 'transition', actor: 'agent', to: 'follow_up' });
    push(replyAt + 5 * DAY + HOUR, { kind: 'followUp', actor: 'agent', satisfied: true, score: 4, comment: '客户接受处理结果。' });
  } else if (roll >= 0.88 && roll < 0.92) {
    push(replyAt + DAY + HOUR, { kind: 'transition', actor: 'manager', to: 'closed', comment: '多次联系客户未接听，按规定结案。' });
    if (age > 30 * DAY)
      push(replyAt + 6 * DAY, { kind: 'transition', actor: 'agent', to: 'reopened', comment: '客户来电表示问题再次出现。' });
  } else {
    push(replyAt + DAY + HOUR, {
      kind: 'followUp',
      actor: 'agent',
      satisfied: true,
      score: 4 + Math.floor(random() * 2),
      comment: '客户表示满意。',
    });
  }
}
