import {
  CENTRE_STAFF_ROLES,
  type CentreStaffRole,
  centreResourcesInputSchema,
  TEXT_MAX,
} from '@enlace/shared';
import { ActionIcon, Button, Fieldset, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormModal, useInput } from '../../components/FormModal';
import { NumberField, numberRule } from '../../components/NumberField';
import { numberOf, numberRules } from '../../components/number-text';
import { focusFirstInvalid, showServerErrors, validators } from '../../hooks/useFieldError';
import { useDeclareResources } from './registry.queries';

const schema = centreResourcesInputSchema.shape;
const STAFF = numberRules(schema.staff.element.shape.count);
const YEAR = numberRules(schema.budget.element.shape.year);
const AMOUNT = numberRules(schema.budget.element.shape.amount, { decimals: 2 });
const MAX_LINES = 50;

interface Line {
  line: string;
  year: string;
  amount: string;
  currency: string;
}

interface Values {
  asOf: string;
  staff: Record<CentreStaffRole, string>;
  budget: Line[];
}

const emptyLine = (): Line => ({
  line: '',
  year: String(new Date().getFullYear()),
  amount: '',
  currency: '',
});

/** A supervisor declares, as of a day, the centre's staff by role and its budget lines (action 7). */
export function ResourcesModal({ centreId, onClose }: { centreId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const declare = useDeclareResources(centreId);
  const form = useForm<Values>({
    initialValues: {
      asOf: new Date().toISOString().slice(0, 10),
      staff: Object.fromEntries(CENTRE_STAFF_ROLES.map((r) => [r, ''])) as Record<CentreStaffRole, string>,
      budget: [],
    },
    validate: {
      asOf: validators.required,
      staff: Object.fromEntries(CENTRE_STAFF_ROLES.map((r) => [r, numberRule(STAFF)])),
      budget: {
        line: validators.required,
        year: numberRule(YEAR, { required: true }),
        amount: numberRule(AMOUNT, { required: true }),
        currency: (v: string) => (/^[A-Z]{3}$/.test(v) ? null : 'validation.currency'),
      },
    },
  });
  const input = useInput(form);
  const labels = {
    asOf: t('registry.centre.asOf'),
    staff: t('registry.centre.staff'),
    budget: t('registry.centre.budget'),
  };
  const handleSubmit = form.onSubmit((v) => {
    const staff = CENTRE_STAFF_ROLES.flatMap((role) => {
      const n = numberOf(v.staff[role], STAFF);
      return n === null ? [] : [{ role, count: n }];
    });
    const budget = v.budget.map((b) => ({
      line: b.line.trim(),
      year: numberOf(b.year, YEAR) ?? 0,
      amount: numberOf(b.amount, AMOUNT) ?? 0,
      currency: b.currency,
    }));
    declare.mutate(
      { asOf: v.asOf, staff, budget },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: t('registry.centre.declared'), message: '' });
          onClose();
        },
        onError: (e) => showServerErrors(form, e),
      },
    );
  }, focusFirstInvalid);

  return (
    <FormModal
      title={t('registry.centre.declareTitle')}
      onClose={onClose}
      onSubmit={handleSubmit}
      error={declare.error}
      labels={labels}
      pending={declare.isPending}
      submitLabel={t('registry.centre.declare')}
      size="xl"
    >
      <TextInput type="date" label={labels.asOf} required w={{ base: '100%', xs: 220 }} {...input('asOf')} />
      <Fieldset legend={labels.staff}>
        <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="sm">
          {CENTRE_STAFF_ROLES.map((role) => (
            <NumberField
              key={role}
              label={t(`registry.staffRoles.${role}`)}
              rules={STAFF}
              {...input(`staff.${role}`)}
              onChange={(text) => form.setFieldValue(`staff.${role}`, text)}
            />
          ))}
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={labels.budget}>
        <Stack gap="xs">
          {form.values.budget.map((_, i) => (
            <Group
              // biome-ignore lint/suspicious/noArrayIndexKey: budget lines have no identity of their own
              key={i}
              align="flex-start"
              gap="xs"
              wrap="wrap"
            >
              <TextInput
                label={`${t('registry.centre.line')} ${i + 1}`}
                required
                maxLength={TEXT_MAX.title}
                style={{ flex: '1 1 200px' }}
                {...input(`budget.${i}.line`)}
              />
              <NumberField
                label={t('registry.centre.year')}
                required
                rules={YEAR}
                w={90}
                {...input(`budget.${i}.year`)}
                onChange={(text) => form.setFieldValue(`budget.${i}.year`, text)}
              />
              <NumberField
                label={t('registry.centre.amount')}
                required
                rules={AMOUNT}
                w={140}
                {...input(`budget.${i}.amount`)}
                onChange={(text) => form.setFieldValue(`budget.${i}.amount`, text)}
              />
              <TextInput
                label={t('registry.centre.currency')}
                required
                maxLength={3}
                w={90}
                placeholder="MXN"
                {...input(`budget.${i}.currency`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mt={{ base: 0, xs: 25 }}
                aria-label={t('registry.centre.removeLine', { n: i + 1 })}
                title={t('registry.centre.removeLine', { n: i + 1 })}
                onClick={() => form.removeListItem('budget', i)}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              disabled={form.values.budget.length >= MAX_LINES}
              onClick={() => form.insertListItem('budget', emptyLine())}
            >
              {t('registry.centre.addLine')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </FormModal>
  );
}
