import { can, type ImportJob, type ImportRowError, MM_LAYOUTS, type MmLayout } from '@enlace/shared';
import { Alert, Button, Card, Group, NativeSelect, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckIcon, WarningIcon } from '../../components/Icons';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useCountries } from '../../features/admin/admin.queries';
import { useMe } from '../../features/auth/auth.queries';
import { type FilePreview, previewFile } from '../../features/incidents/import-preview';
import { useImportJob, useStartImport } from '../../features/incidents/incidents.queries';
import { useFormat } from '../../hooks/useFormat';
import { useCountryName, useLocalized } from '../../hooks/useLabels';
import { NoAccessPage } from '../NoAccessPage';

const isMmLayout = (layout: string): layout is MmLayout => (MM_LAYOUTS as readonly string[]).includes(layout);

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

/** What each column of the file becomes, with the first rows' values beside it. */
function PreviewTable({ preview }: { preview: FilePreview }) {
  const { t } = useTranslation();
  // A phone shows one row's values beside the mapping; wider screens three.
  const narrow = useMediaQuery('(max-width: 600px)');
  const shown = preview.rows.slice(0, narrow ? 1 : 3);
  return (
    <Table.ScrollContainer minWidth={narrow ? 0 : 560}>
      <Table striped verticalSpacing={4} aria-label={t('importPage.previewTable')} bg="white">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('importPage.fileColumn')}</Table.Th>
            <Table.Th scope="col">{t('importPage.becomes')}</Table.Th>
            {shown.map((row) => (
              <Table.Th scope="col" key={row.line}>
                {t('importPage.rowN', { row: row.line })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.columns.map((c, k) => (
            <Table.Tr key={c.key}>
              <Table.Th scope="row" fw={500}>
                {c.name || '—'}
              </Table.Th>
              <Table.Td>
                {c.field ? (
                  t(`importPage.fields.${c.field}`)
                ) : (
                  <Text component="span" size="sm" c="red.8" fw={600}>
                    {t('importPage.fields.unknown')}
                  </Text>
                )}
              </Table.Td>
              {shown.map((row) => (
                <Table.Td key={row.line} className="preview-cell">
                  {row.cells[k] ?? ''}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The file as read in the browser: its layout in words, then its columns and first rows. */
function PreviewCard({ preview }: { preview: FilePreview }) {
  const { t } = useTranslation();
  const unknown = preview.columns.filter((c) => !c.field).length;
  return (
    <Card withBorder radius="md" padding="lg" maw={960}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('importPage.previewTitle')}
        </Title>
        {preview.layout ? (
          <Text size="sm">
            {t('importPage.recognised', { layout: t(`importPage.layouts.${preview.layout}`) })}
          </Text>
        ) : (
          <Alert color="red" role="alert" icon={<WarningIcon />} title={t('importPage.notRecognised')}>
            <Text size="sm">{t('importPage.missingColumns', { columns: preview.missing.join(', ') })}</Text>
          </Alert>
        )}
        {preview.layout && unknown > 0 && (
          <Text size="sm">{t('importPage.unknownColumns', { count: unknown })}</Text>
        )}
        <PreviewTable preview={preview} />
      </Stack>
    </Card>
  );
}

/** A running import: rows read so far of about how many, then the writing. */
function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = job.rowsEstimated > 0 ? Math.min(100, (100 * job.rowsRead) / job.rowsEstimated) : 0;
  const label =
    job.phase === 'writing'
      ? t('importPage.writing', { rows: format.number(job.rowsRead) })
      : t('importPage.reading', {
          rows: format.number(job.rowsRead),
          total: format.number(job.rowsEstimated),
        });
  return (
    <Card withBorder radius="md" padding="lg" maw={860}>
      <Stack gap="xs">
        <Text fw={600}>{job.dryRun ? t('importPage.checking') : t('importPage.importing')}</Text>
        <Progress
          value={job.phase === 'writing' ? 100 : value}
          animated
          size="lg"
          aria-label={t('importPage.progressLabel')}
          aria-valuetext={label}
        />
        <Text size="sm">{label}</Text>
        <Text size="sm" c="dimmed">
          {t('importPage.othersGoOn')}
        </Text>
      </Stack>
    </Card>
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
  const starter = useStartImport();
  const [jobId, setJobId] = useState<string | null>(null);
  const jobQuery = useImportJob(jobId);
  const job = jobQuery.data ?? null;
  const fileInput = useRef<HTMLInputElement>(null);
  const fileHint = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<FilePreview | null>(null);
  const [missingFile, setMissingFile] = useState<'none' | 'empty' | null>(null);
  const [country, setCountry] = useState(me.scope === 'all' ? 'IOM' : me.countryCode);
  const running = starter.isPending || job?.state === 'running';
  const result = job?.state === 'done' ? job.result : null;
  const rowErrors = job?.failure?.code === 'import_rejected' ? job.failure.errors : null;

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setMissingFile(null);
    setJobId(null);
    starter.reset();
    setPreview(null);
    if (chosen && chosen.size > 0) setPreview(await previewFile(chosen));
  };

  const run = async (dryRun: boolean) => {
    setJobId(null);
    if (!file || file.size === 0) {
      setMissingFile(file ? 'empty' : 'none');
      fileInput.current?.focus();
      return;
    }
    const content = await file.text();
    starter.mutate(
      { content, country: me.scope === 'all' ? country : undefined, dryRun },
      { onSuccess: (started) => setJobId(started.id) },
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
                {t('importPage.format')} {t('incidents.import.fileHint')}
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
                aria-invalid={missingFile !== null || undefined}
                className="visually-hidden"
                onChange={(e) => void choose(e.currentTarget.files?.[0] ?? null)}
              />
              {missingFile && (
                <Text size="sm" c="red.6" id="import-file-error" mt={4}>
                  {missingFile === 'empty' ? t('importPage.emptyFile') : t('incidents.import.chooseFile')}
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
                disabled={running}
                loading={running && (job?.dryRun ?? starter.variables?.dryRun) === true}
              >
                {t('incidents.import.check')}
              </Button>
              <Button
                type="submit"
                disabled={running}
                loading={running && (job?.dryRun ?? starter.variables?.dryRun) === false}
              >
                {t('incidents.import.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>

      {preview && <PreviewCard preview={preview} />}

      <div aria-live="polite">
        {job?.state === 'running' && <JobProgress job={job} />}
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
                      count: result.rows,
                      rows: format.number(result.rows),
                      created: format.number(result.created),
                      updated: format.number(result.updated),
                      unchanged: format.number(result.unchanged),
                    })
                  : t('incidents.import.doneBody', {
                      count: result.rows,
                      rows: format.number(result.rows),
                      created: format.number(result.created),
                      updated: format.number(result.updated),
                      unchanged: format.number(result.unchanged),
                    })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('incidents.import.layout', {
                  layout: isMmLayout(result.layout)
                    ? t(`importPage.layouts.${result.layout}`)
                    : result.layout,
                })}
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
        {rowErrors && job?.failure && (
          <Card withBorder radius="md" padding="lg" maw={960}>
            <Stack gap="sm">
              <Alert color="red" role="alert" icon={<WarningIcon />} title={job.failure.title}>
                <Text size="sm">{t('incidents.import.nothingChanged')}</Text>
                {rowErrors.length >= 1000 && <Text size="sm">{t('incidents.import.firstErrors')}</Text>}
              </Alert>
              <RowTable rows={rowErrors} label={t('incidents.import.errorsTable')} />
            </Stack>
          </Card>
        )}
        {job?.failure && !rowErrors && (
          <Alert color="red" role="alert" icon={<WarningIcon />} title={job.failure.title}>
            <Text size="sm">{t('incidents.import.nothingChanged')}</Text>
          </Alert>
        )}
        <ErrorAlert error={starter.error ?? jobQuery.error} />
      </div>
    </Page>
  );
}
