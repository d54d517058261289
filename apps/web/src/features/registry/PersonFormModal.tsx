import {
  BIRTH_DATE_PRECISIONS,
  type BirthDatePrecision,
  DIRECTORY_LANGUAGES,
  PERSON_SEXES,
  type FileSummary,
  type MrzCheckInput,
  type PersonInput,
  type PersonSex,
  TEXT_MAX,
} from '@enlace/shared';
import { MultiSelect, NativeSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal, useInput } from '../../components/FormModal';
import { NumberField } from '../../components/NumberField';
import { numberOf } from '../../components/number-text';
import { focusFirstInvalid, showServerErrors, validators } from '../../hooks/useFieldError';
import { languageName } from '../directory/directory-helpers';
import { useVocab } from '../incidents/vocabulary';
import { MrzField } from './dupes/MrzField';
import { PhotoPicker } from './PhotoPicker';
import { AGE_RULES, type IdentityValues, identityRules } from './IdentityFields';
import { useCreatePerson } from './registry.queries';

interface Values {
  givenNames: string;
  familyNames: string;
  documentGivenNames: string;
  documentFamilyNames: string;
  aliases: string;
  sex: PersonSex | '';
  birthDatePrecision: BirthDatePrecision;
  birthDate: string;
  estimatedAge: string;
  nationality: string;
  otherNationalities: string[];
  languages: string[];
  documentNumber: string;
  mrz: string;
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR_MONTH = /^\d{4}-\d{2}$/;
const YEAR = /^\d{4}$/;

/** How much of a typed birth date there is: the precision the officer most likely means. */
function precisionOf(birthDate: string, estimatedAge: string): BirthDatePrecision {
  if (!birthDate && estimatedAge) return 'estimated_age';
  if (YEAR.test(birthDate)) return 'year';
  if (YEAR_MONTH.test(birthDate)) return 'year_month';
  return 'exact';
}

const DATE_FORMS: Record<Exclude<BirthDatePrecision, 'estimated_age'>, RegExp> = {
  exact: FULL_DATE,
  year_month: YEAR_MONTH,
  year: YEAR,
};

/** What the zone is checked against: the names as in the document if typed, else as stated. */
function typedForMrz(v: Values): Omit<MrzCheckInput, 'mrz'> {
  const given = v.documentGivenNames.trim() || v.givenNames.trim();
  const family = v.documentFamilyNames.trim() || v.familyNames.trim();
  const date = v.birthDatePrecision === 'estimated_age' ? '' : v.birthDate.trim();
  return {
    ...(given ? { givenNames: given } : {}),
    ...(family ? { familyNames: family } : {}),
    ...(date && DATE_FORMS[v.birthDatePrecision as keyof typeof DATE_FORMS].test(date)
      ? { birthDate: date }
      : {}),
    ...(v.sex ? { sex: v.sex } : {}),
    ...(v.nationality ? { nationality: v.nationality } : {}),
    ...(v.documentNumber.trim() ? { documentNumber: v.documentNumber.trim() } : {}),
  };
}

function toInput(v: Values): PersonInput {
  const estimated = v.birthDatePrecision === 'estimated_age';
  const age = numberOf(v.estimatedAge, AGE_RULES);
  const aliases = v.aliases
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return {
    givenNames: v.givenNames.trim(),
    familyNames: v.familyNames.trim(),
    ...(v.documentGivenNames.trim() ? { documentGivenNames: v.documentGivenNames.trim() } : {}),
    ...(v.documentFamilyNames.trim() ? { documentFamilyNames: v.documentFamilyNames.trim() } : {}),
    aliases,
    sex: v.sex as PersonSex,
    birthDatePrecision: v.birthDatePrecision,
    ...(!estimated && v.birthDate.trim() ? { birthDate: v.birthDate.trim() } : {}),
    ...(estimated && age !== null ? { estimatedAge: age } : {}),
    nationality: v.nationality,
    otherNationalities: v.otherNationalities,
    languages: v.languages,
    ...(v.documentNumber.trim() ? { documentNumber: v.documentNumber.trim() } : {}),
    ...(v.mrz.trim() ? { mrz: v.mrz } : {}),
  };
}

/**
 * Registers a person, starting from what was searched for (search before create). The birth date
 * keeps its precision: an exact day, a month, a year, or an age the officer estimates.
 */
export function PersonFormModal({ initial, onClose }: { initial: IdentityValues; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const vocab = useVocab();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const [photo, setPhoto] = useState<FileSummary | null>(null);
  const form = useForm<Values>({
    initialValues: {
      givenNames: initial.givenNames,
      familyNames: initial.familyNames,
      documentGivenNames: '',
      documentFamilyNames: '',
      aliases: '',
      sex: initial.sex,
      birthDatePrecision: precisionOf(initial.birthDate.trim(), initial.estimatedAge.trim()),
      birthDate: initial.birthDate,
      estimatedAge: initial.estimatedAge,
      nationality: initial.nationality,
      otherNationalities: [],
      languages: [],
      documentNumber: initial.documentNumber,
      mrz: '',
    },
    validate: {
      givenNames: validators.required,
      familyNames: validators.required,
      sex: (v) => (v ? null : 'validation.required'),
      nationality: (v) => (v ? null : 'validation.required'),
      birthDate: (v, all) => {
        if (all.birthDatePrecision === 'estimated_age') return null;
        if (!v.trim()) return 'validation.required';
        return DATE_FORMS[all.birthDatePrecision].test(v.trim())
          ? identityRules.birthDate(v)
          : 'validation.birthDatePrecision';
      },
      estimatedAge: (v, all) =>
        all.birthDatePrecision !== 'estimated_age'
          ? null
          : v.trim()
            ? identityRules.estimatedAge(v)
            : 'validation.required',
    },
  });
  const input = useInput(form);
  const estimated = form.values.birthDatePrecision === 'estimated_age';
  const languageOptions = DIRECTORY_LANGUAGES.map((code) => ({
    value: code,
    label: languageName(code, i18n.language),
  })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));

  const handleSubmit = form.onSubmit((values) => {
    create.mutate(
      { ...toInput(values), ...(photo ? { photoFileId: photo.id } : {}) },
      {
        onSuccess: (person) => {
          notifications.show({
            color: 'green',
            title: t('registry.person.created'),
            message: `${person.givenNames} ${person.familyNames}`,
          });
          onClose();
          navigate(`/registry/persons/${person.id}`);
        },
        onError: (e) => showServerErrors(form, e),
      },
    );
  }, focusFirstInvalid);

  const labels = {
    givenNames: t('registry.fields.givenNames'),
    familyNames: t('registry.fields.familyNames'),
    documentGivenNames: t('registry.fields.documentGivenNames'),
    documentFamilyNames: t('registry.fields.documentFamilyNames'),
    aliases: t('registry.fields.aliases'),
    sex: t('registry.fields.sex'),
    birthDate: t('registry.fields.birthDate'),
    birthDatePrecision: t('registry.fields.birthDatePrecision'),
    estimatedAge: t('registry.fields.estimatedAge'),
    nationality: t('registry.fields.nationality'),
    otherNationalities: t('registry.fields.otherNationalities'),
    languages: t('registry.fields.languages'),
    documentNumber: t('registry.fields.documentNumber'),
    mrz: t('registryDuplicates.mrz.label'),
  };

  return (
    <FormModal
      title={t('registry.person.createTitle')}
      onClose={onClose}
      onSubmit={handleSubmit}
      error={create.error}
      labels={labels}
      pending={create.isPending}
      submitLabel={t('registry.person.submit')}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={labels.givenNames} required maxLength={TEXT_MAX.name} {...input('givenNames')} />
        <TextInput label={labels.familyNames} required maxLength={TEXT_MAX.name} {...input('familyNames')} />
        <TextInput
          label={labels.documentGivenNames}
          description={t('registry.person.documentHint')}
          maxLength={TEXT_MAX.name}
          {...input('documentGivenNames')}
        />
        <TextInput
          label={labels.documentFamilyNames}
          description={t('registry.person.documentHint')}
          maxLength={TEXT_MAX.name}
          {...input('documentFamilyNames')}
        />
        <TextInput
          label={labels.aliases}
          description={t('registry.person.aliasesHint')}
          maxLength={TEXT_MAX.name * 4}
          {...input('aliases')}
        />
        <NativeSelect
          label={labels.sex}
          required
          data={[
            { value: '', label: t('common.choose') },
            ...PERSON_SEXES.map((s) => ({ value: s, label: t(`registry.sexes.${s}`) })),
          ]}
          {...input('sex')}
        />
        <NativeSelect
          label={labels.birthDatePrecision}
          required
          data={BIRTH_DATE_PRECISIONS.map((p) => ({ value: p, label: t(`registry.precisions.${p}`) }))}
          {...input('birthDatePrecision')}
        />
        {estimated ? (
          <NumberField
            label={labels.estimatedAge}
            required
            rules={AGE_RULES}
            {...input('estimatedAge')}
            onChange={(text) => form.setFieldValue('estimatedAge', text)}
          />
        ) : (
          <TextInput
            label={labels.birthDate}
            description={t(
              `registry.person.dateHint.${form.values.birthDatePrecision as keyof typeof DATE_FORMS}`,
            )}
            required
            maxLength={10}
            {...input('birthDate')}
          />
        )}
        <Select
          label={labels.nationality}
          required
          searchable
          data={vocab.countryOptions}
          nothingFoundMessage={t('common.nothingFound')}
          {...input('nationality')}
          value={form.values.nationality || null}
          onChange={(v) => form.setFieldValue('nationality', v ?? '')}
        />
        <MultiSelect
          label={labels.otherNationalities}
          searchable
          maxValues={5}
          data={vocab.countryOptions}
          nothingFoundMessage={t('common.nothingFound')}
          {...input('otherNationalities')}
        />
        <MultiSelect
          label={labels.languages}
          searchable
          maxValues={10}
          data={languageOptions}
          nothingFoundMessage={t('common.nothingFound')}
          {...input('languages')}
        />
        <TextInput
          label={labels.documentNumber}
          maxLength={TEXT_MAX.reference}
          autoComplete="off"
          {...input('documentNumber')}
        />
      </SimpleGrid>
      <PhotoPicker
        value={photo}
        onChange={setPhoto}
        labels={{
          choose: t('registry.person.photoChoose'),
          replace: t('registry.person.photoReplace'),
          none: t('registry.person.photoNone'),
          attached: (name) => t('registry.person.photoAttached', { name }),
        }}
      />
      <MrzField
        value={form.values.mrz}
        onChange={(v) => form.setFieldValue('mrz', v)}
        typed={typedForMrz(form.values)}
        error={typeof form.errors.mrz === 'string' ? form.errors.mrz : undefined}
      />
    </FormModal>
  );
}
