import { Tenant } from '../modules/tenant/tenant.entity';
import { User } from '../modules/auth/user.entity';
import { ApiToken } from '../modules/auth/api-token.entity';

/** Every TypeORM entity of the API. A new module adds its entities here. */
export const ENTITIES: Function[] = [Tenant, User, ApiToken];
