import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from './user.entity';
import { ApiToken } from './api-token.entity';
import { AccessLink } from './access-link.entity';
import { AuthService } from './auth.service';
import { CredentialCache } from './credential-cache';
import { AuthResolver } from './auth.resolver';
import { UserAdminService } from './user-admin.service';
import { SignInThrottleService } from './sign-in-throttle.service';
import { AccessLinkDelivery } from './access-link';
import { SecondFactorService } from './second-factor.service';
import { OidcLogin } from './oidc-login.entity';
import { SsoService } from './sso.service';
import { SsoResolver } from './sso.resolver';
import { PlatformAuditLog } from './platform-audit-log.entity';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([User, ApiToken, AccessLink, OidcLogin, PlatformAuditLog])],
  providers: [
    CredentialCache,
    AuthService,
    AuthResolver,
    UserAdminService,
    SignInThrottleService,
    AccessLinkDelivery,
    SecondFactorService,
    SsoService,
    SsoResolver,
  ],
  exports: [AuthService, UserAdminService, AccessLinkDelivery],
})
export class AuthModule {}
