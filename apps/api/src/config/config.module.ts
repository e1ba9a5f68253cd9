import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from './config';
import { Clock } from '../common/clock';

export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, { provide: Clock, useValue: clock }],
      exports: [APP_CONFIG, Clock],
    };
  }
}
