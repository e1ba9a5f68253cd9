import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth, Public, Roles } from '../../common/auth/decorators';
import type { AuthContext } from '../../common/auth/auth-context';
import { HttpAppErrorFilter } from '../../common/errors/http-error.filter';
import { Role } from '../../common/auth/roles';
import { AttachmentService } from './attachment.service';
import { AttachmentErrors } from './attachment.exception';

export const UPLOAD_ROLES = [Role.admin, Role.manager, Role.handler, Role.agent, Role.api_client];

/** The raw body of an `application/octet-stream` upload (the content-type parser the attachment module adds). */
export function uploadedBytes(request: FastifyRequest): Buffer {
  const body = request.body;
  if (!Buffer.isBuffer(body) || !body.length) throw AttachmentErrors.create('EMPTY', { field: 'file' });
  return body;
}

/**
 * `POST /attachments?name=<file name>` with the file as an `application/octet-stream` body (staff and API clients):
 * returns the upload's id for `submitComplaint(input.attachments)`. `GET /files?t=<signed token>`: the file behind a
 * signed link (no credential: the link is the grant, short-lived and bound to tenant and role).
 */
@Controller()
@UseFilters(HttpAppErrorFilter)
export class AttachmentController {
  constructor(private readonly attachments: AttachmentService) {}

  @Roles(...UPLOAD_ROLES)
  @Post('attachments')
  async upload(@Auth() auth: AuthContext, @Req() request: FastifyRequest, @Query('name') name?: string) {
    const row = await this.attachments.upload(auth.tenantId, {
      filename: name,
      data: uploadedBytes(request),
      source: 'staff',
      uploadedBy: auth.userId ?? auth.tokenId ?? null,
    });
    return { id: row.id, filename: row.filename, mimeType: row.mimeType, size: row.size, hasThumbnail: Boolean(row.thumbnailKey) };
  }

  @Public()
  @Get('files')
  async download(@Query('t') token: string | undefined, @Res() reply: FastifyReply) {
    const file = await this.attachments.open(String(token ?? ''));
    const name = file.attachment.filename;
    // Only images and PDFs open in the browser; everything else downloads, and nothing is sniffed into HTML.
    const inline = file.variant === 'thumbnail' || /^image\/(jpeg|png|gif|webp)$|^application\/pdf$/.test(file.contentType);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=300')
      .send(file.data);
  }
}
