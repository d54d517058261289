import {
  ESTIMATED_AGE_MAX,
  type IdentityInput,
  identityInputSchema,
  PERSON_SEXES,
  type PersonSex,
  TEXT_MAX,
} from '@enlace/shared';
import { NativeSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NumberField, numberRule } from '../../components/NumberField';
import { numberOf, numberRules } from '../../components/number-text';
import type { useInput } from '../../components/FormModal';
import { useVocab } from '../incidents/vocabulary';

/** What the person says, as typed: every value a string, so that nothing typed is ever altered. */
export interface IdentityValues {
  givenNames: string;
  familyNames: string;
  birthDate: string;
  estimatedAge: string;
  sex: PersonSex | '';
  nationality: string;
  documentNumber: string;
}

export const emptyIdentity: IdentityValues = {
  givenNames: '',
  familyNames: '',
  birthDate: '',
  estimatedAge: '',
  sex: '',
  nationality: '',
  documentNumber: '',
};

export const AGE_RULES = numberRules(identityInputSchema.shape.estimatedAge.unwrap());
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The form rules of the identity fields (the server checks the same). */
export const identityRules = {
  birthDate: (v: string) => (v.trim() && !PARTIAL_DATE.test(v.trim()) ? 'validation.partialDate' : null),
  estimatedAge: numberRule(AGE_RULES),
};

/** The identity as the API reads it: empty fields left out. */
export function toIdentity(v: IdentityValues): IdentityInput {
  const age = numberOf(v.estimatedAge, AGE_RULES);
  return {
    ...(v.givenNames.trim() ? { givenNames: v.givenNames.trim() } : {}),
    ...(v.familyNames.trim() ? { familyNames: v.familyNames.trim() } : {}),
    ...(v.birthDate.trim() ? { birthDate: v.birthDate.trim() } : {}),
    ...(age !== null ? { estimatedAge: age } : {}),
    ...(v.sex ? { sex: v.sex } : {}),
    ...(v.nationality ? { nationality: v.nationality } : {}),
    ...(v.documentNumber.trim() ? { documentNumber: v.documentNumber.trim() } : {}),
  };
}

/**
 * The fields of what a person says or shows: the search before create and the identity check at
 * release use the same ones, so the engine compares like with like.
 */
export function IdentityFields({
  input,
  values,
  setValue,
}: {
  input: (path: keyof IdentityValues) => ReturnType<ReturnType<typeof useInput>>;
  values: IdentityValues;
  setValue: (path: 'estimatedAge' | 'nationality', value: string) => void;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput label={t('registry.fields.givenNames')} maxLength={TEXT_MAX.name} {...input('givenNames')} />
      <TextInput
        label={t('registry.fields.familyNames')}
        maxLength={TEXT_MAX.name}
        {...input('familyNames')}
      />
      <TextInput
        label={t('registry.fields.birthDate')}
        description={t('registry.search.birthDateHint')}
        placeholder="1994-03-07"
        maxLength={10}
        {...input('birthDate')}
      />
      <NumberField
        label={t('registry.fields.estimatedAge')}
        description={t('registry.search.estimatedAgeHint', { max: ESTIMATED_AGE_MAX })}
        rules={AGE_RULES}
        {...input('estimatedAge')}
        onChange={(text) => setValue('estimatedAge', text)}
      />
      <NativeSelect
        label={t('registry.fields.sex')}
        data={[
          { value: '', label: t('registry.person.unknown') },
          ...PERSON_SEXES.map((s) => ({ value: s, label: t(`registry.sexes.${s}`) })),
        ]}
        {...input('sex')}
      />
      <Select
        label={t('registry.fields.nationality')}
        searchable
        clearable
        data={vocab.countryOptions}
        nothingFoundMessage={t('common.nothingFound')}
        {...input('nationality')}
        value={values.nationality || null}
        onChange={(v) => setValue('nationality', v ?? '')}
      />
      <TextInput
        label={t('registry.fields.documentNumber')}
        maxLength={TEXT_MAX.reference}
        autoComplete="off"
        {...input('documentNumber')}
      />
    </SimpleGrid>
  );
}
