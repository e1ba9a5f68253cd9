import type { DemoComplaint } from '@redress/sdk';

/** Realistic complaints for a jewelry-retail demo tenant (names, stores and numbers are fictitious). */
export const JEWELRY_DEMO_COMPLAINTS: DemoComplaint[] = [
  {
    type: 'jewelry_quality', channel: 'visit',
    text: '上个月在万象城专柜买的钻石戒指，戴了不到三周主石就松动了，差点掉出来，要求退货。',
    form: { store: '深圳万象城店', counter: 'A12专柜', store_mode: 'direct', sku: 'DR-18K-0531', certificate_no: 'NGTC-2025-118822', purchase_date: '2025-12-20', purchase_price: 18800, requested_handling: 'return' },
    complainant: { name: '林晓', phone: '13923001122' }, requestedRemedy: '全额退货',
  },
  {
    type: 'jewelry_quality', channel: 'phone',
    text: '买的足金手镯拿去检测，重量比证书上少了0.3克，怀疑以次充好，希望给个说法。',
    form: { store: '广州天河城店', store_mode: 'franchise', sku: 'GB-999-2210', certificate_no: 'GTC-2025-554301', purchase_date: '2025-11-02', purchase_price: 9650, requested_handling: 'compensation' },
    complainant: { name: '黄美玲', phone: '13822003344' }, requestedRemedy: '补差价或退货',
  },
  {
    type: 'jewelry_service', channel: 'visit',
    text: '在专柜试戴项链时店员一直催促，还说“买不起就别试”，态度非常恶劣，当着其他顾客的面很难堪。',
    form: { store: '深圳海岸城店', counter: 'B03专柜', store_mode: 'direct', requested_handling: 'apology' },
    complainant: { name: '郭婷', phone: '13714005566' }, requestedRemedy: '店员当面道歉',
  },
  {
    type: 'jewelry_quality', channel: 'web',
    text: '铂金项链的扣头三天就坏了，要求换一条同款。',
    form: { store: '东莞国贸店', store_mode: 'franchise', sku: 'PT-950-0788', purchase_date: '2026-01-05', purchase_price: 3280, requested_handling: 'exchange' },
    complainant: { name: '何俊', phone: '13612007788' }, requestedRemedy: '换新',
  },
  {
    type: 'jewelry_quality', channel: 'social_media',
    text: '翡翠手镯的鉴定证书编号在官网查不到，怀疑买到假货，如果三天内不处理我就去消协投诉并发到网上曝光。',
    form: { store: '佛山岭南站店', store_mode: 'franchise', certificate_no: 'FJ-2025-000913', purchase_date: '2025-10-18', purchase_price: 26000, requested_handling: 'return' },
    complainant: { name: '梁志强', phone: '13531009900' }, requestedRemedy: '退货并赔偿',
  },
  {
    type: 'jewelry_service', channel: 'phone',
    text: '在加盟店买的吊坠承诺免费刻字，取货时却要收80元刻字费，店长说是总部规定，和当初说的不一样。',
    form: { store: '惠州华贸店', store_mode: 'franchise', requested_handling: 'compensation' },
    complainant: { name: '曾丽华', phone: '13427001213' }, requestedRemedy: '免收刻字费',
  },
  {
    type: 'jewelry_quality', channel: 'visit',
    text: '18K金耳钉佩戴后耳朵过敏红肿，怀疑材质有问题，要求检测并退货。',
    form: { store: '深圳益田假日店', counter: 'C08专柜', store_mode: 'direct', sku: 'ER-18K-1204', purchase_date: '2026-01-08', purchase_price: 1980, requested_handling: 'return' },
    complainant: { name: '邓小雨', phone: '13316001415' }, requestedRemedy: '检测后退货',
  },
  {
    type: 'jewelry_service', channel: 'letter',
    text: '送修的钻戒说好两周取件，已经过去一个多月还没有消息，打电话到专柜总是说再等等，没人负责。',
    form: { store: '珠海华发商都店', store_mode: 'direct', sku: 'DR-PT-0211', requested_handling: 'repair' },
    complainant: { name: '谢文', phone: '13218001617' }, requestedRemedy: '尽快取回维修件',
  },
  {
    type: 'jewelry_quality', channel: 'phone',
    text: '婚戒内圈刻字刻错了一个字母，结婚日期临近，要求重新制作。',
    form: { store: '广州正佳店', store_mode: 'direct', sku: 'WR-PT-0620', purchase_date: '2025-12-28', purchase_price: 7600, requested_handling: 'exchange' },
    complainant: { name: '钟倩', phone: '13119001819' }, requestedRemedy: '免费重做',
  },
  {
    type: 'jewelry_service', channel: 'web',
    text: '会员积分兑换礼品时店员说系统故障无法兑换，第二次去又说活动已结束，感觉被敷衍。',
    form: { store: '深圳COCO Park店', store_mode: 'direct', requested_handling: 'apology' },
    complainant: { name: '罗斌', phone: '13020002021' }, requestedRemedy: '补兑积分礼品',
  },
];
