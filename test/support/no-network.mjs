/**
 * Preload (`node --import ./test/support/no-network.mjs …`) that forbids the network: sockets (net, tls), DNS
 * (callbacks, promises, Resolver objects), http(s) requests and fetch all throw, and each attempt is recorded on
 * stderr as `[no-network] blocked <api> <target>` so a test can assert there was none. Worker threads inherit the
 * preload through execArgv. With NO_NETWORK_ANNOUNCE=1 each armed thread says so (to prove the preload ran there).
 */
import { writeSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { threadId } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');

/** A short description of what a call tried to reach. */
function target(args) {
  try {
    return args
      .filter((a) => typeof a !== 'function')
      .map((a) => (typeof a === 'object' && a !== null ? JSON.stringify(a, (k, v) => (k === 'agent' || k === 'signal' ? undefined : v)) : String(a)))
      .join(' ')
      .slice(0, 200);
  } catch {
    return '?';
  }
}

/** Records the attempt (synchronously: a worker may die right after) and returns the error to throw. */
function refuse(api, args) {
  const line = `[no-network] blocked ${api} ${target(args)} (thread ${threadId})\n`;
  try {
    writeSync(2, line);
  } catch {
    // stderr closed: the thrown error still stops the call.
  }
  const error = new Error(`network access is forbidden in this test (${api})`);
  error.code = 'ENETUNREACH';
  return error;
}

/** Replaces `object[name]` by a function that refuses. */
function block(object, name, api, { async = false } = {}) {
  if (typeof object?.[name] !== 'function') return;
  const replacement = async
    ? function (...args) {
        return Promise.reject(refuse(api, args));
      }
    : function (...args) {
        throw refuse(api, args);
      };
  Object.defineProperty(replacement, 'name', { value: name });
  object[name] = replacement;
}

block(net, 'connect', 'net.connect');
block(net, 'createConnection', 'net.createConnection');
block(net.Socket.prototype, 'connect', 'net.Socket.connect');
block(tls, 'connect', 'tls.connect');
for (const mod of [http, https]) {
  const name = mod === http ? 'http' : 'https';
  block(mod, 'request', `${name}.request`);
  block(mod, 'get', `${name}.get`);
}

const DNS_METHODS = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx',
  'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];
for (const method of DNS_METHODS) {
  block(dns, method, `dns.${method}`);
  block(dns.Resolver.prototype, method, `dns.Resolver.${method}`);
  block(dns.promises, method, `dns.promises.${method}`, { async: true });
  block(dns.promises.Resolver.prototype, method, `dns.promises.Resolver.${method}`, { async: true });
}

if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = function fetch(...args) {
    return Promise.reject(refuse('fetch', [args[0] instanceof Request ? args[0].url : args[0]]));
  };
}

// ESM named imports of built-ins (`import { connect } from 'node:net'`) see the replacements too.
syncBuiltinESMExports();

if (process.env.NO_NETWORK_ANNOUNCE === '1') writeSync(2, `[no-network] armed (thread ${threadId})\n`);
