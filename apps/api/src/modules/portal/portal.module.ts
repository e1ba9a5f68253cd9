import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PortalAccess, PortalCode, PortalRate } from './portal.entity';
import { NotificationModule } from '../notification/notification.module';
import { CustomerModule } from '../customer/customer.module';
import { PortalService } from './portal.service';
import { PortalRateService } from './portal-rate.service';
import { PortalController } from './portal.controller';
import { PortalPageController } from './portal-page.controller';

/** The complainant's portal (docs/portal.md): its page at /c/<slug>, its API at /api/portal/<slug>. */
@Module({
  imports: [TypeOrmModule.forFeature([PortalAccess, PortalCode, PortalRate]), NotificationModule, CustomerModule],
  controllers: [PortalController, PortalPageController],
  providers: [PortalService, PortalRateService],
})
export class PortalModule {}
