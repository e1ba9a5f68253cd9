import { ArgumentsHost, Catch, Controller, ExceptionFilter, Get, HttpException, Param, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { createReadStream } from 'node:fs';
import { GraphQLError } from 'graphql';
import { Auth, Roles } from '../../common/auth/decorators';
import type { AuthContext } from '../../common/auth/auth-context';
import { ExportService } from './export.service';
import { EXPORT_ROLES } from './analytics.resolver';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, BAD_USER_INPUT: 400 };
const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/** Our coded errors as JSON with the matching HTTP status (the global filter only speaks GraphQL). */
@Catch()
class HttpAppErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof GraphQLError) {
      const code = String(exception.extensions?.code ?? 'INTERNAL');
      return reply.status(STATUS[code] ?? 500).send({ code, reason: exception.extensions?.reason, message: exception.message, messages: exception.extensions?.messages });
    }
    if (exception instanceof HttpException) return reply.status(exception.getStatus()).send({ message: exception.message });
    return reply.status(500).send({ code: 'INTERNAL', message: 'Internal error' });
  }
}

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
