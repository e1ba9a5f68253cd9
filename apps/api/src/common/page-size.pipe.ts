import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { CommonErrors } from './errors/app-error';

/**
 * The most rows one page of any list returns. The GraphQL limits refuse a larger `first` with PAGE_TOO_LARGE before
 * a resolver runs (REDRESS_GQL_MAX_PAGE, default the same 500); services keep this as their own bound, one number for
 * every list, so a page the limits admit is never cut short behind the caller's back.
 */
export const MAX_PAGE_SIZE = 500;

/**
 * Guards a page-size argument (`first`): null/absent passes through (the resolver applies its default), anything
 * below 1 is refused with BAD_USER_INPUT naming the argument (`first: -1` silently became 1 before).
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
