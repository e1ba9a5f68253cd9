import { defineErrors } from '../../common/errors/app-error';

export const OpsErrors = defineErrors({
  QUERY_TOO_DEEP: {
    category: 'BAD_USER_INPUT',
    zh: '查询嵌套过深（{found} 层，上限 {max} 层）',
    en: 'The query is nested too deep ({found} levels, at most {max})',
  },
  QUERY_TOO_MANY_ALIASES: {
    category: 'BAD_USER_INPUT',
    zh: '查询别名过多（{found} 个，上限 {max} 个）',
    en: 'The query uses too many aliases ({found}, at most {max})',
  },
  QUERY_TOO_COSTLY: {
    category: 'BAD_USER_INPUT',
    zh: '查询开销过大（估算 {found}，上限 {max}），请减少字段或分页大小',
    en: 'The query is too costly (estimated {found}, at most {max}); select fewer fields or smaller pages',
  },
  PAGE_TOO_LARGE: {
    category: 'BAD_USER_INPUT',
    zh: '分页大小 {found} 超过上限 {max}',
    en: 'Page size {found} is above the maximum of {max}',
  },
  INTROSPECTION_DISABLED: { category: 'FORBIDDEN', zh: '此环境未开放接口结构查询', en: 'Schema introspection is not available here' },
  TIME_BUDGET_EXCEEDED: {
    category: 'TIMEOUT',
    zh: '请求超出时间预算（{max} 毫秒），请缩小查询范围',
    en: 'The request ran past its time budget ({max} ms); ask for less',
  },
});
