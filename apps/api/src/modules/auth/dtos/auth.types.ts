import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../../common/auth/roles';
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

@ObjectType('AssignableUser', { description: 'A user complaints can be assigned to: who they are, nothing of their account.' })
export class AssignableUser {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => Role) role!: Role;
  @Field(() => String, { nullable: true }) departmentId!: string | null;
}
