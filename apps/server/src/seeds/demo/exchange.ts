import type { HandlingCodes } from '@enlace/shared';
import { createThread, postMessage } from '../../modules/exchange/exchange.service';
import { buildActor } from '../../platform/authz/access';
import type { Ctx } from '../../platform/context';

const H0: HandlingCodes = { handling: 'H0', reliability: 'B', accuracy: '2' };
const H2: HandlingCodes = { handling: 'H2', reliability: 'A', accuracy: '2' };
const H1: HandlingCodes = { handling: 'H1', reliability: 'B', accuracy: '3' };

/**
 * A few exchanges between the demo accounts (through the exchange's own service): an urgent alert
 * answered across the border, a formal request whose H2 information cannot be passed on without
 * its provider, a broadcast to the network and a thread of the prosecutors' channel. Everything
 * names "demo".
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
  const mx = as('enlace.mx');
  const gt = as('enlace.gt');
  const cr = as('fiscal.cr');
  const pa = as('analista.pa');

  const alert = await createThread(gt, {
    subject: 'Lancha con unas 40 personas salió de Ocós hacia Chiapas (demo)',
    type: 'alert',
    priority: 'urgent',
    participants: [{ kind: 'country', ref: 'MEX' }],
    message: {
      body: 'Salida estimada a las 02:00 desde la playa de Ocós. Embarcación de fibra blanca, dos motores. Posibles menores a bordo. (demo)',
      codes: H0,
    },
  });
  await postMessage(mx, alert.id, {
    body: 'Recibido. La Marina patrulla la costa de Suchiate; les informamos del resultado. (demo)',
    codes: H0,
  });

  await createThread(mx, {
    subject: 'Solicitud: titulares de cuentas que reciben pagos de la red de Tapachula (demo)',
    type: 'formal_request',
    priority: 'normal',
    participants: [{ kind: 'country', ref: 'GTM' }],
    message: {
      body: 'La unidad de inteligencia financiera identificó tres cuentas en Quetzaltenango que reciben depósitos de familiares de migrantes. Solicitamos los titulares y movimientos de los últimos seis meses. (demo)',
      codes: H2,
    },
  });

  await createThread(pa, {
    subject: 'Alerta regional: documentos de viaje falsificados de la misma serie (demo)',
    type: 'alert',
    priority: 'normal',
    participants: [{ kind: 'network' }],
    message: {
      body: 'Pasaportes con la misma serie de fondo de seguridad detectados en Tocumen y en Paso Canoas. Rasgos: laminado con burbujas en la página de datos. (demo)',
      codes: H0,
    },
  });

  await createThread(cr, {
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
