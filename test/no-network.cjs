// Preloaded (NODE_OPTIONS=--require) into every pch process the tests start, and into their worker
// threads: any attempt to reach the network, or to open any socket at all, ends the process with
// exit code 99 and says what tried. pch must work offline, so no test can pass if this fires.
'use strict'
const net = require('node:net')
const dgram = require('node:dgram')
const dns = require('node:dns')

function refuse(what) {
  return function () {
    process.stderr.write(`no-network guard: ${what} was called; pch must never open a socket\n`)
    process.exit(99)
  }
}

net.Socket.prototype.connect = refuse('net.Socket#connect')
net.Server.prototype.listen = refuse('net.Server#listen')
dgram.Socket.prototype.bind = refuse('dgram.Socket#bind')
dgram.Socket.prototype.send = refuse('dgram.Socket#send')
const lookups = [
  'lookup',
  'lookupService',
  'reverse',
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCaa',
  'resolveCname',
  'resolveMx',
  'resolveNaptr',
  'resolveNs',
  'resolvePtr',
  'resolveSoa',
  'resolveSrv',
  'resolveTxt',
]
for (const name of lookups) {
  dns[name] = refuse(`dns.${name}`)
  dns.promises[name] = refuse(`dns.promises.${name}`)
  dns.Resolver.prototype[name] = refuse(`dns.Resolver#${name}`)
  dns.promises.Resolver.prototype[name] = refuse(`dns.promises.Resolver#${name}`)
}
