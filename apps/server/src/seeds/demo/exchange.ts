import type { HandlingCodes } from '@enlace/shared';
import { acknowledgeThread, createThread, postMessage } from '../../modules/exchange/exchange.service';
import { buildActor } from '../../platform/authz/access';
import type { Ctx } from '../../platform/context';

const H0: HandlingCodes = { handling: 'H0', reliability: 'B', accuracy: '2' };
const H2: HandlingCodes = { handling: 'H2', reliability: 'A', accuracy: '2' };
const H1: HandlingCodes = { handling: 'H1', reliability: 'B', accuracy: '3' };

const HOUR = 3_600_000;

/**
 * A few exchanges between the demo accounts (through the exchange's own service): urgent alerts
 * acknowledged and answered across the border (one after its deadline), a formal request whose H2
 * information cannot be passed on without its provider, a broadcast to the network and a thread of
 * the prosecutors' channel. They happened over the last three days, so that the statistics show
 * response times. Everything names "demo".
 */
export async function seedDemoExchange(ctx: Ctx): Promise<void> {
  const users = await ctx.db.kysely
    .selectFrom('users')
    .select(['id', 'email', 'role', 'country_code', 'agency_id'])
    .where('is_demo', '=', 1)
    .execute();
  const as = (local: string): Ctx => {
    const u = users.find((x) => x.email.startsWith(`${local}@`));
    if (!u) throw new Error(`demo account ${local} missing`);
    return { ...ctx, actor: buildActor(u, 'demo-seed') };
  };
  // `hours` after the first exchange, three days ago: each step at its own moment.
  const start = ctx.clock.now().getTime() - 72 * HOUR;
  const at = (who: Ctx, hours: number): Ctx => ({
    ...who,
    clock: { now: () => new Date(start + hours * HOUR) },
  });
  const mx = as('enlace.mx');
  const gt = as('enlace.gt');
  const cr = as('fiscal.cr');
  const pa = as('analista.pa');

  const alert = await createThread(at(gt, 0), {
    subject: 'Lancha con unas 40 personas salió de Ocós hacia Chiapas (demo)',
    type: 'alert',
    priority: 'urgent',
    participants: [{ kind: 'country', ref: 'MEX' }],
    message: {
      body: 'Salida estimada a las 02:00 desde la playa de Ocós. Embarcación de fibra blanca, dos motores. Posibles menores a bordo. (demo)',
      codes: H0,
    },
  });
  await acknowledgeThread(at(mx, 25 / 60), alert.id);
  await postMessage(at(mx, 130 / 60), alert.id, {
    body: 'Recibido. La Marina patrulla la costa de Suchiate; les informamos del resultado. (demo)',
    codes: H0,
  });

  const request = await createThread(at(mx, 5), {
    subject: 'Solicitud: titulares de cuentas que reciben pagos de la red de Tapachula (demo)',
    type: 'formal_request',
    priority: 'normal',
    participants: [{ kind: 'country', ref: 'GTM' }],
    message: {
      body: 'La unidad de inteligencia financiera identificó tres cuentas en Quetzaltenango que reciben depósitos de familiares de migrantes. Solicitamos los titulares y movimientos de los últimos seis meses. (demo)',
      codes: H2,
    },
  });

  await acknowledgeThread(at(gt, 9 + 40 / 60), request.id);
  await postMessage(at(gt, 35), request.id, {
    body: 'La UIF reunió los movimientos de las tres cuentas; los titulares se envían por la vía formal. (demo)',
    codes: H2,
  });

  const truck = await createThread(at(gt, 30), {
    subject: 'Camión de carga con personas ocultas rumbo a Tecún Umán (demo)',
    type: 'alert',
    priority: 'urgent',
    participants: [{ kind: 'country', ref: 'MEX' }],
    message: {
      body: 'Tráiler de placas mexicanas detectado en Coatepeque; la báscula registró peso anómalo. (demo)',
      codes: H0,
    },
  });
  await acknowledgeThread(at(mx, 30 + 50 / 60), truck.id);
  // Past its eight hours: a late answer, as the statistics should show.
  await postMessage(at(mx, 39 + 15 / 60), truck.id, {
    body: 'El tráiler cruzó antes del aviso; se localizó en Huixtla con 23 personas, atendidas por el INM. (demo)',
    codes: H0,
  });

  await createThread(at(pa, 40), {
    subject: 'Alerta regional: documentos de viaje falsificados de la misma serie (demo)',
    type: 'alert',
    priority: 'normal',
    participants: [{ kind: 'network' }],
    message: {
      body: 'Pasaportes con la misma serie de fondo de seguridad detectados en Tocumen y en Paso Canoas. Rasgos: laminado con burbujas en la página de datos. (demo)',
      codes: H0,
    },
  });

  await createThread(at(cr, 48), {
    subject: 'Coordinación de fiscalías: caso de tráfico por Peñas Blancas (demo)',
    type: 'informal',
    priority: 'normal',
    channel: 'prosecutors',
    participants: [
      { kind: 'country', ref: 'NIC' },
      { kind: 'country', ref: 'PAN' },
    ],
    message: {
      body: 'Buscamos coordinar la declaración de dos víctimas que ya regresaron a su país. ¿Qué vía de asistencia judicial recomiendan? (demo)',
      codes: H1,
    },
  });
}
