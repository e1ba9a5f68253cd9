import type { DynamicModule, Type } from '@nestjs/common';

/** Domain modules (policy, complaint, sla, …). Each module adds itself here. */
export const FEATURE_MODULES: Array<Type<unknown> | DynamicModule> = [];
