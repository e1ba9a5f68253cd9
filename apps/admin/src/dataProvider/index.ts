import type { DataProvider, GetListParams, RaRecord } from 'react-admin';
import { callOperation, loadSchema, namedType, OperationUnavailableError } from '../graphql/schema';
import { deletePolicyItem, isPolicyResource, loadDraft, upsertPolicyItem } from './policyDraft';
import { clientSideList } from './clientSideList';
import { treeOrder } from '../policy/complaintTypes/typeTree';
import { effectiveWorkflows } from '../policy/workflows/model';
import { decideApproval, loadApprovals, type Decision } from './approvals';
import { OVERDUE_SELECTION, overdueParams, withPressingClocks } from './overdue';

/**
 * react-admin's data provider over the API's GraphQL (fetch to /graphql with the bearer token).
 *
 * Not ra-data-graphql: its builder derives operations from resource names by convention (allX / X / createX …),
 * while this API is shaped by the domain — the policy draft is one document edited with `upsertX(input)` /
 * `deleteX(key)`, complaints are a Relay connection, tokens are created with a role. The mapping below is short
 * and names every operation it calls.
 */
type Rows = RaRecord[];

/** Read-only lists returned whole by the API (id = the row's id or key). */
const WHOLE_LISTS: Record<string, { query: string; args?: Record<string, unknown> }> = {
  users: { query: 'users' },
  apiTokens: { query: 'apiTokens' },
  policyVersions: { query: 'policyVersions' },
  plugins: { query: 'plugins' },
  auditLog: { query: 'auditLog' },
  myQueue: { query: 'myQueue' },
  incidents: { query: 'incidents', args: { first: 200 } },
};

const withId = (row: any): RaRecord => ({ ...row, id: row.id ?? row.key ?? row.version });

async function policyList(resource: string): Promise<Rows> {
  const draft = await loadDraft();
  // Workflows: the built-in default is listed while the policy has none of its own (as the API's draftPolicy does).
  const rows = (resource === 'workflows' ? effectiveWorkflows(draft as any) : ((draft as any)[resource] ?? [])).map(withId);
  // The type tree is listed parent-first so that a flat table reads as a tree.
  if (resource === 'complaintTypes')
    return treeOrder(rows as (RaRecord & { key: string })[]).map((row, treeIndex) => ({ ...row, treeOrder: treeIndex }));
  return rows;
}

async function wholeList(resource: string): Promise<Rows> {
  const { query, args } = WHOLE_LISTS[resource];
  const value = await callOperation<any>('query', query, args ?? {});
  const rows = Array.isArray(value) ? value : value?.edges ? value.edges.map((e: any) => e.node) : (value?.nodes ?? []);
  return rows.map(withId);
}

/** `receivedAt` DESC → `RECEIVED_DESC`; `resolutionDueAt` ASC → `RESOLUTION_DUE_ASC`. */
export function complaintOrder(field: string, order: string): string {
  const column =
    field === 'resolutionDueAt'
      ? 'RESOLUTION_DUE'
      : field
          .replace(/At$/, '')
          .replace(/[A-Z]/g, (c) => `_${c}`)
          .toUpperCase();
  return `${column}_${order === 'ASC' ? 'ASC' : 'DESC'}`;
}

/**
 * Complaints: the API's Relay connection, one page per request — `first: perPage` from `offset: (page−1)·perPage`
 * (the API refuses pages above its maximum, and fetching every earlier page would not scale to 100,000 complaints).
 */
export async function complaintList(params: GetListParams, selection?: string) {
  const schema = await loadSchema();
  const field = schema.queries.get('complaints');
  if (!field) throw new OperationUnavailableError('complaints');
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  const serverPaging = field.args.some((a) => a.name === 'offset');
  const args: Record<string, unknown> = serverPaging ? { first: perPage, offset: (page - 1) * perPage } : { first: page * perPage };
  const filterArg = field.args.find((a) => a.name === 'filter');
  if (filterArg && params.filter && Object.keys(params.filter).length) {
    const input = schema.types.get(namedType(filterArg.type).name ?? '');
    const allowed = new Set((input?.inputFields ?? []).map((f) => f.name));
    const filter = Object.fromEntries(Object.entries(params.filter).filter(([k, v]) => allowed.has(k) && v !== '' && v != null));
    if (Object.keys(filter).length) args.filter = filter;
  }
  const orderArg = field.args.find((a) => a.name === 'orderBy');
  const orderEnum = orderArg ? schema.types.get(namedType(orderArg.type).name ?? '') : undefined;
  if (orderEnum?.kind === 'ENUM' && params.sort?.field) {
    // The API orders by a fixed set (RECEIVED_DESC, RESOLUTION_DUE_ASC …): the column and direction name one of them.
    const wanted = complaintOrder(params.sort.field, params.sort.order);
    if (orderEnum.enumValues?.some((v) => v.name === wanted)) args.orderBy = wanted;
  } else if (orderArg && params.sort?.field) {
    const input = schema.types.get(namedType(orderArg.type).name ?? '');
    const names = (input?.inputFields ?? []).map((f) => f.name);
    if (names.includes('field') && names.includes('direction')) {
      const fieldEnum = schema.types.get(namedType(input!.inputFields!.find((f) => f.name === 'field')!.type).name ?? '');
      const allowedFields = fieldEnum?.enumValues?.map((v) => v.name);
      if (!allowedFields || allowedFields.includes(params.sort.field)) {
        args.orderBy = { field: params.sort.field, direction: params.sort.order };
      }
    }
  }
  const connection = await callOperation<any>('query', 'complaints', args, selection ? { selection } : {});
  const rows: Rows = (connection?.edges ?? []).map((e: any) => withId(e.node));
  const data = serverPaging ? rows : rows.slice((page - 1) * perPage);
  const total = typeof connection?.totalCount === 'number' ? connection.totalCount : undefined;
  const hasNextPage = !!connection?.pageInfo?.hasNextPage;
  return total !== undefined ? { data, total } : { data, pageInfo: { hasNextPage, hasPreviousPage: page > 1 } };
}

