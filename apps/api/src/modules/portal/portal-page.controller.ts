import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Public } from '../../common/auth/decorators';
import { PortalService } from './portal.service';

/** The built portal (apps/portal/dist): REDRESS_PORTAL_DIR, else next to the API as in the repository. */
export function portalDirectory(): string | undefined {
  const candidates = [process.env.REDRESS_PORTAL_DIR, resolve(__dirname, '../../../../portal/dist')].filter(Boolean) as string[];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page of its own for an unknown portal address: a person reads it, not a stack trace or JSON. */
function notFoundPage(slug: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>页面不存在 · Not found</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2937;line-height:1.6}h1{font-size:1.4rem}</style></head>
<body><main><h1>没有找到这个投诉入口</h1><p>地址 <code>/c/${escapeHtml(slug)}</code> 不对应任何机构。请检查链接，或联系您要投诉的机构获取正确的地址。</p>
<h1 lang="en">There is no complaint portal here</h1><p lang="en">The address <code>/c/${escapeHtml(slug)}</code> belongs to no organisation. Check the link or ask the organisation for its portal address.</p></main></body></html>`;
}

/** `/c/<tenant slug>`: the portal page (a small single-page app of its own, not the console's bundle). */
@Controller('c')
@Public()
export class PortalPageController {
  private index?: string;

  constructor(private readonly portal: PortalService) {}

  @Get(':slug')
  page(@Param('slug') slug: string, @Res() reply: FastifyReply) {
    return this.serve(slug, reply);
  }

  private async serve(slug: string, reply: FastifyReply) {
    const html = (type: string) => reply.header('content-type', type).header('cache-control', 'no-cache');
    try {
      await this.portal.tenant(slug);
    } catch {
      return html('text/html; charset=utf-8').status(404).send(notFoundPage(slug));
    }
    const dir = portalDirectory();
    if (!dir) return html('text/plain; charset=utf-8').status(503).send('The portal is not built: npm run build -w @redress/portal');
    this.index ??= readFileSync(join(dir, 'index.html'), 'utf8');
    // The form is fetched while the script loads, not after it (the first render waits for both).
    const preload = `<link rel="preload" as="fetch" crossorigin href="/api/portal/${encodeURIComponent(slug)}/form">`;
    return html('text/html; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .send(this.index.replace('</head>', `${preload}</head>`));
  }
}
