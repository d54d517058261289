import { z } from 'zod';
import { CASE_STAGES, INCIDENT_SOURCES } from '../vocabulary';

/** Kinds of item that wait for the user, each built from what the data model already holds. */
export const HOME_TASKS = [
  /** The user's own account has no second factor. */
  'mfa_off',
  /** Active accounts of the administrator's scope still using a password an administrator set. */
  'users_must_change_password',
  /** Active accounts of the administrator's scope without two-step verification. */
  'users_without_mfa',
  /** Database inventory entries of the user's country not reviewed within their update frequency. */
  'inventory_due',
] as const;
export type HomeTask = (typeof HOME_TASKS)[number];

export const homeSchema = z.object({
  /**
   * Cases shared with the user's country, newest share first; `opened`: the user has opened the
   * case since it was shared. Null when the role does not read cases.
   */
  shared: z
    .object({
      unopened: z.number().int(),
      items: z.array(
        z.object({
          id: z.string(),
          reference: z.string(),
          title: z.string(),
          countryCode: z.string(),
          stage: z.enum(CASE_STAGES),
          sharedAt: z.string(),
          opened: z.boolean(),
        }),
      ),
    })
    .nullable(),
  /** Incidents the user recorded or changed, latest first. Null when the role does not read incidents. */
  recentIncidents: z
    .array(
      z.object({
        id: z.string(),
        reference: z.string(),
        kind: z.string(),
        occurredOn: z.string(),
        placeName: z.string().nullable(),
        source: z.enum(INCIDENT_SOURCES),
        updatedAt: z.string(),
      }),
    )
    .nullable(),
  /** Cases the user opened or moved to a stage, latest first. Null when the role does not read cases. */
  recentCases: z
    .array(
      z.object({
        id: z.string(),
        reference: z.string(),
        title: z.string(),
        stage: z.enum(CASE_STAGES),
        updatedAt: z.string(),
      }),
    )
    .nullable(),
  /** What waits for the user, only kinds they may act on, only when there is something. */
  tasks: z.array(z.object({ kind: z.enum(HOME_TASKS), count: z.number().int() })),
});
export type Home = z.infer<typeof homeSchema>;
