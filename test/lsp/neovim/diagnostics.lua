-- Run by test/lsp/neovim.test.ts in `nvim --headless --clean`: open PCH_FILE, attach `pch lsp`
-- (vim.lsp.start where this Neovim has it, 0.8+; start_client and buf_attach_client before),
-- wait for its diagnostics, write what Neovim holds to PCH_OUT as JSON, stop the server and quit.
local env = vim.env
vim.cmd('edit ' .. vim.fn.fnameescape(env.PCH_FILE))
local buf = vim.api.nvim_get_current_buf()
local config = {name = 'pch', cmd = {env.PCH_NODE, env.PCH_BIN, 'lsp', '--stdio', '--today', env.PCH_TODAY}, root_dir = env.PCH_ROOT}
local id
if vim.lsp.start then
  id = vim.lsp.start(config)
else
  id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(buf, id)
end
local got = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
local list = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(list, {lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, code = d.code, source = d.source, message = d.message})
end
local out = io.open(env.PCH_OUT, 'w')
out:write(vim.fn.json_encode({attached = got, diagnostics = list}))
out:close()
vim.lsp.stop_client(id)
vim.wait(10000, function() return vim.lsp.client_is_stopped(id) end, 20)
vim.cmd('qa!')
