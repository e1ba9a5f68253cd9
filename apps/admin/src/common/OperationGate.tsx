import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, AlertTitle, LinearProgress } from '@mui/material';
import { useOperations } from '../graphql/useOperations';

/**
 * Renders its children only when the API offers the operations they need; otherwise tells the user plainly which
 * feature is not available on this server yet.
 */
export function OperationGate({ operations, children, fallback }: { operations: string[]; children: ReactNode; fallback?: ReactNode }) {
  const { missing, isPending } = useOperations(...operations);
  if (isPending) return <LinearProgress />;
  if (missing.length) return <>{fallback ?? <NotAvailable operations={missing} />}</>;
  return <>{children}</>;
}

export function NotAvailable({ operations }: { operations: string[] }) {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ m: 2 }} data-testid="not-available">
      <AlertTitle>{translate('app.notice.not_available_title')}</AlertTitle>
      {translate('app.notice.not_available_body', { operations: operations.join(', ') })}
    </Alert>
  );
}
