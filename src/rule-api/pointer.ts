// JSON Pointer (RFC 6901) helpers: the one way findings name a place in a document.

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return []
  const parts = pointer.slice(1).split('/')
  // Most pointers escape nothing (a finding's is asked for twice per place): split alone.
  return pointer.includes('~') ? parts.map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~')) : parts
}

export function joinPointer(...parts: Array<string | number>): string {
  return parts.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
}

function walk(data: unknown, parts: readonly string[]): unknown {
  let node: unknown = data
  for (const part of parts) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}

/** The value at `pointer` in plain data, or undefined. */
export function getAt(data: unknown, pointer: string): unknown {
  return walk(data, parsePointer(pointer))
}

/** Replace the value at `pointer` in plain data; a no-op when its parent does not exist. */
export function setAt(data: unknown, pointer: string, value: unknown): void {
  const parts = parsePointer(pointer)
  const last = parts.pop()
  const parent = walk(data, parts)
  if (last !== undefined && parent !== null && typeof parent === 'object') {
    ;(parent as Record<string, unknown>)[last] = value
  }
}
