import type { GetListParams, GetListResult, RaRecord } from 'react-admin';

/** Filters (`q` searches every text value), sorts and pages rows the API returned whole. */
export function clientSideList(rows: RaRecord[], params: Partial<GetListParams>): GetListResult {
  const { q, ...filters } = (params.filter ?? {}) as Record<string, unknown>;
  let result = rows.filter((row) =>
    Object.entries(filters).every(([key, value]) => value === undefined || value === '' || String(row[key]) === String(value)),
  );
  if (typeof q === 'string' && q.trim()) {
    const needle = q.trim().toLowerCase();
    result = result.filter((row) => JSON.stringify(row).toLowerCase().includes(needle));
  }
  const sort = params.sort;
  if (sort?.field) {
    const direction = sort.order === 'DESC' ? -1 : 1;
    const value = (row: RaRecord) => sort.field.split('.').reduce<any>((v, k) => v?.[k], row);
    result = [...result].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === y) return 0;
      if (x === undefined || x === null) return 1;
      if (y === undefined || y === null) return -1;
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN')) * direction;
    });
  }
  const { page = 1, perPage = 1000 } = params.pagination ?? {};
  return { data: result.slice((page - 1) * perPage, page * perPage), total: result.length };
}
