import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PortalAccess, PortalRate } from './portal.entity';
import { PortalService } from './portal.service';
import { PortalRateService } from './portal-rate.service';
import { PortalController } from './portal.controller';
import { PortalPageController } from './portal-page.controller';

/** The complainant's portal (docs/portal.md): its page at /c/<slug>, its API at /api/portal/<slug>. */
@Module({
  imports: [TypeOrmModule.forFeature([PortalAccess, PortalRate])],
  controllers: [PortalController, PortalPageController],
  providers: [PortalService, PortalRateService],
})
export class PortalModule {}
