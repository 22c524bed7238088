// Nothing may need the network (cli.md): every pch process the tests start, its worker threads and
// the test processes themselves run under test/no-network.cjs, which ends a process that opens a
// socket with exit code 99. These tests show the guard catches each way out, and that every
// command runs under it.
import {spawnSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {cli, riverside, SHARED, TODAY, useTempDir, withoutNetwork} from '../helpers.js'

const temp = useTempDir('pch-offline-')

describe('the no-network guard', () => {
  it.each([
    ['a TCP connection', "require('node:net').connect(443, '127.0.0.1')"],
    ['an HTTPS request', "require('node:https').get('https://digital.nhs.uk/')"],
    ['fetch', "fetch('https://files.digital.nhs.uk/').catch(() => {})"],
    ['a DNS lookup', "require('node:dns').lookup('nhs.uk', () => {})"],
    ['a UDP datagram', "require('node:dgram').createSocket('udp4').send('x', 53, '127.0.0.1')"],
    ['a server', "require('node:http').createServer().listen(0)"],
    [
      'a worker thread connecting',
      "new (require('node:worker_threads').Worker)(\"require('node:net').connect(443, '127.0.0.1')\", {eval: true}).on('exit', (code) => process.exit(code))",
    ],
  ])('ends a process that tries %s, with exit code 99', (_what, code) => {
    const r = spawnSync(process.execPath, ['-e', code], {
      encoding: 'utf8',
      env: {...process.env, NODE_OPTIONS: withoutNetwork(process.env.NODE_OPTIONS)},
      timeout: 20_000,
    })
    expect(r.status).toBe(99)
    expect(r.stderr).toMatch(/^no-network guard: .+ was called; pch must never open a socket$/m)
  })
})

describe('every command runs under the guard', () => {
  it.each([
    [['--version']],
    [['--help']],
    [['validate', 'site.pch.yaml']],
    [['lint', 'site.pch.yaml', '--fix', '--today', TODAY]],
    [['lint', '.', '--concurrency', '2', '--cache', '--today', TODAY]], // two files: one worker thread
    [['report', '.', '--format', 'html', '--output', 'report.html', '--today', TODAY]],
    [['rules']],
    [['schema', '--out', 'schemas']],
    [
      [
        'init',
        'harbour',
        '--yes',
        '--name',
        'Harbour',
        '--practice',
        'A81001:Riverside Surgery:36100',
        '--partner',
        'harbour-acute:acute:Harbour Hospitals',
        '--capitation',
        '160',
        '--today',
        TODAY,
      ],
    ],
    [['sync-list-sizes', '--from', `${SHARED}data/nhs/gp-reg-pat-prac-all-2026-04.csv`, '--check', 'site.pch.yaml']],
  ])('pch %j', (args) => {
    temp.write('site.pch.yaml', riverside())
    temp.write('other/site.pch.yaml', riverside().replace('id: riverside ', 'id: other     '))
    const r = cli(args, {cwd: temp.path})
    expect(r.stderr).not.toMatch(/no-network guard/)
    expect([0, 1]).toContain(r.status)
  })
})
