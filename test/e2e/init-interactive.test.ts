// `pch init` as a person uses it: driven through a real pseudo-terminal (tmux), typing answers,
// seeing a bad ODS code and an impossible target refused with the reason, and correcting them;
// answers read as the flags read them; Ctrl-C at a prompt.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {BIN, cli, tempDir} from '../helpers.js'

const socket = `pch-test-${process.pid}`
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'})
const screen = (): string => tmux('capture-pane', '-p', '-t', 'init', '-S', '-200')

/** Wait until the screen shows `text` (prompts render asynchronously), then return it. */
async function waitFor(text: string, timeout = 15_000): Promise<string> {
  const end = Date.now() + timeout
  for (;;) {
    const shown = screen()
    if (shown.includes(text)) return shown
    if (Date.now() > end) throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen:\n${shown}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function answer(prompt: string, ...keys: string[]): Promise<void> {
  await waitFor(prompt)
  tmux('send-keys', '-t', 'init', ...keys)
}

/** A new tmux session "init" (ending the one before) running `pch ARGS` in `dir`, then echoing EXIT:<status>. */
function start(dir: string, args: string): void {
  spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'init'])
  const command = `cd '${dir}' && pch() { NO_COLOR=1 '${process.execPath}' '${BIN}' "$@"; } && pch ${args}; echo "EXIT:$?"; sleep 600`
  tmux('new-session', '-d', '-s', 'init', '-x', '140', '-y', '50', command)
}

afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server'])
})

