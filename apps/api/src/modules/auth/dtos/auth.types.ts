import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../user.entity';
import { ApiToken } from '../api-token.entity';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Bearer token for the Authorization header.' }) token!: string;
  @Field() expiresAt!: Date;
  @Field(() => User) user!: User;
}

@ObjectType()
export class ApiTokenPayload {
  @Field({ description: 'The full secret. Shown once; store it now.' }) secret!: string;
  @Field(() => ApiToken) token!: ApiToken;
}
