import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CreatedAtColumn, IdColumn, JsonColumn } from '../../common/db/columns';

export interface TenantSettings {
  /** Policy publishing needs a second person's approval (maker-checker). */
  requirePublishApproval?: boolean;
  /** Complaint number pattern; tokens {YY} {MM} {YYYY} {SEQ:n}. Default `{YY}{MM}-{SEQ:4}`. */
  numberPattern?: string;
  [key: string]: unknown;
}

@ObjectType({ description: 'An organisation using Redress. Every business row belongs to exactly one tenant.' })
@Entity('tenant')
export class Tenant {
  @Field(() => ID) @IdColumn() id!: string;
  @Field() @Column({ type: 'varchar', length: 64, unique: true }) slug!: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name!: string;
  @Field() @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'Asia/Shanghai' }) timeZone!: string;
  @Field() @Column({ type: 'varchar', length: 16, default: 'zh-CN' }) locale!: string;
  @JsonColumn() settings!: TenantSettings;
  @Field() @CreatedAtColumn() createdAt!: Date;
}
