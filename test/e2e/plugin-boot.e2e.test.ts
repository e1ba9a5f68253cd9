import { bankPlugin } from '@redress/plugin-bank';
import { definePlugin, type PluginInput } from '@redress/sdk';
import { createTestApp } from '../support/test-app';

// Plugins are checked before the database is touched, so one database is enough.
describe('plugin checks at boot', () => {
  it('refuses an invalid plugin and names it with every problem', async () => {
    const bad = {
      ...bankPlugin,
      id: 'broken',
      version: 'one',
      rulePresets: [],
      templates: [{ key: 'broken_letter', name: { zh: '信' }, kind: 'letter', body: '您好{{customer.nick}}' }],
    } as unknown as PluginInput;
    await expect(createTestApp({ db: 'sqlite', plugins: [bad] })).rejects.toThrow(
      /plugin broken is invalid \(\d+ problems?\):.*customer\.nick/s,
    );
  });

  it('refuses a plugin written for another Redress version', async () => {
    const future = definePlugin({
      id: 'future',
      version: '3.0.0',
      compatibility: '^2.0.0',
      name: { zh: '未来', en: 'Future' },
      description: { zh: '新版插件', en: 'For a later Redress' },
    });
    await expect(createTestApp({ db: 'sqlite', plugins: [future] })).rejects.toThrow(
      'plugin future 3.0.0 requires Redress ^2.0.0, this is 0.1.0',
    );
  });

  it('narrows the installed plugins with REDRESS_PLUGINS and refuses an unknown id', async () => {
    process.env.REDRESS_PLUGINS = 'bank,nonexistent';
    try {
      await expect(createTestApp({ db: 'sqlite' })).rejects.toThrow(/REDRESS_PLUGINS names "nonexistent"/);
      process.env.REDRESS_PLUGINS = 'telecom';
      const t = await createTestApp({ db: 'sqlite' });
      try {
        await t.seedDemo();
        const admin = await t.login('admin@demo.local');
        const data = await t.gqlOk('{ plugins { id } }', {}, admin);
        expect(data.plugins).toEqual([{ id: 'telecom' }]);
      } finally {
        await t.close();
      }
    } finally {
      delete process.env.REDRESS_PLUGINS;
    }
  });
});
