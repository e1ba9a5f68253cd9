import type { ReactNode } from 'react';
import {
  Create,
  Datagrid,
  Edit,
  List,
  SearchInput,
  SimpleForm,
  useListContext,
  useEditContext,
  TopToolbar,
  CreateButton,
  ExportButton,
} from 'react-admin';
import { ErrorNotice } from './ListError';

const ListErrorFromContext = () => <ErrorNotice error={useListContext().error} />;
const EditErrorFromContext = () => <ErrorNotice error={useEditContext().error} />;

const searchFilters = [<SearchInput source="q" alwaysOn key="q" />];
const quiet = { onError: () => undefined };

/**
 * A policy collection's list: the whole draft collection on one page (a tenant has tens, not thousands, of
 * types or channels), searchable, with a "not available" notice when the API lacks the draft operations.
 */
export function PolicyList({
  children,
  aside,
  sort,
  title,
}: {
  children: ReactNode;
  aside?: ReactNode;
  sort?: { field: string; order: 'ASC' | 'DESC' };
  title?: string;
}) {
  return (
    <List
      perPage={1000}
      pagination={false}
      filters={searchFilters}
      sort={sort ?? { field: 'key', order: 'ASC' }}
      error={<ListErrorFromContext />}
      queryOptions={quiet}
      aside={aside as any}
      title={title}
      actions={
        <TopToolbar>
          <CreateButton />
          <ExportButton />
        </TopToolbar>
      }
    >
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        {children}
      </Datagrid>
    </List>
  );
}

/**
 * Forms validate with react-admin (messages at the inputs), not the browser: the live intake preview inside the
 * form has required inputs of its own, which must not block saving the policy item.
 */
export function PolicyCreate({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  return (
    <Create redirect="list" aside={aside as any} mutationOptions={{ meta: {} }}>
      <SimpleForm noValidate>{children}</SimpleForm>
    </Create>
  );
}

export function PolicyEdit({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  return (
    <Edit mutationMode="pessimistic" redirect="list" aside={aside as any} error={<EditErrorFromContext />} queryOptions={quiet}>
      <SimpleForm noValidate>{children}</SimpleForm>
    </Edit>
  );
}
