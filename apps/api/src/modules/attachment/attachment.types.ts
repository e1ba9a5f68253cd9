import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AttachmentFile', { description: 'A file of a complaint, with short-lived signed links (about 5 minutes) for the viewer.' })
export class AttachmentFile {
  @Field(() => ID) id!: string;
  @Field() filename!: string;
  @Field({ description: 'Detected from the content, not from the name.' }) mimeType!: string;
  @Field(() => Int) size!: number;
  @Field({ description: 'staff, portal or email' }) source!: string;
  @Field() createdAt!: Date;
  @Field({ description: 'Signed download link (relative to the API).' }) url!: string;
  @Field(() => String, { nullable: true, description: 'Signed link to a small WebP thumbnail (images only).' }) thumbnailUrl!:
    string | null;
}
