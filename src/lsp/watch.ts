// For an editor that cannot watch files for the server (no dynamic registration of
// workspace/didChangeWatchedFiles, as Neovim 0.7): the server watches the directories that hold
// the workspace's definitions and configs itself, each directory on its own (not recursively, so a
// node_modules never costs a watch). A directory made later is not seen until the folder is read again.
import {watch, type FSWatcher} from 'node:fs'
import path from 'node:path'

export class DirectoryWatcher {
  private readonly watchers = new Map<string, FSWatcher>()

  constructor(private readonly changed: (file: string) => void) {}

  /** Watch exactly these directories from now on. */
  set(directories: ReadonlySet<string>): void {
    for (const [dir, watcher] of this.watchers) {
      if (directories.has(dir)) continue
      watcher.close()
      this.watchers.delete(dir)
    }
    for (const dir of directories) {
      if (this.watchers.has(dir)) continue
      try {
        const watcher = watch(dir, {persistent: false}, (_event, name) => {
          if (name) this.changed(path.join(dir, name.toString()))
        })
        // A directory removed or unreadable later: stop watching it, never crash the server.
        watcher.on('error', () => {
          watcher.close()
          this.watchers.delete(dir)
        })
        this.watchers.set(dir, watcher)
      } catch {
        // gone, or not a directory: nothing to watch
      }
    }
  }

  close(): void {
    this.set(new Set())
  }
}
