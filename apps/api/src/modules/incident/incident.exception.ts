import { defineErrors } from '../../common/errors/app-error';

export const IncidentErrors = defineErrors({
  NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到该批量事件', en: 'Incident not found' },
  COMPLAINT_NOT_FOUND: { category: 'BAD_USER_INPUT', zh: '投诉 {id} 不存在', en: 'Complaint {id} does not exist' },
  NO_COMPLAINTS: { category: 'BAD_USER_INPUT', zh: '请至少选择一条投诉', en: 'Choose at least one complaint' },
  TOO_MANY_COMPLAINTS: { category: 'BAD_USER_INPUT', zh: '一次最多处理 {max} 条投诉', en: 'At most {max} complaints at once' },
  ALREADY_IN_INCIDENT: {
    category: 'CONFLICT',
    zh: '投诉 {number} 已属于另一个批量事件',
    en: 'Complaint {number} already belongs to another incident',
  },
  NOT_A_MEMBER: { category: 'BAD_USER_INPUT', zh: '投诉 {id} 不属于该批量事件', en: 'Complaint {id} is not a member of this incident' },
  CLOSED: { category: 'CONFLICT', zh: '该批量事件已关闭（{state}）', en: 'The incident is closed ({state})' },
  SAME_INCIDENT: { category: 'BAD_USER_INPUT', zh: '不能把批量事件合并到它自身', en: 'An incident cannot be merged into itself' },
  SPLIT_ALL: {
    category: 'BAD_USER_INPUT',
    zh: '拆分时至少保留一条投诉在原事件中',
    en: 'A split must leave at least one complaint in the incident',
  },
  UNKNOWN_USER: { category: 'BAD_USER_INPUT', zh: '负责人不存在或已停用', en: 'The owner does not exist or is inactive' },
  REPLY_EMPTY: { category: 'BAD_USER_INPUT', zh: '请填写答复内容或选择模板', en: 'Write the reply or choose a template' },
  TITLE_REQUIRED: { category: 'BAD_USER_INPUT', zh: '请填写事件名称', en: 'Give the incident a title' },
});
