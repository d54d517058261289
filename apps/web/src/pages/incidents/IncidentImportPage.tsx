import { can, type ImportJob, type ImportRowError, MM_LAYOUTS, type MmLayout } from '@enlace/shared';
import { Alert, Button, Card, Group, NativeSelect, Progress, Stack, Text, Title } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../../components/DataTable';
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

type PreviewColumn = FilePreview['columns'][number] & { index: number };

const ROWS: ListConfig<'row' | 'column' | 'problem'> = {
  sorts: ['row', 'column', 'problem'],
  defaultSort: 'row',
  defaultDir: 'asc',
};

/** The problems of a file, by line: as many as the file has, paged. */
function RowTable({ rows, label }: { rows: ImportRowError[]; label: string }) {
  const { t } = useTranslation();
  const list = useListState(ROWS, { inUrl: false });
  const columns: DataColumn<ImportRowError>[] = [
    {
      id: 'row',
      header: t('incidents.import.row'),
      sortable: true,
      required: true,
      primary: true,
      nowrap: true,
      value: (r) => r.row,
      cell: (r) => r.row,
    },
    {
      id: 'column',
      header: t('incidents.import.column'),
      sortable: true,
      value: (r) => r.column,
      cell: (r) => r.column ?? '—',
    },
    {
      id: 'problem',
      header: t('incidents.import.problem'),
      sortable: true,
      required: true,
      value: (r) => r.message,
      cell: (r) => r.message,
    },
  ];
  return (
    <DataTable
      id="import-rows"
      label={label}
      columns={columns}
      rows={rows}
      rowKey={(r) => `${r.row}-${r.column}-${r.code}-${r.message}`}
      list={list}
      mode="client"
      columnChoice={false}
      emptyMessage={t('list.none')}
    />
  );
}

// The file's own order of columns until the reader sorts.
const PREVIEW: ListConfig<'file' | 'name' | 'field'> = {
  sorts: ['file', 'name', 'field'],
  defaultSort: 'file',
  defaultDir: 'asc',
};

/** What each column of the file becomes, with the first rows' values beside it. */
function PreviewTable({ preview }: { preview: FilePreview }) {
  const { t } = useTranslation();
  const list = useListState(PREVIEW, { inUrl: false });
  const fieldLabel = (c: PreviewColumn) => (c.field ? t(`importPage.fields.${c.field}`) : null);
  const columns: DataColumn<PreviewColumn>[] = [
    {
      id: 'name',
      header: t('importPage.fileColumn'),
      sortable: true,
      required: true,
      rowHeader: true,
      value: (c) => c.name,
      cell: (c) => c.name || '—',
    },
    {
      id: 'field',
      header: t('importPage.becomes'),
      sortable: true,
      required: true,
      value: fieldLabel,
      cell: (c) =>
        fieldLabel(c) ?? (
          <Text component="span" size="sm" c="red.8" fw={600}>
            {t('importPage.fields.unknown')}
          </Text>
        ),
    },
    ...preview.rows.slice(0, 3).map(
      (row): DataColumn<PreviewColumn> => ({
        id: `line-${row.line}`,
        header: t('importPage.rowN', { row: row.line }),
        cell: (c) => <div className="preview-cell">{row.cells[c.index] ?? ''}</div>,
      }),
    ),
  ];
  return (
    <DataTable
      id="import-preview"
      label={t('importPage.previewTable')}
      columns={columns}
      rows={preview.columns.map((c, index) => ({ ...c, index }))}
      rowKey={(c) => c.key}
      list={list}
      mode="client"
      paging={false}
      columnChoice={false}
      emptyMessage={t('list.none')}
    />
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
