import { defineErrors } from '../../common/errors/app-error';

export const IntelligenceErrors = defineErrors({
  NO_MODEL: {
    category: 'CONFLICT',
    zh: '尚未训练投诉原因模型，请先确认足够的投诉原因并训练',
    en: 'No cause classifier has been trained yet: confirm complaint causes and train one',
  },
  NOT_ENOUGH_SAMPLES: {
    category: 'CONFLICT',
    zh: '训练需要至少 {min} 条已确认原因的投诉、至少两种原因（当前 {count} 条，{labels} 种）',
    en: 'Training needs at least {min} complaints with confirmed causes and two distinct causes (now {count}, {labels} causes)',
  },
  JOB_NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到该训练任务', en: 'Training job not found' },
  NO_PREDICTION: { category: 'CONFLICT', zh: '该投诉没有可采纳的预测原因', en: 'This complaint has no predicted cause to accept' },
  EMPTY_TEXT: { category: 'BAD_USER_INPUT', zh: '请输入投诉内容', en: 'Give the complaint text' },
  INVALID_FIRST: { category: 'BAD_USER_INPUT', zh: '数量须为 1–{max} 的整数', en: 'first must be a whole number from 1 to {max}' },
  INVALID_GATE_MARGIN: {
    category: 'BAD_USER_INPUT',
    zh: '质量门限须在 0 到 1 之间（例如 0.02 表示 2 个百分点）',
    en: 'The quality-gate margin must be between 0 and 1 (0.02 means 2 percentage points)',
  },
  INVALID_DICTIONARY: {
    category: 'BAD_USER_INPUT',
    zh: '词典最多 {max} 个词，每个词 1–{maxLength} 个字符',
    en: 'The dictionary holds at most {max} words of 1–{maxLength} characters',
  },
});
