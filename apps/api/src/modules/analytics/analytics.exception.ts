import { defineErrors } from '../../common/errors/app-error';

export const AnalyticsErrors = defineErrors({
  INVALID_PERIOD: {
    category: 'BAD_USER_INPUT',
    zh: '统计区间无效：开始时间必须早于结束时间，且不超过 {maxDays} 天',
    en: 'Invalid period: from must be before to, at most {maxDays} days apart',
  },
  FRESH_PERIOD_TOO_LONG: {
    category: 'BAD_USER_INPUT',
    zh: '实时统计（fresh）的区间不超过 {maxDays} 天',
    en: 'A fresh (uncached) statistics period may span at most {maxDays} days',
  },
  TOO_MANY_GROUPS: { category: 'BAD_USER_INPUT', zh: '分组维度最多 {max} 个', en: 'At most {max} grouping dimensions' },
  NO_POLICY: { category: 'CONFLICT', zh: '尚未发布投诉处理策略', en: 'No policy has been published yet' },
  EXPORT_NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到该导出任务', en: 'Export not found' },
  EXPORT_NOT_READY: { category: 'CONFLICT', zh: '导出文件尚未生成（{status}）', en: 'The export is not ready yet ({status})' },
  EXPORT_EXPIRED: { category: 'NOT_FOUND', zh: '导出文件已过期（保留 24 小时）', en: 'The export file has expired (kept 24 hours)' },
  ALERT_NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到该预警', en: 'Alert not found' },
  REPORT_NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到 {week} 当周的统计表', en: 'No weekly report for the week of {week}' },
  INVALID_WEEK: {
    category: 'BAD_USER_INPUT',
    zh: '周起始日必须是星期一（YYYY-MM-DD）',
    en: 'The week start must be a Monday (YYYY-MM-DD)',
  },
});
