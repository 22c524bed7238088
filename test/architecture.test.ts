// The layering of src/ (README "Architecture") as dependency-cruiser checks it: the tree passes, and
// an upward import or a cycle in a small tree of the same folders fails, naming the rule it breaks.
import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, useTempDir} from './helpers.js'

const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs')
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs')

function depcruise(cwd: string): {status: number | null; out: string} {
  const result = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'err'], {cwd, encoding: 'utf8'})
  return {status: result.status, out: `${result.stdout}${result.stderr}`}
}

describe('the layers', () => {
  it('npm run lint:deps passes on the tree: no cycle, no upward import', () => {
    const {scripts} = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {scripts: Record<string, string>}
    expect(scripts['lint:deps']).toBe('depcruise src --config .dependency-cruiser.cjs')
    const {status, out} = depcruise(ROOT)
    expect(out).toContain('no dependency violations found')
    expect(status).toBe(0)
  })

  describe('a tree that breaks them', () => {
    const temp = useTempDir('pch-layers-')
    const write = (file: string, text: string): void => {
      mkdirSync(path.dirname(path.join(temp.path, file)), {recursive: true})
      writeFileSync(path.join(temp.path, file), text)
    }

    it('fails, naming each upward import (a type-only one too) and the cycle', () => {
      // A tree of pch's folders whose downward imports are all allowed, and one file per broken arrow.
      write('tsconfig.json', '{"compilerOptions": {"module": "NodeNext", "moduleResolution": "NodeNext", "strict": true}}\n')
      write('src/rule-api/types.ts', 'export type Check = number\n')
      write('src/rules/size-band.ts', "import type {Check} from '../rule-api/types.js'\nconst rule: Check = 1\nexport default rule\n")
      write('src/engine/check.ts', "import type {Check} from '../rule-api/types.js'\nexport type {Check}\n")
      write('src/report/model.ts', "import type {Check} from '../engine/check.js'\nexport type Model = Check\n")
      write('src/cli/flags.ts', "import type {Model} from '../report/model.js'\nexport const flag: Model = 1\n")
      write('src/commands/lint.ts', "import {flag} from '../cli/flags.js'\nexport default flag\n")
      write('src/engine/uses-rule.ts', "import rule from '../rules/size-band.js'\nexport default rule\n")
      write('src/rules/uses-engine.ts', "import type {Check} from '../engine/check.js'\nexport type Rule = Check\n")
      write('src/rule-api/uses-rule.ts', "import rule from '../rules/size-band.js'\nexport default rule\n")
      write('src/report/uses-cli.ts', "import {flag} from '../cli/flags.js'\nexport default flag\n")
      write('src/cli/uses-command.ts', "import lint from '../commands/lint.js'\nexport default lint\n")
      write('src/engine/parse.ts', "import {fast} from './fast-parse.js'\nexport const limits = 1\nexport const parse = fast\n")
      write('src/engine/fast-parse.ts', "import {limits} from './parse.js'\nexport const fast = limits\n")
      const {status, out} = depcruise(temp.path)
      const errors = out.split('\n').flatMap((line) => (/^\s+error (\S+): (\S+) → (\S*)/.exec(line) ?? []).slice(1, 4).join(' ') || [])
      expect(errors.sort()).toEqual([
        'cli-below-the-commands src/cli/uses-command.ts src/commands/lint.ts',
        'engine-has-rules-handed-in src/engine/uses-rule.ts src/rules/size-band.ts',
        'features-below-the-cli src/report/uses-cli.ts src/cli/flags.ts',
        'no-circular src/engine/fast-parse.ts ',
        'rule-api-is-the-floor src/rule-api/uses-rule.ts src/rules/size-band.ts',
        'rules-see-the-rule-api src/rules/uses-engine.ts src/engine/check.ts',
      ])
      expect(out).toMatch(/no-circular: src\/engine\/fast-parse\.ts → \n\s+src\/engine\/parse\.ts →\n\s+src\/engine\/fast-parse\.ts/)
      expect(out).toContain('x 6 dependency violations (6 errors, 0 warnings)')
      expect(status).not.toBe(0)
    })
  })
})
