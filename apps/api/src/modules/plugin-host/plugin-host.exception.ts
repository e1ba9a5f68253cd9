import { defineErrors } from '../../common/errors/app-error';

export const PluginHostErrors = defineErrors({
  UNKNOWN_PLUGIN: { category: 'NOT_FOUND', zh: '未安装插件：{id}', en: 'No plugin "{id}" is installed' },
  PRESET_ARGS_INVALID: { category: 'BAD_USER_INPUT', zh: '规则预设参数有误：{detail}', en: 'Invalid preset arguments: {detail}' },
  NOT_ENABLED: { category: 'CONFLICT', zh: '插件“{id}”未启用', en: 'Plugin "{id}" is not enabled' },
});
