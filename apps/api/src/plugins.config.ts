import type { RedressPlugin } from '@redress/sdk';
import { bankPlugin } from '@redress/plugin-bank';
import { jewelryPlugin } from '@redress/plugin-jewelry';
import { telecomPlugin } from '@redress/plugin-telecom';
import { propertyPlugin } from '@redress/plugin-property';

/**
 * The plugins installed in this deployment (docs/plugins.md §6). Installing is one line here; each tenant then
 * enables the ones it wants. `REDRESS_PLUGINS=bank,telecom` narrows the list by id without a rebuild.
 */
export const INSTALLED_PLUGINS: RedressPlugin[] = [bankPlugin, jewelryPlugin, telecomPlugin, propertyPlugin];