export const dataProvider = {
  async getList(resource, params) {
    if (resource === 'complaints') return complaintList(params);
    if (resource === 'overdue') return withPressingClocks(await complaintList(overdueParams(params), OVERDUE_SELECTION));
    if (resource === 'approvals') return clientSideList(await loadApprovals(), params);
    if (isPolicyResource(resource)) return clientSideList(await policyList(resource), params);
    if (resource in WHOLE_LISTS) return clientSideList(await wholeList(resource), params);
    throw new OperationUnavailableError(resource);
  },
  async getOne(resource, params) {
    if (resource === 'complaints' || resource === 'myQueue') {
      return { data: withId(await callOperation('query', 'complaint', { id: params.id }, { depth: 4 })) };
    }
    const rows = isPolicyResource(resource) ? await policyList(resource) : await wholeList(resource);
    const found = rows.find((r) => String(r.id) === String(params.id));
    if (!found) throw Object.assign(new Error('ra.notification.item_doesnt_exist'), { status: 404 });
    return { data: found };
  },
  async getMany(resource, params) {
    const rows = isPolicyResource(resource) ? await policyList(resource) : await wholeList(resource);
    const ids = params.ids.map(String);
    return { data: rows.filter((r) => ids.includes(String(r.id))) };
  },
  async getManyReference(resource, params) {
    const rows = isPolicyResource(resource) ? await policyList(resource) : await wholeList(resource);
    return clientSideList(
      rows.filter((r) => String(r[params.target]) === String(params.id)),
      params,
    );
  },
  async create(resource, params) {
    if (isPolicyResource(resource)) {
      const { id: _id, treeOrder: _order, ...item } = params.data as any;
      await upsertPolicyItem(resource, item);
      return { data: withId(item) };
    }
    if (resource === 'users') {
      // An invitation: the payload carries the one-time link (or says it was e-mailed).
      const payload = await callOperation<any>('mutation', 'inviteUser', { input: params.data });
      return { data: withId({ ...payload.user, delivered: payload.delivered, link: payload.link, expiresAt: payload.expiresAt }) };
    }
    if (resource === 'apiTokens') {
      const payload = await callOperation<any>('mutation', 'createApiToken', params.data);
      return { data: withId({ ...payload.token, secret: payload.secret }) };
    }
    throw new OperationUnavailableError(`create ${resource}`);
  },
  async update(resource, params) {
    if (resource === 'approvals') {
      // A decision: approve or reject (with its reason) through the mutation of the row's owner.
      const { decision, reason } = params.data as { decision: Decision; reason?: string };
      await decideApproval(String(params.id), decision, reason);
      return { data: { ...(params.previousData ?? {}), id: params.id, decided: decision } as any };
    }
    if (isPolicyResource(resource)) {
      const { id: _id, treeOrder: _order, ...item } = params.data as any;
      await upsertPolicyItem(resource, item);
      return { data: withId(item) };
    }
    if (resource === 'users') {
      const { displayName, role, teams, departmentId } = params.data as any;
      return {
        data: withId(
          await callOperation('mutation', 'updateUser', {
            id: params.id,
            input: { displayName, role, teams, departmentId: departmentId || null },
          }),
        ),
      };
    }
    throw new OperationUnavailableError(`update ${resource}`);
  },
  async updateMany(resource, params) {
    throw new OperationUnavailableError(`updateMany ${resource} ${params.ids.length}`);
  },
  async delete(resource, params) {
    if (isPolicyResource(resource)) {
      await deletePolicyItem(resource, String(params.id));
      return { data: (params.previousData ?? { id: params.id }) as any };
    }
    if (resource === 'apiTokens') {
      await callOperation('mutation', 'revokeApiToken', { id: params.id });
      return { data: (params.previousData ?? { id: params.id }) as any };
    }
    throw new OperationUnavailableError(`delete ${resource}`);
  },
  async deleteMany(resource, params) {
    for (const id of params.ids) await this.delete(resource, { id });
    return { data: params.ids };
  },
} as DataProvider;
