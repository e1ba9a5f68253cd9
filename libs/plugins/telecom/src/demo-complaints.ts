import type { DemoComplaint } from '@redress/sdk';

/** Realistic complaints for a telecom demo tenant (names, numbers and cells are fictitious). */
export const TELECOM_DEMO_COMPLAINTS: DemoComplaint[] = [
  {
    type: 'telecom_network', channel: 'phone',
    text: '南山科技园这边从下午两点开始手机完全没有信号，打不了电话也上不了网，同事们都一样。',
    form: { msisdn: '13800138001', service: 'voice', cell_area: 'SZ-NS-0231' },
    complainant: { name: '杨帆', phone: '13800138001' }, requestedRemedy: '尽快恢复信号',
  },
  {
    type: 'telecom_network', channel: 'app',
    text: '科技园地铁站附近4G/5G都连不上，显示无服务，已经一个多小时了，影响工作。',
    form: { msisdn: '13800138002', service: 'data', cell_area: 'sz-ns-0231' },
    complainant: { name: '许诺', phone: '13800138002' }, requestedRemedy: '恢复网络并说明原因',
  },
  {
    type: 'telecom_billing', channel: 'phone',
    text: '上个月账单多出了68元的流量包费用，我从来没有订购过这个流量包，要求退费。',
    form: { msisdn: '13900139003', service: 'billing', billing_month: '2025-12-01', disputed_fee: 68 },
    complainant: { name: '冯雪', phone: '13900139003' }, requestedRemedy: '退还68元并取消流量包',
  },
  {
    type: 'telecom_billing', channel: 'letter',
    text: '整理发票时发现去年6月份被扣了一笔200元的增值业务费，要求查明并退款。',
    form: { msisdn: '13700137004', service: 'value_added', billing_month: '2025-06-01', disputed_fee: 200 },
    complainant: { name: '蒋涛', phone: '13700137004' }, requestedRemedy: '退款',
  },
  {
    type: 'telecom_broadband', channel: 'phone',
    text: '预约的宽带装机约了三次都没人上门，每次都说师傅忙，已经耽误了两周。',
    form: { msisdn: '13600136005', cell_area: 'SZ-FT-0112' },
    complainant: { name: '韩梅', phone: '13600136005' }, requestedRemedy: '本周内完成装机',
  },
  {
    type: 'telecom_broadband', channel: 'web',
    text: '家里千兆宽带晚上八点到十一点网速只有十几兆，看视频一直卡，报修后师傅说是线路问题但一直没解决。',
    form: { msisdn: '13500135006', cell_area: 'SZ-LH-0420' },
    complainant: { name: '曹阳', phone: '13500135006' }, requestedRemedy: '彻底修复并减免当月费用',
  },
  {
    type: 'telecom_network', channel: 'phone',
    text: '国外出差开了国际漫游，到了当地一直无法注册网络，打客服也没人解决，耽误了重要工作。',
    form: { msisdn: '13400134007', service: 'roaming', cell_area: 'INTL-ROAM' },
    complainant: { name: '邹静', phone: '13400134007' }, requestedRemedy: '退还漫游包费用',
  },
  {
    type: 'telecom_service', channel: 'visit',
    text: '在营业厅办理携号转网，工作人员以各种理由拖延，还推销其他套餐，态度很不耐烦。',
    form: { msisdn: '13300133008', service: 'voice' },
    complainant: { name: '潘磊', phone: '13300133008' }, requestedRemedy: '按规定办理携号转网',
  },
  {
    type: 'telecom_billing', channel: 'app',
    text: '套餐内明明有30G流量，才用了12G就提示超出并开始扣费，要求核查计费是否有误。',
    form: { msisdn: '13200132009', service: 'data', billing_month: '2026-01-01', disputed_fee: 45 },
    complainant: { name: '田甜', phone: '13200132009' }, requestedRemedy: '退还多扣费用',
  },
  {
    type: 'telecom_network', channel: 'social_media',
    text: '南山科技园片区断网快两个小时了，微博上好多人在骂，你们到底什么时候能修好？',
    form: { msisdn: '13100131010', service: 'data', cell_area: 'SZ-NS-0231' },
    complainant: { name: '任杰', phone: '13100131010' }, requestedRemedy: '公布抢修进度',
  },
];
