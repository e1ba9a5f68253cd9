import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { CommonErrors } from './errors/app-error';

/**
 * Guards a page-size argument (`first`): null/absent passes through (the resolver applies its default), anything
 * below 1 is refused with BAD_USER_INPUT naming the argument. Services still cap large pages at their maximum —
 * a page size above the cap is a valid request for "as many as allowed", `first: -1` is a client bug that
 * silently became 1 before.
 */
@Injectable()
export class PageSizePipe implements PipeTransform<number | null | undefined> {
  transform(value: number | null | undefined, metadata: ArgumentMetadata): number | null | undefined {
    if (value === null || value === undefined) return value;
    if (!Number.isInteger(value) || value < 1) {
      const name = metadata.data ?? 'first';
      throw CommonErrors.create('PAGE_SIZE_INVALID', { field: name, params: { name, value: String(value) } });
    }
    return value;
  }
}
