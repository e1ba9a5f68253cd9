import type { DemoComplaint } from '@redress/sdk';

/** Realistic complaints for a property-management demo tenant (names and addresses are fictitious). */
export const PROPERTY_DEMO_COMPLAINTS: DemoComplaint[] = [
  {
    type: 'property_repair', channel: 'phone',
    text: '楼上卫生间漏水，我家天花板已经渗水发霉，报修三天了还没人来看。',
    form: { project: '锦绣花园', building: '6栋', unit: '1502', owner_status: 'owner' },
    complainant: { name: '马红梅', phone: '13751012233' }, requestedRemedy: '尽快维修并处理天花板',
  },
  {
    type: 'property_repair', channel: 'app',
    text: '2号楼电梯这周已经坏了三次，今天早上还发生电梯困人，老人小孩上下楼很不安全。',
    form: { project: '锦绣花园', building: '2栋', owner_status: 'owner' },
    complainant: { name: '宋建华', phone: '13652023344' }, requestedRemedy: '彻底检修电梯并公示维保记录',
  },
  {
    type: 'property_house_quality', channel: 'visit',
    text: '我租住的房子客厅墙面大面积开裂，要求开发商和物业维修赔偿。',
    form: { project: '阳光城', building: '3栋', unit: '803', owner_status: 'tenant' },
    complainant: { name: '唐小军', phone: '13553034455' }, requestedRemedy: '维修并赔偿',
  },
  {
    type: 'property_environment', channel: 'comment_book',
    text: '小区垃圾桶好几天没有清运，夏天臭味很大，还招苍蝇。',
    form: { project: '翠湖苑', building: '9栋', owner_status: 'owner' },
    complainant: { name: '董丽', phone: '13454045566' }, requestedRemedy: '每天按时清运',
  },
  {
    type: 'property_security', channel: 'phone',
    text: '晚上经常有外来车辆随意进出小区，门岗不登记，还有电动车在楼道里充电，存在安全隐患。',
    form: { project: '翠湖苑', owner_status: 'owner' },
    complainant: { name: '袁刚', phone: '13355056677' }, requestedRemedy: '加强门禁管理并清理楼道电动车',
  },
  {
    type: 'property_fee', channel: 'letter',
    text: '物业费今年突然每平米上涨了0.8元，没有召开业主大会也没有公示，多户业主都不认可，准备集体投诉到住建局。',
    form: { project: '阳光城', building: '1栋', unit: '1201', owner_status: 'owner' },
    complainant: { name: '邱志明', phone: '13256067788' }, requestedRemedy: '说明调价依据并暂缓执行',
  },
  {
    type: 'property_service', channel: 'phone',
    text: '打物业服务电话反映问题，客服语气很冲，说“这不归我们管”就挂了电话。',
    form: { project: '锦绣花园', owner_status: 'owner' },
    complainant: { name: '秦雪', phone: '13157078899' }, requestedRemedy: '客服道歉',
  },
  {
    type: 'property_environment', channel: 'web',
    text: '我建议小区在中心花园增加一些儿童游乐设施和休息座椅，方便老人小孩活动。',
    form: { project: '翠湖苑', owner_status: 'owner' },
    complainant: { name: '陆佳', phone: '13058089900' },
  },
  {
    type: 'property_security', channel: 'visit',
    text: '隔壁业主在楼顶违章搭建阳光房，我要求物业也允许我搭建一个，否则不交物业费。',
    form: { project: '阳光城', building: '5栋', unit: '2602', owner_status: 'owner' },
    complainant: { name: '贺鹏', phone: '13959090011' }, requestedRemedy: '允许搭建',
  },
  {
    type: 'property_repair', channel: 'phone',
    text: '地下车库B2层的照明灯坏了一大片，晚上停车看不清，已经有车发生剐蹭。',
    form: { project: '锦绣花园', building: '地下车库', owner_status: 'owner' },
    complainant: { name: '龙飞', phone: '13860001122' }, requestedRemedy: '尽快修复照明',
  },
];