describe('pch init in a terminal', () => {
  it('asks, refuses a bad ODS code and a target that misses its baseline with the reason, and writes a valid file', async () => {
    const dir = tempDir('pch-tty-')
    start(dir, 'init --dir sites --today 2026-11-01')
    await answer('Site name', 'Harbour Primary Care Home', 'Enter')
    await answer('Site id', 'C-u', 'harbour', 'Enter')
    await answer('Status', 'Enter')
    await answer('Record the commissioning ICB?', 'Enter')
    await answer('ICB code', 'QXY', 'Enter')
    await answer('ICB name', 'North ICB', 'Enter')
    await answer('Practice 1: ODS code', 'a8100', 'Enter')
    const refused = await waitFor('is not a valid GP practice code')
    expect(refused).toContain('"a8100" is not a valid GP practice code: expected a capital letter followed by five digits, e.g. A81001')
    tmux('send-keys', '-t', 'init', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'A81001', 'Enter')
    await answer('Practice 1: name', 'Riverside Surgery', 'Enter')
    await answer('Practice 1: list size', '14250', 'Enter')
    expect(await waitFor('Running population 14,250')).toContain('Running population 14,250: 15,750 short of the 30,000-50,000 band')
    await answer('Add another practice?', 'Enter')
    await answer('Practice 2: ODS code', 'A81002', 'Enter')
    await answer('Practice 2: name', 'Bridge Street Medical Centre', 'Enter')
    await answer('Practice 2: list size', '21850', 'Enter')
    expect(await waitFor('Running population 36,100')).toContain('Running population 36,100: within the 30,000-50,000 band')
    await answer('Add another practice? (Y/n)', 'n', 'Enter')
    await answer('Partner 1: sector', 'Down', 'Down', 'Down', 'Enter')
    await answer('Partner 1: name', 'Harbour Hospitals NHS Foundation Trust', 'Enter')
    await answer('Partner 1: id', 'C-u', 'harbour-acute', 'Enter')
    await answer('Partner 1: ODS code', 'RX3', 'Enter')
    await answer('Add another partner?', 'y', 'Enter')
    await answer('Partner 2: sector', 'Down', 'Down', 'Down', 'Down', 'Enter')
    await answer('Partner 2: name', 'Harbour City Council', 'Enter')
    await answer('Partner 2: id', 'C-u', 'harbour-council', 'Enter')
    await answer('Partner 2: ODS code', 'Enter')
    await answer('Add another partner?', 'n', 'Enter')
    await answer('Capitation per patient per year', 'Enter')
    await answer('Risk-share model', 'Enter')
    await answer("Member practices' share", 'Enter')
    await answer("Cap on each party's loss (% of the budget) (3)", 'Enter')
    await answer('Personalisation approaches', 'Enter')
    await answer('Who is care-planning for?', 'Enter')
    await answer('One population-health outcome to improve', 'Enter')
    await answer('Better is', 'Enter')
    await answer('Baseline value', 'Enter')
    await answer('Target value', '105', 'Enter')
    expect(await waitFor('The target must be below the baseline 100')).toContain('The target must be below the baseline 100')
    tmux('send-keys', '-t', 'init', 'BSpace', 'BSpace', 'BSpace', '92', 'Enter')
    const done = await waitFor('EXIT:')
    expect(done).toContain('Created sites/harbour.pch.yaml from the standard template.')
    expect(done).toContain('pch validate: no problems.')
    expect(done).toContain('EXIT:0')
    const file = path.join(dir, 'sites', 'harbour.pch.yaml')
    expect(existsSync(file)).toBe(true)
    expect(readFileSync(file, 'utf8')).toContain('odsCode: RX3')
    expect(cli(['lint', 'sites', '--today', '2026-11-01', '--format', 'json'], {cwd: dir}).status).toBe(0)
  }, 120_000)

  it('runs the first example of pch init --help as shown, and Ctrl-C at the first prompt writes nothing (exit 130)', async () => {
    const dir = tempDir('pch-tty-')
    const example = /^ +\$ pch (init.*)$/m.exec(cli(['init', '--help']).stdout.split('\nEXAMPLES\n')[1]!)![1]!
    expect(example).toBe('init')
    start(dir, example)
    await answer('Site name', 'C-c')
    const done = await waitFor('EXIT:')
    expect(done).toContain('pch: init cancelled; nothing written\nEXIT:130')
    expect(done).not.toContain('internal error')
    expect(readdirSync(dir)).toEqual([])
  }, 60_000)

  it('reads answers as the flags read them (14,250; a81001 and qxy in capitals, with a note), refuses what validate would, and Ctrl-C at a later prompt writes nothing', async () => {
    const dir = tempDir('pch-tty-')
    mkdirSync(path.join(dir, 'sites'))
    symlinkSync('../outside.txt', path.join(dir, 'sites', 'harbour.pch.yaml'))
    start(dir, 'init --dir sites --today 2026-11-01')
    await answer('Site name', 'Harbour Primary Care Home', 'Enter')
    await answer('Site id', 'C-u', 'harbour', 'Enter')
    expect(await waitFor('is a symbolic link')).toContain(
      'sites/harbour.pch.yaml is a symbolic link (to "../outside.txt"); pch init never writes through a link or replaces one',
    )
    tmux('send-keys', '-t', 'init', 'C-u', 'harbour-north', 'Enter')
    await answer('Status', 'Enter')
    await answer('Record the commissioning ICB?', 'Enter')
    await answer('ICB code', 'qxy', 'Enter')
    expect(await waitFor('ICB code "qxy"')).toContain('ICB code "qxy" is written QXY (ODS codes are in capitals).')
    await answer('ICB name', 'North ICB', 'Enter')
    await answer('Practice 1: ODS code', 'a81001', 'Enter')
    expect(await waitFor('Practice code "a81001"')).toContain('Practice code "a81001" is written A81001 (ODS codes are in capitals).')
    await answer('Practice 1: name', 'Riverside Surgery', 'Enter')
    await answer('Practice 1: list size', '14250.5', 'Enter')
    const refused = await waitFor('is not a list size')
    expect(refused).toContain('"14250.5" is not a list size: expected a whole number of registered patients, e.g. 14250 or 14,250')
    expect(refused).not.toContain('multiple of')
    tmux('send-keys', '-t', 'init', 'C-u', '14,250', 'Enter')
    expect(await waitFor('Running population 14,250')).toContain('Running population 14,250: 15,750 short of the 30,000-50,000 band')
    await answer('Add another practice?', 'Enter')
    await answer('Practice 2: ODS code', 'A81001', 'Enter')
    expect(await waitFor('listed more than once')).toContain(
      'Practice A81001 is listed more than once (first as practice 1); its patients would be counted twice',
    )
    tmux('send-keys', '-t', 'init', 'C-u', 'A81002', 'Enter')
    await answer('Practice 2: name', 'Bridge Street Medical Centre', 'Enter')
    await answer('Practice 2: list size', '21850', 'Enter')
    await answer('Add another practice? (Y/n)', 'n', 'Enter')
    await answer('Partner 1: sector', 'C-c')
    const done = await waitFor('EXIT:')
    expect(done).toContain('pch: init cancelled; nothing written\nEXIT:130')
    expect(readdirSync(path.join(dir, 'sites'))).toEqual(['harbour.pch.yaml'])
    expect(readdirSync(dir)).toEqual(['sites'])
  }, 120_000)
})
