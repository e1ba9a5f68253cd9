import S3rver from 's3rver';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskStorage, S3Storage } from './attachment-storage';

/** Both storages against real back ends: the data folder, and an S3-compatible server (s3rver) on loopback. */
describe('attachment storage', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'redress-att-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('local disk: put, get, delete; a key outside the root is refused', async () => {
    const storage = new LocalDiskStorage(dir());
    await storage.put('t1/a', Buffer.from('hello'), 'text/plain');
    expect((await storage.get('t1/a')).toString()).toBe('hello');
    await storage.delete('t1/a');
    await expect(storage.get('t1/a')).rejects.toThrow();
    await expect(storage.put('../escape', Buffer.from('x'), 'text/plain')).rejects.toThrow(/outside the storage root/);
  });

  it('S3-compatible: put, get (bytes intact), delete', async () => {
    const server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: dir(),
      configureBuckets: [{ name: 'redress-files', configs: [] }],
    });
    const { port } = await server.run();
    const storage = new S3Storage({
      bucket: 'redress-files',
      endpoint: `http://127.0.0.1:${port}`,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      prefix: 'att/',
    });
    try {
      const data = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
      await storage.put('tenant/file-1', data, 'application/octet-stream');
      expect((await storage.get('tenant/file-1')).equals(data)).toBe(true);
      await storage.delete('tenant/file-1');
      await expect(storage.get('tenant/file-1')).rejects.toThrow();
    } finally {
      storage.destroy();
      await server.close();
    }
  });
});
