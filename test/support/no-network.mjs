// Preloaded into the command by test/commands.test.ts (`node --import`): every way out to the
// network — a TCP or TLS connection (fetch, http, https, net), a DNS look-up — is refused and
// written to the file PASSERELLE_NET_LOG names, so that a test can assert none was even tried.
import dns from 'node:dns';
import net from 'node:net';
import { appendFileSync } from 'node:fs';

const log = process.env.PASSERELLE_NET_LOG;
function refuse(what) {
  if (log) appendFileSync(log, `${what}\n`);
  const e = new Error(`network use refused by the test: ${what}`);
  e.code = 'ECONNREFUSED';
  throw e;
}
const describe = (args) => {
  const a = args[0];
  if (Array.isArray(a)) return describe(a);
  if (a && typeof a === 'object') return `${a.host ?? a.path ?? ''}:${a.port ?? ''}`;
  return `${args[1] ?? ''}:${a}`;
};
// every TCP and TLS client socket connects through net.Socket.prototype.connect
net.Socket.prototype.connect = function connect(...args) {
  return refuse(`connect ${describe(args)}`);
};
dns.lookup = (host) => refuse(`dns.lookup ${host}`);
dns.resolve = (host) => refuse(`dns.resolve ${host}`);
dns.promises.lookup = async (host) => refuse(`dns.lookup ${host}`);
dns.promises.resolve = async (host) => refuse(`dns.resolve ${host}`);
