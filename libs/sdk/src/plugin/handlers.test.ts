import { complaintSnapshot, createHandlerContext, makeEvent } from '../testing';
import { definePlugin, runAfterHandler, runBlockingHook, type PluginInput } from '../index';

function pluginWith(on: PluginInput['on']) {
  return definePlugin({
    id: 'probe',
    version: '0.1.0',
    compatibility: '^0.1.0',
    name: { zh: '探针', en: 'Probe' },
    description: { zh: '测试钩子', en: 'Hook tests' },
    facts: { 'probe.score': { type: 'number', label: { zh: '分数', en: 'Score' } } },
    settings: { webhook: { type: 'string', label: { zh: '回调地址', en: 'Webhook' }, default: 'https://example.test/hook' } },
    on,
  });
}

const submitted = makeEvent('complaint.submitted', { complaint: complaintSnapshot({ text: '投诉内容' }), facts: {} });

describe('runBlockingHook', () => {
  it('returns the facts a hook adds', async () => {
    const plugin = pluginWith({
      'complaint.submitted': { blocking: (_ctx, event) => ({ facts: { 'probe.score': event.complaint.text.length } }) },
    });
    await expect(runBlockingHook(plugin, createHandlerContext({ plugin }), submitted)).resolves.toEqual({
      status: 'ok',
      facts: { 'probe.score': 4 },
    });
  });

  it('passes a coded rejection through', async () => {
    const reject = { code: 'probe_missing', message: { zh: '缺少信息', en: 'Missing' }, field: 'form.x' };
    const plugin = pluginWith({ 'complaint.submitted': { blocking: () => ({ reject }) } });
    await expect(runBlockingHook(plugin, createHandlerContext({ plugin }), submitted)).resolves.toEqual({
      status: 'rejected',
      rejection: reject,
    });
  });

  it('turns a throwing hook into a recorded failure instead of an exception', async () => {
    const plugin = pluginWith({
      'complaint.submitted': {
        blocking: () => {
          throw new Error('boom');
        },
      },
    });
    await expect(runBlockingHook(plugin, createHandlerContext({ plugin }), submitted)).resolves.toEqual({
      status: 'failed',
      error: 'boom',
      timedOut: false,
    });
  });

  it('gives up on a hook that never returns after its time limit', async () => {
    const plugin = pluginWith({ 'complaint.submitted': { blocking: () => new Promise(() => undefined), timeoutMs: { blocking: 30 } } });
    const started = Date.now();
    const outcome = await runBlockingHook(plugin, createHandlerContext({ plugin }), submitted);
    expect(outcome).toMatchObject({ status: 'failed', timedOut: true });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses facts the plugin did not declare (a plugin cannot overwrite system facts)', async () => {
    const plugin = pluginWith({ 'complaint.submitted': { blocking: () => ({ facts: { 'complaint.channel': 'regulator' } }) } });
    await expect(runBlockingHook(plugin, createHandlerContext({ plugin }), submitted)).resolves.toMatchObject({
      status: 'failed',
      error: 'undeclared facts: complaint.channel',
    });
  });
});

describe('runAfterHandler and the handler context', () => {
  it('records what the handler enqueues, with the tenant settings', async () => {
    const plugin = pluginWith({
      'complaint.closed': {
        after: (ctx, event) =>
          ctx.outbox.enqueue('webhook', { url: ctx.settings.webhook, number: event.complaint.number, at: ctx.now().toISOString() }),
      },
    });
    const ctx = createHandlerContext({ plugin, now: '2026-02-01T00:00:00.000Z' });
    const closed = makeEvent('complaint.closed', { complaint: complaintSnapshot({ number: '2602-0007' }), reason: 'resolved' });
    await expect(runAfterHandler(plugin, ctx, closed)).resolves.toEqual({ status: 'ok' });
    expect(ctx.enqueued).toEqual([
      { kind: 'webhook', payload: { url: 'https://example.test/hook', number: '2602-0007', at: '2026-02-01T00:00:00.000Z' } },
    ]);
  });

  it('reports a failing after-handler so the outbox retries it', async () => {
    const plugin = pluginWith({
      'complaint.closed': {
        after: async () => {
          throw new Error('webhook down');
        },
      },
    });
    const closed = makeEvent('complaint.closed', { complaint: complaintSnapshot(), reason: 'resolved' });
    await expect(runAfterHandler(plugin, createHandlerContext({ plugin }), closed)).resolves.toEqual({
      status: 'failed',
      error: 'webhook down',
      timedOut: false,
    });
  });

  it('skips events the plugin does not handle', async () => {
    const plugin = pluginWith({});
    const closed = makeEvent('complaint.closed', { complaint: complaintSnapshot(), reason: 'resolved' });
    await expect(runAfterHandler(plugin, createHandlerContext({ plugin }), closed)).resolves.toEqual({ status: 'skipped' });
  });
});
