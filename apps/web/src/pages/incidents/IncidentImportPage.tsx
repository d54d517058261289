import { can, type ImportResult, type ImportRowError } from '@enlace/shared';
import { Alert, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckIcon, WarningIcon } from '../../components/Icons';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useCountries } from '../../features/admin/admin.queries';
import { useMe } from '../../features/auth/auth.queries';
import { useImportIncidents } from '../../features/incidents/incidents.queries';
import { useFormat } from '../../hooks/useFormat';
import { useCountryName, useLocalized } from '../../hooks/useLabels';
import { NoAccessPage } from '../NoAccessPage';

/** The rows of a refused import, as the server's problem document lists them. */
function rowErrorsOf(error: unknown): ImportRowError[] | null {
  if (!isApiError(error) || error.code !== 'import_rejected') return null;
  const rows = error.problem.errors;
  return Array.isArray(rows) ? (rows as ImportRowError[]) : [];
}

function RowTable({ rows, label }: { rows: ImportRowError[]; label: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing={4} aria-label={label} bg="white">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('incidents.import.row')}</Table.Th>
            <Table.Th scope="col">{t('incidents.import.column')}</Table.Th>
            <Table.Th scope="col">{t('incidents.import.problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.row}-${r.column}-${r.code}-${r.message}`}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>{r.column ?? '—'}</Table.Td>
              <Table.Td>{r.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Import of an IOM Missing Migrants CSV (22- or 25-column layout): every row or none. */
export function IncidentImportPage() {
  const me = useMe();
  if (!can(me.role, 'incidents.import')) return <NoAccessPage />;
  return <ImportScreen />;
}

function ImportScreen() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const localized = useLocalized();
  const countryName = useCountryName();
  const { data: countries } = useCountries();
  const importer = useImportIncidents();
  const fileInput = useRef<HTMLInputElement>(null);
  const fileHint = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [country, setCountry] = useState(me.scope === 'all' ? 'IOM' : me.countryCode);
  const [result, setResult] = useState<ImportResult | null>(null);
  const rowErrors = rowErrorsOf(importer.error);

  const run = async (dryRun: boolean) => {
    setResult(null);
    if (!file) {
      setMissingFile(true);
      fileInput.current?.focus();
      return;
    }
    const content = await file.text();
    importer.mutate(
      { content, country: me.scope === 'all' ? country : undefined, dryRun },
      { onSuccess: (r) => setResult(r) },
    );
  };

  const countryOptions = (countries ?? [])
    .filter((c) => c.active)
    .map((c) => ({ value: c.code, label: localized(c.name) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <Page title={t('incidents.import.title')} description={t('incidents.import.intro')}>
      <SectionNav group="incidents" />
      <Card withBorder radius="md" padding="lg" maw={860}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(false);
          }}
        >
          <Stack gap="md">
            <div className="file-picker">
              <label htmlFor="import-file" className="field-label">
                {t('incidents.import.file')}{' '}
                <span aria-hidden="true" className="required-mark">
                  *
                </span>
              </label>
              <Text size="sm" c="dimmed" id={fileHint} mb={6}>
                {t('incidents.import.fileHint')}
              </Text>
              <Group gap="sm">
                <label htmlFor="import-file" className="file-button file-button-lg">
                  {t('incidents.import.chooseButton')}
                </label>
                <Text size="sm" c={file ? undefined : 'dimmed'} aria-hidden="true">
                  {file ? file.name : t('incidents.import.noFile')}
                </Text>
              </Group>
              <input
                id="import-file"
                ref={fileInput}
                type="file"
                accept=".csv,text/csv"
                required
                aria-describedby={missingFile ? `${fileHint} import-file-error` : fileHint}
                aria-invalid={missingFile || undefined}
                className="visually-hidden"
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  setMissingFile(false);
                  setResult(null);
                  importer.reset();
                }}
              />
              {missingFile && (
                <Text size="sm" c="red.6" id="import-file-error" mt={4}>
                  {t('incidents.import.chooseFile')}
                </Text>
              )}
            </div>
            {me.scope === 'all' ? (
              <NativeSelect
                label={t('incidents.import.owner')}
                description={t('incidents.import.ownerHint')}
                data={countryOptions}
                value={country}
                onChange={(e) => setCountry(e.currentTarget.value)}
                maw={420}
              />
            ) : (
              <Text size="sm">
                {t('incidents.import.ownerFixed', { country: countryName(me.countryCode) })}
              </Text>
            )}
            <Alert color="enlace" role="note" title={t('incidents.import.allOrNothingTitle')}>
              <Text size="sm">{t('incidents.import.allOrNothing')}</Text>
            </Alert>
            <Group>
              <Button
                variant="default"
                onClick={() => void run(true)}
                loading={importer.isPending && importer.variables?.dryRun}
              >
                {t('incidents.import.check')}
              </Button>
              <Button type="submit" loading={importer.isPending && importer.variables?.dryRun === false}>
                {t('incidents.import.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>

      <div aria-live="polite">
        {result && (
          <Card withBorder radius="md" padding="lg" maw={860}>
            <Stack gap="sm">
              <Group gap="xs">
                <CheckIcon />
                <Title order={2} size="h4">
                  {result.dryRun ? t('incidents.import.checkedTitle') : t('incidents.import.doneTitle')}
                </Title>
              </Group>
              <Text>
                {result.dryRun
                  ? t('incidents.import.checkedBody', {
                      rows: format.number(result.rows),
                      created: format.number(result.created),
                      updated: format.number(result.updated),
                      unchanged: format.number(result.unchanged),
                    })
                  : t('incidents.import.doneBody', {
                      rows: format.number(result.rows),
                      created: format.number(result.created),
                      updated: format.number(result.updated),
                      unchanged: format.number(result.unchanged),
                    })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('incidents.import.layout', { layout: result.layout })}
              </Text>
              {result.warnings.length > 0 && (
                <>
                  <Title order={3} size="h5">
                    {t('incidents.import.warnings', { count: result.warnings.length })}
                  </Title>
                  <RowTable rows={result.warnings} label={t('incidents.import.warningsTable')} />
                </>
              )}
              {!result.dryRun && (
                <Group>
                  {can(me.role, 'stats.read') && (
                    <Button component={Link} to="/stats" variant="default">
                      {t('incidents.import.toDashboard')}
                    </Button>
                  )}
                  {can(me.role, 'incidents.read') && (
                    <Button component={Link} to="/incidents?source=missing_migrants" variant="default">
                      {t('incidents.import.toList')}
                    </Button>
                  )}
                </Group>
              )}
            </Stack>
          </Card>
        )}
        {rowErrors && isApiError(importer.error) && (
          <Card withBorder radius="md" padding="lg" maw={960}>
            <Stack gap="sm">
              <Alert color="red" role="alert" icon={<WarningIcon />} title={importer.error.title}>
                <Text size="sm">{t('incidents.import.nothingChanged')}</Text>
                {rowErrors.length >= 1000 && <Text size="sm">{t('incidents.import.firstErrors')}</Text>}
              </Alert>
              <RowTable rows={rowErrors} label={t('incidents.import.errorsTable')} />
            </Stack>
          </Card>
        )}
        {!rowErrors && <ErrorAlert error={importer.error} />}
      </div>
    </Page>
  );
}
