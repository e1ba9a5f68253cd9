import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn, TenantColumn } from '../../common/db/columns';

/**
 * One record per complainant. Personal fields are AES-GCM ciphertext; `*_hash` columns are keyed blind
 * indexes so a repeat complainant is found without decrypting.
 */
@Entity('customer')
@Index('ix_customer_phone', ['tenantId', 'phoneHash'])
@Index('ix_customer_idnum', ['tenantId', 'idNumberHash'])
@Index('ix_customer_ref', ['tenantId', 'referenceHash'])
export class Customer {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'name_enc', type: 'text', nullable: true }) nameEnc?: string | null;
  @Column({ name: 'phone_enc', type: 'text', nullable: true }) phoneEnc?: string | null;
  @Column({ name: 'email_enc', type: 'text', nullable: true }) emailEnc?: string | null;
  @Column({ name: 'id_number_enc', type: 'text', nullable: true }) idNumberEnc?: string | null;
  @Column({ name: 'reference_enc', type: 'text', nullable: true }) referenceEnc?: string | null;
  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true }) phoneHash?: string | null;
  @Column({ name: 'email_hash', type: 'varchar', length: 64, nullable: true }) emailHash?: string | null;
  @Column({ name: 'id_number_hash', type: 'varchar', length: 64, nullable: true }) idNumberHash?: string | null;
  @Column({ name: 'reference_hash', type: 'varchar', length: 64, nullable: true }) referenceHash?: string | null;
  @CreatedAtColumn() createdAt!: Date;
}
