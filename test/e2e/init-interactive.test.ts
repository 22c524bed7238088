// `pch init` as a person uses it: driven through a real pseudo-terminal (tmux), typing answers,
// seeing a bad ODS code and an impossible target refused with the reason, and correcting them.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
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

afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server'])
})

describe('pch init in a terminal', () => {
  it('asks, refuses a bad ODS code and a target that misses its baseline with the reason, and writes a valid file', async () => {
    const dir = tempDir('pch-tty-')
    const command = `cd '${dir}' && NO_COLOR=1 '${process.execPath}' '${BIN}' init --dir sites --today 2026-11-01; echo "EXIT:$?"; sleep 600`
    tmux('new-session', '-d', '-s', 'init', '-x', '140', '-y', '50', command)
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
})
