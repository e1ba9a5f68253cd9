import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { Attachment } from './attachment.entity';
import { ATTACHMENT_STORAGE, storageFromEnvironment } from './attachment-storage';
import { AttachmentService } from './attachment.service';
import { AttachmentController } from './attachment.controller';
import { AttachmentResolver } from './attachment.resolver';
import { UPLOAD_CEILING_BYTES } from './attachment-content';

/** Global: complaint intake, e-mail intake and the portal claim uploads through AttachmentService. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Attachment])],
  controllers: [AttachmentController],
  providers: [
    AttachmentService,
    AttachmentResolver,
    {
      provide: ATTACHMENT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => storageFromEnvironment(process.env, config.dataDir),
    },
  ],
  exports: [AttachmentService, ATTACHMENT_STORAGE],
})
export class AttachmentModule implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    // Uploads are raw bytes (no multipart parsing, no base64 inflation); Fastify knows only JSON and text by itself.
    const fastify = this.host.httpAdapter?.getInstance?.();
    if (fastify && !fastify.hasContentTypeParser('application/octet-stream')) {
      fastify.addContentTypeParser(
        'application/octet-stream',
        { parseAs: 'buffer', bodyLimit: UPLOAD_CEILING_BYTES },
        (_request: unknown, body: Buffer, done: (error: Error | null, value?: Buffer) => void) => done(null, body),
      );
    }
  }
}
