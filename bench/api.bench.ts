// `npm run bench:api`: authenticated read throughput of Enlace (session lookup, access check,
// a database query, zod serialisation, security headers) against a bare Fastify route serving
// the same JSON, in the same run, on the same machine. Servers run in a child process.
import { fork } from 'node:child_process';
import autocannon from 'autocannon';

const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

const child = fork(new URL('./api-servers.ts', import.meta.url), {
  execArgv: [
    '--import',
    'tsx',
    ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
  ],
});
const targets = await new Promise<{ enlace: string; bare: string; cookie: string; dialect: string }>(
  (resolve, reject) => {
    child.once('message', (m) =>
      resolve(m as { enlace: string; bare: string; cookie: string; dialect: string }),
    );
    child.once('exit', (code) => reject(new Error(`benchmark servers exited (${code})`)));
  },
);

async function measure(url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, connections, duration: 2, headers }); // warm-up
  const r = await autocannon({ url, connections, duration, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total };
}

const bare = await measure(targets.bare);
const enlace = await measure(targets.enlace, { cookie: targets.cookie });
child.disconnect();

const row = (name: string, m: typeof bare) =>
  `${name.padEnd(42)} ${m.rps.toFixed(0).padStart(8)} req/s   p50 ${String(m.p50).padStart(3)} ms   p99 ${String(m.p99).padStart(3)} ms   (${m.total} requests)`;
console.log(`\nGET /api/countries, ${connections} connections, ${duration} s, database: ${targets.dialect}`);
console.log(row('bare Fastify route (same JSON)', bare));
console.log(row('Enlace, signed in (session + access + DB)', enlace));
console.log(`ratio Enlace / bare: ${(enlace.rps / bare.rps).toFixed(2)}\n`);
