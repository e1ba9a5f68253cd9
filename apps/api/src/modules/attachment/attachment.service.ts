import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { READ_ROLES } from '../../common/auth/roles';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { PolicyService } from '../policy/policy.service';
import { Attachment } from './attachment.entity';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment-storage';
import { attachmentLimits, cleanFilename, detectContentType, type AttachmentLimits } from './attachment-content';
import { AttachmentErrors } from './attachment.exception';
import { LINK_TTL_MS, linkKey, signLink, verifyLink, type LinkGrant } from './attachment-links';

const THUMBNAIL_WIDTH = 320;
/** Image types sharp turns into thumbnails (HEIC needs a codec the prebuilt sharp does not carry). */
const THUMBNAIL_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/tiff']);

export interface UploadInput {
  filename: string | null | undefined;
  data: Buffer;
  source: 'staff' | 'portal' | 'email';
  uploadedBy?: string | null;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Attachments for every way in (staff intake, the portal, e-mail): the type is checked by content against the
 * policy's allowed types, size and count against its limits; images get a thumbnail; files are read only through
 * short-lived signed links bound to the viewer's tenant and role.
 */
@Injectable()
export class AttachmentService {
  private readonly logger = new Logger('Attachments');
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly policies: PolicyService,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = linkKey(config.jwtSecret);
  }

  /** The tenant's limits from its current policy (defaults where it says nothing). */
  async limits(tenantId: string): Promise<AttachmentLimits> {
    const policy = await this.policies.getCurrent(tenantId);
    if (!policy) throw AttachmentErrors.create('NO_POLICY');
    return attachmentLimits(policy.document.settings as never);
  }

  /** Checks and stores one file, not yet part of a complaint. */
  async upload(tenantId: string, input: UploadInput, limits?: AttachmentLimits): Promise<Attachment> {
    const rules = limits ?? (await this.limits(tenantId));
    const filename = cleanFilename(input.filename);
    if (!input.data.length) throw AttachmentErrors.create('EMPTY', { field: 'file' });
    if (input.data.length > rules.maxFileBytes) {
      throw AttachmentErrors.create('TOO_LARGE', {
        field: 'file',
        params: { name: filename, max: megabytes(rules.maxFileBytes) },
        details: { maxFileBytes: rules.maxFileBytes },
      });
    }
    const mimeType = await detectContentType(input.data);
    if (!mimeType || !rules.allowedTypes.includes(mimeType)) {
      throw AttachmentErrors.create('TYPE_NOT_ALLOWED', {
        field: 'file',
        params: { name: filename, type: mimeType ?? 'unknown' },
        details: { detected: mimeType, allowed: rules.allowedTypes },
      });
    }
    const id = newId();
    const storageKey = `${tenantId}/${id}`;
    await this.storage.put(storageKey, input.data, mimeType);
    const thumbnailKey = THUMBNAIL_TYPES.has(mimeType) ? await this.thumbnail(storageKey, input.data) : null;
    const row = this.dataSource.getRepository(Attachment).create({
      id,
      tenantId,
      complaintId: null,
      filename,
      mimeType,
      size: input.data.length,
      sha256: createHash('sha256').update(input.data).digest('hex'),
      storageKey,
      thumbnailKey,
      source: input.source,
      uploadedBy: input.uploadedBy ?? null,
      claimedAt: null,
    });
    await this.dataSource.getRepository(Attachment).insert(row);
    return row;
  }

  /** A small WebP of an image; a picture sharp cannot read simply has none (the file itself is kept). */
  private async thumbnail(storageKey: string, data: Buffer): Promise<string | null> {
    try {
      const thumb = await sharp(data, { failOn: 'error' })
        .rotate()
        .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
        .webp({ quality: 70 })
        .toBuffer();
      const key = `${storageKey}.thumb.webp`;
      await this.storage.put(key, thumb, 'image/webp');
      return key;
    } catch (error) {
      this.logger.warn(`No thumbnail for ${storageKey}: ${(error as Error).message}`);
      return null;
    }
  }

  /**
   * Makes unclaimed uploads of the tenant part of a complaint, in the caller's transaction (a failed change leaves
   * them unclaimed). Unknown, foreign or already used ids, and more files than the policy allows, are refused.
   */
  async claim(
    manager: EntityManager,
    tenantId: string,
    complaintId: string,
    ids: readonly string[],
    limits: AttachmentLimits,
    field = 'input.attachments',
  ): Promise<Attachment[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const already = await manager.count(Attachment, { where: { tenantId, complaintId } });
    if (already + unique.length > limits.maxFiles) {
      throw AttachmentErrors.create('TOO_MANY', { field, params: { count: already + unique.length, max: limits.maxFiles } });
    }
    const rows = await manager.find(Attachment, { where: { tenantId, id: In(unique), complaintId: IsNull() } });
    const missing = unique.find((id) => !rows.some((row) => row.id === id));
    if (missing) throw AttachmentErrors.create('UNKNOWN', { field, params: { id: missing } });
    const now = this.clock.now();
    for (const row of rows) {
      // The condition repeats the check: a concurrent claim of the same upload changes no row here and is refused.
      const result = await manager.update(Attachment, { id: row.id, tenantId, complaintId: IsNull() }, { complaintId, claimedAt: now });
      if (result.affected === 0) throw AttachmentErrors.create('UNKNOWN', { field, params: { id: row.id } });
      row.complaintId = complaintId;
      row.claimedAt = now;
    }
    return rows;
  }

  ofComplaint(tenantId: string, complaintId: string): Promise<Attachment[]> {
    return this.dataSource.getRepository(Attachment).find({ where: { tenantId, complaintId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** A signed link to the file or its thumbnail for this viewer. */
  link(attachment: Attachment, viewer: { role: string; complaintId?: string }, variant: 'file' | 'thumbnail' = 'file'): string {
    return `/files?t=${signLink(this.key, {
      attachmentId: attachment.id,
      tenantId: attachment.tenantId,
      role: viewer.role,
      variant,
      complaintId: viewer.complaintId,
      expiresAt: this.clock.now().getTime() + LINK_TTL_MS,
    })}`;
  }

  /** The bytes a link grants, after checking its signature, its expiry, the tenant and the viewer's role. */
  async open(token: string): Promise<{ attachment: Attachment; data: Buffer; contentType: string; variant: LinkGrant['variant'] }> {
    const verdict = verifyLink(this.key, token, this.clock.now().getTime());
    if ('refused' in verdict)
      throw verdict.refused === 'expired'
        ? AttachmentErrors.create('LINK_EXPIRED', { httpStatus: 410 })
        : AttachmentErrors.create('LINK_INVALID');
    const { grant } = verdict;
    const attachment = await this.dataSource
      .getRepository(Attachment)
      .findOne({ where: { id: grant.attachmentId, tenantId: grant.tenantId } });
    const staff = (READ_ROLES as string[]).includes(grant.role);
    const customer = grant.role === 'customer' && Boolean(grant.complaintId) && attachment?.complaintId === grant.complaintId;
    if (!attachment || !(staff || customer)) throw AttachmentErrors.create('LINK_INVALID');
    const key = grant.variant === 'thumbnail' ? attachment.thumbnailKey : attachment.storageKey;
    if (!key) throw AttachmentErrors.create('LINK_INVALID');
    return {
      attachment,
      data: await this.storage.get(key),
      contentType: grant.variant === 'thumbnail' ? 'image/webp' : attachment.mimeType,
      variant: grant.variant,
    };
  }
}
