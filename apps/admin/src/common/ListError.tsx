import { useTranslate } from 'react-admin';
import { Alert } from '@mui/material';
import { OperationUnavailableError } from '../graphql/schema';
import { NotAvailable } from './OperationGate';

/** An error shown where the data would be: "not available" for a missing operation, the API's message otherwise. */
export function ErrorNotice({ error }: { error: unknown }) {
  const translate = useTranslate();
  if (!error) return null;
  if (error instanceof OperationUnavailableError) return <NotAvailable operations={[error.operation]} />;
  return (
    <Alert severity="error" sx={{ m: 2 }}>
      {(error as Error).message || translate('ra.notification.http_error')}
    </Alert>
  );
}
