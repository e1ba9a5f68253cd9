import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import { HttpAppErrorFilter } from '../../common/errors/http-error.filter';
import type { FastifyReply } from 'fastify';
import { createReadStream } from 'node:fs';
import { Auth, Roles } from '../../common/auth/decorators';
import type { AuthContext } from '../../common/auth/auth-context';
import { ExportService } from './export.service';
import { EXPORT_ROLES } from './analytics.resolver';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/** `GET /exports/<id>`: the export file, with the same bearer credential and roles as the GraphQL API. */
@Controller('exports')
@UseFilters(HttpAppErrorFilter)
export class ExportController {
  constructor(private readonly exportJobs: ExportService) {}

  @Roles(...EXPORT_ROLES)
  @Get(':id')
  async download(@Auth() auth: AuthContext, @Param('id') id: string, @Res() reply: FastifyReply) {
    const { job, path } = await this.exportJobs.openDownload(auth, id);
    const name = job.fileName ?? `${job.id}.${job.format}`;
    return reply
      .header('content-type', CONTENT_TYPES[job.format])
      .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'no-store')
      .send(createReadStream(path));
  }
}
