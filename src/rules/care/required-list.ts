// Shared check of the rules that require a non-empty list inside spec.care.
import {defineRule, type RuleMeta} from '../../rule-api/rule.js'
import {care, isObject, missingOrEmpty} from '../../rule-api/site.js'

/** Fires when the list at spec/care/<keys> is missing (or a section above it is) or empty. */
export function requiredListRule(meta: RuleMeta, keys: string[], message: string) {
  return defineRule({
    meta,
    messages: {missing: message},
    check({data, report}) {
      let node: unknown = care(data)
      if (node === undefined) return
      for (const key of keys) {
        if (node === undefined) break
        if (!isObject(node)) return
        node = node[key]
      }
      if (missingOrEmpty(node)) report({path: `/spec/care/${keys.join('/')}`, messageId: 'missing'})
    },
  })
}
