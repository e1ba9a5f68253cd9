import { useQuery } from '@tanstack/react-query';
import { loadSchema, type SchemaInfo } from './schema';

/** The schema as the API describes it; screens use it to know which operations they may call. */
export function useSchema(): { schema?: SchemaInfo; isPending: boolean } {
  const { data, isPending } = useQuery({ queryKey: ['console-schema'], queryFn: () => loadSchema(), staleTime: 60_000 });
  return { schema: data, isPending };
}

/** Which of the named operations (queries or mutations) exist. */
export function useOperations(...names: string[]): { has: (name: string) => boolean; missing: string[]; isPending: boolean } {
  const { schema, isPending } = useSchema();
  const has = (name: string) => !!schema && (schema.queries.has(name) || schema.mutations.has(name));
  return { has, missing: schema ? names.filter((n) => !has(n)) : [], isPending };
}
