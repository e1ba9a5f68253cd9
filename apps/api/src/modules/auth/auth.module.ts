import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from './user.entity';
import { ApiToken } from './api-token.entity';
import { AuthService } from './auth.service';
import { AuthResolver } from './auth.resolver';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([User, ApiToken])],
  providers: [AuthService, AuthResolver],
  exports: [AuthService],
})
export class AuthModule {}
