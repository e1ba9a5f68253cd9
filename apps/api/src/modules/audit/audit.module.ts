import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLog } from './audit-log.entity';
import { AuditService } from './audit.service';
import { AuditResolver } from './audit.resolver';

/** The configuration audit log. Global: every module that changes configuration records through AuditService. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditLog])],
  providers: [AuditService, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
