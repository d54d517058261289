import { writeFileSync } from 'node:fs';
import { dedupe, type LinkageModel, tableFromRecords } from '@enlace/linkage';
import { generateRegistrations } from './registrations';

// Trains the model the registry scores its search-before-create candidates with, and writes it
// to apps/server/src/modules/registry/registry.model.json. A search compares one person with a
// few hundred candidates, too few to train on: the model is trained once, without labels, by
// the engine's own dedupe() on the seeded synthetic registrations (the noise of the desks along
// the route), over the fields an officer records. Term-frequency adjustments are switched off:
// the registry scores within its candidates, whose values are not a sample of the register.
//
//   npx tsx bench/generators/registry-model.ts

export const REGISTRY_MODEL_SEED = 20261203;

export async function trainRegistryModel(persons = 5000): Promise<LinkageModel> {
  const regs = generateRegistrations({ persons, seed: REGISTRY_MODEL_SEED });
  const table = tableFromRecords(
    regs.map((r) => ({
      id: r.rec_id,
      given_names: r.given_names,
      family_names: r.family_names,
      sex: r.sex,
      birth_date: r.birth_date,
      nationality: r.nationality,
      document_number: r.document_number,
    })),
  );
  const { model } = await dedupe(table);
  const round = (v: number) => Number(v.toPrecision(6));
  return {
    prior: round(model.prior),
    tfCap: model.tfCap,
    comparisons: model.comparisons.map((c) => ({
      field: c.field,
      levels: c.levels,
      m: c.m.map(round),
      u: c.u.map(round),
      tf: false,
    })),
  };
}

if (process.argv[1]?.endsWith('registry-model.ts')) {
  const model = await trainRegistryModel();
  const out = new URL('../../apps/server/src/modules/registry/registry.model.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`wrote ${out.pathname}`);
}
