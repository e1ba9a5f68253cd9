import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Auth } from '../../common/auth/decorators';
import type { AuthContext } from '../../common/auth/auth-context';
import { ComplaintView } from '../complaint/dtos/complaint.types';
import { AttachmentService } from './attachment.service';
import { AttachmentFile } from './attachment.types';
import type { Attachment } from './attachment.entity';

/** Files to view on a complaint: signed for the caller (the complaint query already checked tenant and role). */
export function fileViews(
  service: AttachmentService,
  rows: Attachment[],
  viewer: { role: string; complaintId?: string },
): AttachmentFile[] {
  return rows.map((row) => ({
    id: row.id,
    filename: row.filename,
    mimeType: row.mimeType,
    size: row.size,
    source: row.source,
    createdAt: row.createdAt,
    url: service.link(row, viewer),
    thumbnailUrl: row.thumbnailKey ? service.link(row, viewer, 'thumbnail') : null,
  }));
}

@Resolver(() => ComplaintView)
export class AttachmentResolver {
  constructor(private readonly attachments: AttachmentService) {}

  @ResolveField(() => [AttachmentFile], { description: 'The complaint’s files (staff intake, portal, e-mail) with signed links.' })
  async files(@Auth() auth: AuthContext, @Parent() complaint: ComplaintView): Promise<AttachmentFile[]> {
    return fileViews(this.attachments, await this.attachments.ofComplaint(auth.tenantId, complaint.id), { role: auth.role });
  }
}
