import { defineErrors } from '../../common/errors/app-error';

export const PluginHostErrors = defineErrors({
  UNKNOWN_PLUGIN: { category: 'NOT_FOUND', zh: '未安装插件：{id}', en: 'No plugin "{id}" is installed' },
  PRESET_ARGS_INVALID: { category: 'BAD_USER_INPUT', zh: '规则预设参数有误：{detail}', en: 'Invalid preset arguments: {detail}' },
  FIELD_KEY_CONFLICT: {
    category: 'CONFLICT',
    zh: '插件“{id}”的字段与策略中已有字段同名但含义不同，未启用（未做任何修改）：{detail}',
    en: 'Plugin "{id}" was not enabled (nothing was changed): its fields clash with fields of the same key and another meaning: {detail}',
  },
  UNKNOWN_PLUGIN_ENTITY: { category: 'INTERNAL', zh: '插件“{id}”未声明实体“{entity}”', en: 'Plugin "{id}" declares no entity "{entity}"' },
  NOT_ENABLED_FOR_TENANT: { category: 'FORBIDDEN', zh: '本租户未启用插件“{id}”', en: 'Plugin "{id}" is not enabled for this tenant' },
  NOT_ENABLED: { category: 'CONFLICT', zh: '插件“{id}”未启用', en: 'Plugin "{id}" is not enabled' },
});
