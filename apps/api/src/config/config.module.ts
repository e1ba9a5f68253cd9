import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from './config';
import { Clock } from '../common/clock';
import { PersonalDataCipher } from '../common/crypto/personal-data';
import { DomainEventBus } from '../common/events/domain-event-bus';

export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
        // One cipher for personal data, keyed from the configuration.
        { provide: PersonalDataCipher, useValue: new PersonalDataCipher(config.encryptionKey) },
        // Modules react to each other's typed events (complaint → SLA) instead of calling each other.
        DomainEventBus,
      ],
      exports: [APP_CONFIG, Clock, PersonalDataCipher, DomainEventBus],
    };
  }
}
