import { linkKey, signLink, verifyLink } from './attachment-links';
import { cleanFilename, detectContentType } from './attachment-content';

describe('signed attachment links', () => {
  const key = linkKey('secret');
  const grant = { attachmentId: 'a1', tenantId: 't1', role: 'handler', variant: 'file' as const, expiresAt: 1_000 };

  it('verifies its own links until they expire; altered or foreign links are invalid', () => {
    const token = signLink(key, grant);
    expect(verifyLink(key, token, 999)).toEqual({ grant: { ...grant, complaintId: undefined } });
    expect(verifyLink(key, token, 1_000)).toEqual({ refused: 'expired' });
    const [payload, signature] = token.split('.');
    const altered = Buffer.from(JSON.stringify(['a1', 't2', 'handler', 'f', '', 1_000])).toString('base64url');
    expect(verifyLink(key, `${altered}.${signature}`, 0)).toEqual({ refused: 'invalid' });
    expect(verifyLink(linkKey('other'), token, 0)).toEqual({ refused: 'invalid' });
    expect(verifyLink(key, `${payload}`, 0)).toEqual({ refused: 'invalid' });
  });
});

describe('attachment content', () => {
  it('detects by content, not name: an executable is not an image; UTF-8 text is text', async () => {
    expect(await detectContentType(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]))).toBe('application/x-msdownload');
    expect(await detectContentType(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toBe('application/pdf');
    expect(await detectContentType(Buffer.from('订单号 SO-1\n金额 388.5\n'))).toBe('text/plain');
    expect(await detectContentType(Buffer.from([0, 1, 2, 3, 250, 251]))).toBeNull();
  });

  it('keeps only the base name of a file, without control characters', () => {
    expect(cleanFilename('C:\\Users\\x\\照片.jpg')).toBe('照片.jpg');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('a"\u0000b.txt')).toBe('ab.txt');
    expect(cleanFilename('')).toBe('attachment');
  });
});
