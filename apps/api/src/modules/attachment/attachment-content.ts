/** Content types an attachment may have when the policy names none (photos, scans, documents, recordings). */
export const DEFAULT_ALLOWED_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/bmp',
  'image/tiff',
  'application/pdf',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/wav',
  'audio/x-wav',
  'audio/amr',
  'video/mp4',
  'video/quicktime',
];

export interface AttachmentLimits {
  maxFileBytes: number;
  maxFiles: number;
  allowedTypes: string[];
}

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxFiles: 10,
  allowedTypes: DEFAULT_ALLOWED_TYPES,
};

/** Hard ceiling of one upload request, whatever a policy says (the body parser refuses larger bodies). */
export const UPLOAD_CEILING_BYTES = 50 * 1024 * 1024;

/** The policy's limits (settings.attachments) with the defaults for what it leaves out. */
export function attachmentLimits(settings: { attachments?: Partial<AttachmentLimits> } | undefined): AttachmentLimits {
  const configured = settings?.attachments ?? {};
  return {
    maxFileBytes: configured.maxFileBytes ?? DEFAULT_ATTACHMENT_LIMITS.maxFileBytes,
    maxFiles: configured.maxFiles ?? DEFAULT_ATTACHMENT_LIMITS.maxFiles,
    allowedTypes: configured.allowedTypes?.length ? configured.allowedTypes : DEFAULT_ATTACHMENT_LIMITS.allowedTypes,
  };
}

/** Problems of a policy's attachment settings (checked at publish). */
export function attachmentSettingsProblems(value: unknown): { path: string; message: string }[] {
  if (value === undefined || value === null) return [];
  const problems: { path: string; message: string }[] = [];
  if (typeof value !== 'object' || Array.isArray(value)) return [{ path: 'settings.attachments', message: 'must be an object' }];
  const v = value as Record<string, unknown>;
  const whole = (key: string, max: number) => {
    const n = v[key];
    if (n !== undefined && !(Number.isInteger(n) && (n as number) > 0 && (n as number) <= max))
      problems.push({ path: `settings.attachments.${key}`, message: `must be a whole number from 1 to ${max}` });
  };
  whole('maxFileBytes', UPLOAD_CEILING_BYTES);
  whole('maxFiles', 50);
  if (v.allowedTypes !== undefined) {
    if (!Array.isArray(v.allowedTypes) || v.allowedTypes.some((t) => typeof t !== 'string' || !/^[a-z]+\/[a-z0-9.+-]+$/i.test(t))) {
      problems.push({ path: 'settings.attachments.allowedTypes', message: 'must be a list of content types such as image/jpeg' });
    }
  }
  return problems;
}

interface FileTypeModule {
  fileTypeFromBuffer(buffer: Uint8Array): Promise<{ ext: string; mime: string } | undefined>;
}
let fileTypeModule: Promise<FileTypeModule> | undefined;
/** A variable, not a literal: the CommonJS type check cannot resolve file-type's ESM-only package exports. */
const FILE_TYPE_PACKAGE = 'file-type';

/**
 * The content type from the bytes (file-type reads the magic numbers), never from the name: an .exe renamed .jpg is
 * `application/x-msdownload`. Text has no magic number: valid UTF-8 without control bytes counts as text/plain.
 * file-type is ESM-only; the API is CommonJS, and Node 20.19+ loads it through require(esm).
 */
export async function detectContentType(data: Buffer): Promise<string | null> {
  fileTypeModule ??= import(FILE_TYPE_PACKAGE) as Promise<FileTypeModule>;
  const detected = await (await fileTypeModule).fileTypeFromBuffer(data);
  if (detected) return detected.mime;
  return looksLikeText(data) ? 'text/plain' : null;
}

function looksLikeText(data: Buffer): boolean {
  if (!data.length) return false;
  const sample = data.subarray(0, 64 * 1024);
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0e-\x1a\x1c-\x1f]/.test(sample.toString('latin1'))) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      sample.length < data.length ? sample.subarray(0, sample.lastIndexOf(0x0a) + 1 || sample.length) : sample,
    );
    return true;
  } catch {
    return false;
  }
}

/** Control characters and the double quote: never in a stored file name or a Content-Disposition header. */
// eslint-disable-next-line no-control-regex
const UNSAFE_FILENAME_CHARS = /[\x00-\x1f\x7f"]/g;

/** A file name safe to store and to send in Content-Disposition (no path, no control characters). */
export function cleanFilename(name: string | undefined | null): string {
  const base = String(name ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(UNSAFE_FILENAME_CHARS, '')
    .trim();
  return base.slice(0, 200) || 'attachment';
}
