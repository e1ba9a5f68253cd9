import {
  Datagrid,
  FunctionField,
  List,
  TextField,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useLocaleState,
} from 'react-admin';
import { Button, Chip } from '@mui/material';
import ExtensionIcon from '@mui/icons-material/Extension';
import { callOperation } from '../graphql/schema';
import { ErrorNotice } from '../common/ListError';
import { ResultView } from '../common/ResultView';
import { localized } from '../i18n/locale';

const ListErrorFromContext = () => <ErrorNotice error={useListContext().error} />;

function EnableButton() {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) return null;
  if (record.enabled) return <Chip size="small" color="success" label={translate('app.plugins.enabled')} />;
  return (
    <Button
      size="small"
      variant="outlined"
      onClick={async (e) => {
        e.stopPropagation();
        if (!window.confirm(translate('app.plugins.confirm_enable', { name: localized(record.name) || record.id }))) return;
        try {
          await callOperation('mutation', 'enablePlugin', { id: record.id, pluginId: record.id }, { depth: 1 });
          notify('app.plugins.enabled_notice', { type: 'success' });
          refresh();
        } catch (error) {
          notify((error as Error).message, { type: 'error' });
        }
      }}
    >
      {translate('app.plugins.enable')}
    </Button>
  );
}

/** What a plugin adds: types, fields, rules, operators, SLA presets… as the API describes them. */
function Contributions() {
  const record = useRecordContext<any>();
  const { id, name, description, version, enabled, industry, ...rest } = record ?? {};
  return <ResultView value={rest.contributes ?? rest.contributions ?? rest.adds ?? rest} depth={1} />;
}

const PluginList = () => {
  const [locale] = useLocaleState();
  return (
    <List error={<ListErrorFromContext />} queryOptions={{ onError: () => undefined }} exporter={false} pagination={false} perPage={1000}>
      <Datagrid bulkActionButtons={false} rowClick="expand" expand={<Contributions />}>
        <FunctionField
          label="resources.plugins.fields.name"
          render={(r: any) => localized(r.name, locale === 'en' ? 'en' : 'zh-CN') || r.id}
        />
        <TextField source="id" label="resources.plugins.fields.id" />
        <TextField source="version" label="resources.plugins.fields.version" />
        <FunctionField
          label="resources.plugins.fields.description"
          render={(r: any) => localized(r.description, locale === 'en' ? 'en' : 'zh-CN')}
        />
        <EnableButton />
      </Datagrid>
    </List>
  );
};

export default { list: PluginList, icon: ExtensionIcon };
