import { Body, Controller, Get, Headers, Param, Post, Query, Req, UseFilters } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/decorators';
import { HttpAppErrorFilter } from '../../common/errors/http-error.filter';
import { uploadedBytes } from '../attachment/attachment.controller';
import { PortalService, type Challenge, type PortalSubmitBody } from './portal.service';

const address = (request: FastifyRequest) => request.ip || 'unknown';
/** The proof-of-work solution, when the portal was asked for one: `x-portal-pow: <challenge> <nonce>`. */
const solutionOf = (header: string | undefined): Challenge | undefined => {
  if (!header) return undefined;
  const [challenge, nonce] = header.trim().split(/\s+/);
  return { challenge, nonce };
};

/**
 * The complainant's API (no staff credential; JSON over REST so files go up as plain bytes): `/api/portal/<tenant slug>/…`.
 * After access the page holds a short-lived session (`x-portal-session`) for one complaint.
 */
@Controller('api/portal/:slug')
@UseFilters(HttpAppErrorFilter)
@Public()
export class PortalController {
  constructor(private readonly portal: PortalService) {}

  @Get('form')
  form(@Param('slug') slug: string) {
    return this.portal.form(slug);
  }

  @Get('challenge')
  async challenge(@Param('slug') slug: string) {
    await this.portal.tenant(slug);
    return this.portal.challenge();
  }

  @Post('uploads')
  upload(@Param('slug') slug: string, @Req() request: FastifyRequest, @Query('name') name?: string) {
    return this.portal.upload(slug, address(request), name, uploadedBytes(request));
  }

  @Post('complaints')
  submit(
    @Param('slug') slug: string,
    @Req() request: FastifyRequest,
    @Body() body: PortalSubmitBody,
    @Headers('x-portal-pow') pow?: string,
  ) {
    return this.portal.submit(slug, address(request), body ?? {}, solutionOf(pow));
  }

  @Post('access')
  access(
    @Param('slug') slug: string,
    @Req() request: FastifyRequest,
    @Body() body: { number?: string; code?: string; oneTimeCode?: string },
    @Headers('x-portal-pow') pow?: string,
  ) {
    const oneTimeCode = body?.oneTimeCode ? String(body.oneTimeCode) : undefined;
    return this.portal.access(slug, address(request), String(body?.number ?? ''), String(body?.code ?? ''), solutionOf(pow), oneTimeCode);
  }

  @Post('access/one-time-code')
  requestCode(
    @Param('slug') slug: string,
    @Req() request: FastifyRequest,
    @Body() body: { number?: string; channel?: string },
    @Headers('x-portal-pow') pow?: string,
  ) {
    return this.portal.requestCode(slug, address(request), String(body?.number ?? ''), String(body?.channel ?? ''), solutionOf(pow));
  }

  @Get('complaint')
  async complaint(@Param('slug') slug: string, @Req() request: FastifyRequest, @Headers('x-portal-session') session?: string) {
    const complaint = await this.portal.complaintOf(slug, session);
    await this.portal.readGuard(address(request));
    return this.portal.view(complaint);
  }

  @Post('complaint/information')
  async information(
    @Param('slug') slug: string,
    @Req() request: FastifyRequest,
    @Body() body: { text?: string; attachments?: string[] },
    @Headers('x-portal-session') session?: string,
  ) {
    const complaint = await this.portal.complaintOf(slug, session);
    await this.portal.actionGuard(address(request));
    await this.portal.addInformation(complaint, body?.text, body?.attachments);
    return this.portal.view(await this.portal.complaintOf(slug, session));
  }

  @Post('complaint/follow-up')
  async followUp(
    @Param('slug') slug: string,
    @Req() request: FastifyRequest,
    @Body() body: { satisfied?: boolean; score?: number; comment?: string },
    @Headers('x-portal-session') session?: string,
  ) {
    const complaint = await this.portal.complaintOf(slug, session);
    await this.portal.actionGuard(address(request));
    await this.portal.followUp(complaint, body ?? {});
    return this.portal.view(await this.portal.complaintOf(slug, session));
  }

  @Post('complaint/withdraw')
  async withdraw(
    @Param('slug') slug: string,
    @Req() request: FastifyRequest,
    @Body() body: { reason?: string },
    @Headers('x-portal-session') session?: string,
  ) {
    const complaint = await this.portal.complaintOf(slug, session);
    await this.portal.actionGuard(address(request));
    await this.portal.withdraw(complaint, body?.reason);
    return this.portal.view(await this.portal.complaintOf(slug, session));
  }
}
