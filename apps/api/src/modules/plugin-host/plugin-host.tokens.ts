/** The validated plugins this API instance runs with (createApp's `plugins`, narrowed by REDRESS_PLUGINS). */
export const HOST_PLUGINS = Symbol('HOST_PLUGINS');
