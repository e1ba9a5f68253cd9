import type { DemoComplaint } from '@redress/sdk';

/** Realistic complaints for a bank demo tenant (names and numbers are fictitious). */
export const BANK_DEMO_COMPLAINTS: DemoComplaint[] = [
  {
    type: 'bank_credit_card', channel: 'phone',
    text: '我的信用卡昨晚在境外被连续盗刷三笔，共计人民币8,650元，我本人一直在国内且卡片在身边。请尽快冻结并处理，资金安全没有保障我很担心。',
    form: { account_tail: '4821', product_line: 'credit_card', disputed_amount: 8650 },
    complainant: { name: '王建国', phone: '13810012345' }, requestedRemedy: '退回被盗刷的款项',
  },
  {
    type: 'bank_service', channel: 'visit',
    text: '今天上午在朝阳支行办理定期存款转存，排队一个半小时，柜员态度冷淡，还让我去别的网点办理。',
    form: { product_line: 'savings', branch: '朝阳支行' },
    complainant: { name: '李秀兰', phone: '13911023456' }, requestedRemedy: '柜员道歉并改进服务',
  },
  {
    type: 'bank_system', channel: 'app',
    text: '手机银行从早上八点到现在一直无法登录，提示系统繁忙，身边好几个同事都一样，工资到账了却转不出来，这是大面积系统故障吧？',
    form: { product_line: 'e_banking' },
    complainant: { name: '张伟', phone: '13700034567' }, requestedRemedy: '尽快恢复并说明原因',
  },
  {
    type: 'bank_product', channel: 'letter',
    text: '2023年在贵行购买的理财产品，客户经理承诺保本，现在亏损近两万元。如果不给说法，我将委托律师起诉。',
    form: { account_tail: '0917', product_line: 'wealth', disputed_amount: 19800, branch: '海淀支行' },
    complainant: { name: '陈静', phone: '13601045678' }, requestedRemedy: '赔偿本金损失',
  },
  {
    type: 'bank_product', channel: 'regulator',
    text: '监管部门转办：客户反映房贷提前还款违约金计算有误，多收取约3,200元，请于规定时限内核查答复。',
    form: { account_tail: '3356', product_line: 'loan', disputed_amount: 3200 },
    complainant: { name: '刘洋', phone: '13502056789' }, requestedRemedy: '退还多收的违约金',
  },
  {
    type: 'bank_credit_card', channel: 'phone',
    text: '信用卡年费明明说首年免年费，结果扣了我600元，客服说要7个工作日才能处理，我要求三天内解决。',
    form: { account_tail: '7702', product_line: 'credit_card', disputed_amount: 600, requested_deadline_days: 3 },
    complainant: { name: '赵敏', phone: '13403067890' }, requestedRemedy: '退还年费',
  },
  {
    type: 'bank_service', channel: 'news_media',
    text: '本地晚报记者来电：有读者反映贵行某网点拒收老年人现金存款，报社准备刊发报道，请银行给出回应。',
    form: { product_line: 'savings', branch: '西城支行' },
    complainant: { name: '孙丽', phone: '13304078901' }, requestedRemedy: '核实情况并公开回应',
  },
  {
    type: 'bank_product', channel: 'web',
    text: '我转账到对方账户显示成功，但对方说没收到，后来查询发现是我自己把收款账号填错了一位，想问问能不能帮忙追回。',
    form: { account_tail: '1288', product_line: 'payment', disputed_amount: 5000 },
    complainant: { name: '周强', phone: '13205089012' }, requestedRemedy: '协助追回款项',
  },
  {
    type: 'bank_marketing', channel: 'phone',
    text: '一个月内接到贵行十几个推销贷款的电话，明确拒绝后还在打，严重影响生活，要求把我的号码移出营销名单。',
    form: { product_line: 'loan' },
    complainant: { name: '吴芳', phone: '13106090123' }, requestedRemedy: '停止营销电话',
  },
  {
    type: 'bank_system', channel: 'leadership',
    text: '总行领导批转：多名客户反映ATM吞卡后三天仍未退还，网点推诿，请相关部门限期整改并回复客户。',
    form: { product_line: 'savings', branch: '东城支行' },
    complainant: { name: '郑磊', phone: '13007001234' }, requestedRemedy: '退还银行卡并道歉',
  },
];
