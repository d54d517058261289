import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
  type RouteOptions,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import pretty from 'pino-pretty';
import type { Config } from './config';
import type { Db } from './db/dialect';
import { adminRoutes } from './modules/admin/admin.routes';
import { auditRoutes } from './modules/admin/audit.routes';
import { casesRoutes } from './modules/cases/cases.routes';
import { directoryRoutes } from './modules/directory/directory.routes';
import { exchangeRoutes } from './modules/exchange/exchange.routes';
import { crisisRoutes } from './modules/registry/crisis.routes';
import { belongingsRoutes } from './modules/registry/belongings.routes';
import { registryRoutes } from './modules/registry/registry.routes';
import { registryDuplicatesRoutes } from './modules/registry/registry-duplicates.routes';
import { registryMrzRoutes } from './modules/registry/registry-mrz.routes';
import { registrySharesRoutes } from './modules/registry/registry-shares.routes';
import { registryDocumentsRoutes } from './modules/registry/registry-documents.routes';
import { healthRoutes } from './modules/health/health.routes';
import { homeRoutes } from './modules/home/home.routes';
import { incidentsRoutes } from './modules/incidents/incidents.routes';
import { statsRoutes } from './modules/stats/stats.routes';
import { authRoutes } from './platform/auth/auth.routes';
import { type Clock, systemClock } from './platform/clock';
import type { Deps } from './platform/context';
import { notFound, registerErrorHandling } from './platform/errors';
import { filesRoutes } from './platform/files/files.routes';
import { handlingRoutes } from './platform/handling/handling.routes';
import { notificationsRoutes } from './platform/notifications/notifications.routes';
import { registerSession } from './platform/session/session.plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, for the deny-by-default test and the OpenAPI document. */
    registeredRoutes: RouteOptions[];
    deps: Deps;
  }
}

export interface BuildOptions {
  db: Db;
  config: Config;
  clock?: Clock;
  /** Requests per minute per address on the whole API (sign-in has its own, lower limit). */
  rateLimitMax?: number;
  /** Where log lines go (standard output by default; tests read them). */
  logStream?: NodeJS.WritableStream;
}

/** The message of a request's one log line: `GET /api/incidents 200 12.3 ms`, never a query string. */
interface RequestLine {
  req?: { method?: string; path?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

/**
 * One log line per request, written when it is answered (Fastify writes two: "incoming request"
 * and "request completed"): method and path (the serializers below drop the query string),
 * status and time. Fastify's other request logs (errors, not found, streams) are kept.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

/**
 * The logger: JSON lines (for log shipping) or, on a terminal, one readable line each
 * (pino-pretty, in the process). Never query strings, cookies or bodies: personal data stays out
 * of logs.
 */
function loggerOptions(config: Config, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  const base = {
    level: config.logLevel,
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        path: String(req.url).split('?')[0],
        id: req.id,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
  };
  if (config.logFormat === 'json') return stream ? { ...base, stream } : base;
  return {
    ...base,
    stream: pretty({
      sync: true,
      destination: stream ?? 1,
      colorize: !stream && process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,reqId,req,res,responseTime',
      singleLine: true,
      messageFormat: (log, messageKey) => {
        const { req, res, responseTime } = log as RequestLine;
        if (req?.method && res?.statusCode !== undefined && responseTime !== undefined) {
          return `${req.method} ${req.path} ${res.statusCode} ${responseTime} ms`;
        }
        return String(log[messageKey] ?? '');
      },
    }),
  };
}

const LOCAL_HOSTS = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const deps: Deps = { db: opts.db, config: opts.config, clock: opts.clock ?? systemClock };
  const app = Fastify({
    trustProxy: process.env.TRUST_PROXY === '1',
    logger: loggerOptions(opts.config, opts.logStream),
    logController: new OneLinePerRequest(),
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', deps);
  app.decorate('registeredRoutes', [] as RouteOptions[]);
  app.addHook('onRoute', (route) => {
    app.registeredRoutes.push(route);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(cookie);
  await app.register(helmet, {
    hsts: false, // sent below, outside localhost only
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    global: true,
    max: opts.rateLimitMax ?? Number(process.env.ENLACE_RATE_LIMIT ?? 1200),
    timeWindow: '1 minute',
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Enlace API',
        version: '0.1.0',
        description: 'Regional platform against migrant smuggling',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: '__Host-enlace_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onSend', async (request, reply) => {
    if (
      request.url.startsWith('/api/') ||
      request.url.startsWith('/healthz') ||
      request.url.startsWith('/readyz')
    ) {
      reply.header('cache-control', 'no-store');
    }
    if (!LOCAL_HOSTS.test(request.headers.host ?? '')) {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
  });

  registerSession(app, deps);

  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(adminRoutes);
  await app.register(auditRoutes);
  await app.register(incidentsRoutes);
  await app.register(casesRoutes);
  await app.register(statsRoutes);
  await app.register(homeRoutes);
  await app.register(filesRoutes);
  await app.register(directoryRoutes);
  await app.register(exchangeRoutes);
  await app.register(registryRoutes);
  await app.register(registryDuplicatesRoutes);
  await app.register(registryMrzRoutes);
  await app.register(crisisRoutes);
  await app.register(belongingsRoutes);
  await app.register(registrySharesRoutes);
  await app.register(registryDocumentsRoutes);
  await app.register(notificationsRoutes);
  await app.register(handlingRoutes);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  if (opts.config.webDist) {
    // Files are served by the route below, which declares its access like every other route.
    await app.register(fastifyStatic, { root: opts.config.webDist, serve: false });
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (path.startsWith('/api/')) throw notFound();
      if (path.startsWith('/assets/')) {
        return reply.sendFile(path.slice(1), { maxAge: '365d', immutable: true });
      }
      if (/^\/[\w.-]+\.(ico|svg|png|txt|webmanifest)$/.test(path)) return reply.sendFile(path.slice(1));
      // Every other path is a screen of the single-page app.
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
