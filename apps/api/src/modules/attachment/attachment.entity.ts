import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, TenantColumn } from '../../common/db/columns';

/**
 * A stored file. Uploaded first (no complaint yet), then claimed by the complaint or customer action that names its
 * id, in that change's transaction. The bytes live in the attachment storage (local disk or S3) under `storageKey`;
 * a thumbnail (images) under `thumbnailKey`.
 */
@Entity('attachment')
@Index('ix_attachment_complaint', ['tenantId', 'complaintId'])
@Index('ix_attachment_pending', ['tenantId', 'createdAt'])
export class Attachment {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'complaint_id', type: 'varchar', length: 36, nullable: true }) complaintId?: string | null;
  @Column({ type: 'varchar', length: 200 }) filename!: string;
  /** Detected from the content (never from the name or the client's content type). */
  @Column({ name: 'mime_type', type: 'varchar', length: 128 }) mimeType!: string;
  @Column({ type: 'integer' }) size!: number;
  @Column({ type: 'varchar', length: 64 }) sha256!: string;
  @Column({ name: 'storage_key', type: 'varchar', length: 300 }) storageKey!: string;
  @Column({ name: 'thumbnail_key', type: 'varchar', length: 300, nullable: true }) thumbnailKey?: string | null;
  /** staff | portal | email */
  @Column({ type: 'varchar', length: 16 }) source!: string;
  @Column({ name: 'uploaded_by', type: 'varchar', length: 36, nullable: true }) uploadedBy?: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @DateTimeColumn({ name: 'claimed_at', nullable: true }) claimedAt?: Date | null;
}
