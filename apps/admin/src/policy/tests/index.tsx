import { FunctionField, NullableBooleanInput, ReferenceInput, SelectInput, TextField, TextInput } from 'react-admin';
import { Box, Typography } from '@mui/material';
import ScienceIcon from '@mui/icons-material/Science';
import { useTranslate } from 'react-admin';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { KeyInput } from '../../common/inputs';
import { localized } from '../../i18n/locale';
import { FactsInput } from './FactsInput';
import { flattenFacts } from './facts';

function ExpectSection() {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="subtitle2" sx={{ mt: 2, color: 'primary.main' }}>
        {translate('resources.tests.fields.expect')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <NullableBooleanInput source="expect.valid" label="app.tests.expect_valid" />
        <TextInput source="expect.invalidReason" label="app.tests.expect_invalid_reason" />
        <ReferenceInput source="expect.severity" reference="severityLevels" perPage={1000}>
          <SelectInput optionText={(r: any) => localized(r.name)} label="app.tests.expect_severity" />
        </ReferenceInput>
        <ReferenceInput source="expect.department" reference="departments" perPage={1000}>
          <SelectInput optionText={(r: any) => localized(r.name)} label="app.tests.expect_department" />
        </ReferenceInput>
        <ReferenceInput source="expect.slaPolicy" reference="slaPolicies" perPage={1000}>
          <SelectInput optionText={(r: any) => localized(r.name)} label="app.tests.expect_sla" />
        </ReferenceInput>
      </Box>
    </Box>
  );
}

const TestForm = ({ isEdit }: { isEdit?: boolean }) => (
  <>
    <KeyInput isEdit={isEdit} />
    <TextInput source="description" label="resources.tests.fields.description" fullWidth />
    <FactsInput source="facts" />
    <ExpectSection />
  </>
);

export function ExpectSummary({ expect }: { expect?: Record<string, unknown> }) {
  const translate = useTranslate();
  return (
    <>
      {Object.entries(expect ?? {})
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => `${translate(`app.tests.expect_short.${k}`, { _: k })}=${String(v)}`)
        .join('，')}
    </>
  );
}

export default {
  list: () => (
    <PolicyList>
      <TextField source="key" label="app.common.key" />
      <TextField source="description" label="resources.tests.fields.description" />
      <FunctionField
        label="resources.tests.fields.facts"
        render={(r: any) =>
          flattenFacts(r.facts ?? {})
            .map(([p, v]) => `${p}=${JSON.stringify(v)}`)
            .join('，')
        }
      />
      <FunctionField label="resources.tests.fields.expect" render={(r: any) => <ExpectSummary expect={r.expect} />} />
    </PolicyList>
  ),
  create: () => (
    <PolicyCreate>
      <TestForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <TestForm isEdit />
    </PolicyEdit>
  ),
  icon: ScienceIcon,
};
