import { findPersonalData, luhnValid, maskFreeText } from './free-text-pii';

describe('personal data in free text', () => {
  it('finds mobile numbers, checksummed ID and bank-card numbers and e-mail addresses', () => {
    const text =
      '我叫张三，电话 138-1234-5678，身份证 11010519491231002X，卡号 6222 0202 0000 0000 006（不是 6222020200000000008），邮箱 zhang.san@example.com，订单 202611250001。';
    const kinds = findPersonalData(text).map((s) => [s.kind, s.value]);
    expect(kinds).toEqual([
      ['phone', '138-1234-5678'],
      ['id_number', '11010519491231002X'],
      ['bank_card', '6222 0202 0000 0000 006'],
      ['email', 'zhang.san@example.com'],
    ]);
    // An 18-digit run with a wrong check digit is not an ID number; a 12-digit order number is nothing.
    expect(findPersonalData('编号 110105194912310021')).toEqual([]);
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });

  it('masks what it finds and leaves the rest of the text alone', () => {
    expect(maskFreeText('请回电13812345678或+86 139 1234 5678，卡 4111111111111111，身份证11010519491231002X，邮件 li@corp.cn 谢谢')).toBe(
      '请回电138****5678或139****5678，卡 ****1111，身份证1101**********002X，邮件 l***@corp.cn 谢谢',
    );
    expect(maskFreeText('没有个人信息，订单 202611250001')).toBe('没有个人信息，订单 202611250001');
  });
});
