-- End-to-end test: eventlet-lsp driven by a real Neovim (0.7 or later) through its built-in
-- LSP client, the way docs/editors/neovim.md tells users to configure it.
--
-- Run (CTest does this, see tests/e2e/CMakeLists.txt):
--   EVENTLET_LSP_SERVER=build/server/eventlet-lsp \
--   EVENTLET_LSP_FIXTURE=tests/e2e/neovim/sample.py \
--   EVENTLET_LSP_FIXES_FIXTURE=tests/e2e/neovim/fixes.py \
--   nvim --headless --clean -u NONE -c "luafile tests/e2e/neovim/e2e.lua" -c "cquit 3"
--
-- Optional: EVENTLET_LSP_E2E_LOG=/tmp/x.log makes the server log at debug level to that file.
--
-- The script always quits: exit status 0 when every check passed, 1 when one failed (the
-- failures are listed on stderr), 2 when the script itself broke. Every wait has a timeout.

local TIMEOUT_MS = 10000

local failures = {}
local function out(text)
  io.stderr:write(text .. "\n")
  io.stderr:flush()
end
local function fail(text)
  table.insert(failures, text)
  out("FAIL: " .. text)
end
local function pass(text)
  out("ok:   " .. text)
end
local function check(condition, text)
  if condition then pass(text) else fail(text) end
  return condition
end

local client_id
local client_exit
local finish_quit
local lsp_log_path, lsp_log_start

-- On failure, what Neovim's LSP log recorded during this run: every message sent and received
-- (debug level) and the server's stderr. CTest points XDG_CACHE_HOME/XDG_STATE_HOME into the
-- build tree, so that log is the test's own.
local function print_lsp_log()
  if not lsp_log_path then return end
  local file = io.open(lsp_log_path, "r")
  if not file then return end
  file:seek("set", lsp_log_start or 0)
  local lines = {}
  for line in file:lines() do
    table.insert(lines, #line > 600 and (line:sub(1, 600) .. " ...") or line)
  end
  file:close()
  local first = math.max(1, #lines - 80 + 1)
  out(string.format("--- Neovim's LSP log for this run (%s), last %d of %d lines:", lsp_log_path,
                    #lines - first + 1, #lines))
  for i = first, #lines do out(lines[i]) end
  out("--- end of the LSP log")
end

-- Client methods are called with `.` up to Neovim 0.10 and with `:` from 0.11 on.
local method_calls = vim.fn.has("nvim-0.11") == 1
local function client_notify(client, method, params)
  if method_calls then return client:notify(method, params) end
  return client.notify(method, params)
end

-- Stops the client (shutdown + exit), waits for the server process to end, then quits Neovim
-- with the status of the run. Never returns.
local function finish(status)
  if client_id then
    if client_exit then
      out(string.format("the server had already exited (code %s, signal %s)", tostring(client_exit.code),
                        tostring(client_exit.signal)))
      return finish_quit(status)
    end
    -- Neovim sends shutdown and exit to an initialized server, and kills (SIGTERM) one that is not.
    local client = vim.lsp.get_client_by_id(client_id)
    local graceful = client ~= nil and client.initialized == true
    vim.lsp.stop_client(client_id)
    local stopped = vim.wait(5000, function() return client_exit ~= nil end, 50)
    if not stopped then
      fail("the server did not exit within 5 s of shutdown/exit")
      vim.lsp.stop_client(client_id, true)
      vim.wait(1000, function() return client_exit ~= nil end, 50)
    elseif not graceful then
      out(string.format("the server was not initialized: Neovim stopped it (code %s, signal %s)",
                        tostring(client_exit.code), tostring(client_exit.signal)))
    elseif client_exit.code ~= 0 or client_exit.signal ~= 0 then
      fail(string.format("the server exited with code %s, signal %s after shutdown/exit",
                         tostring(client_exit.code), tostring(client_exit.signal)))
    else
      pass("the server exited with code 0 after shutdown/exit")
    end
  end
  finish_quit(status)
end

finish_quit = function(status)
  if status == 0 and #failures > 0 then status = 1 end
  if status == 0 then
    out("e2e.neovim: all checks passed")
    vim.cmd("qall!")
  else
    print_lsp_log()
    out(string.format("e2e.neovim: %d failure(s):", #failures))
    for _, text in ipairs(failures) do out("  - " .. text) end
    vim.cmd("cquit " .. status)
  end
end

local function env(name)
  local value = os.getenv(name)
  if value == nil or value == "" then
    error(name .. " is not set (tests/e2e/CMakeLists.txt sets it)", 0)
  end
  return value
end

-- Diagnostics of this client on the buffer, as Neovim stores them.
local function diagnostics(bufnr)
  return vim.diagnostic.get(bufnr, { namespace = vim.lsp.diagnostic.get_namespace(client_id) })
end

local function code_of(diagnostic)
  if diagnostic.code ~= nil then return diagnostic.code end
  local lsp = diagnostic.user_data and diagnostic.user_data.lsp
  return lsp and lsp.code
end

local function describe(list)
  local parts = {}
  for _, d in ipairs(list) do
    table.insert(parts, string.format("%s@%d:%d(%s, severity %s)", tostring(code_of(d)), d.lnum + 1, d.col + 1,
                                      tostring(d.source), tostring(d.severity)))
  end
  table.sort(parts)
  return #parts == 0 and "(none)" or table.concat(parts, ", ")
end

local function find(list, code, lnum)
  for _, d in ipairs(list) do
    if code_of(d) == code and (lnum == nil or d.lnum == lnum) then return d end
  end
end

-- 0-based index of the first buffer line equal to `text` (trimmed).
local function line_of(bufnr, text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)) do
    if vim.trim(line) == text then return i - 1 end
  end
  error("fixture line not found: " .. text, 0)
end

-- Waits until every expected {code, lnum} is there and every unexpected one is gone.
local function wait_for(bufnr, what, expected, absent)
  local ok = vim.wait(TIMEOUT_MS, function()
    local list = diagnostics(bufnr)
    for _, e in ipairs(expected) do
      if not find(list, e[1], e[2]) then return false end
    end
    for _, a in ipairs(absent or {}) do
      if find(list, a[1], a[2]) then return false end
    end
    return true
  end, 50)
  local list = diagnostics(bufnr)
  if not ok then
    local want = {}
    for _, e in ipairs(expected) do table.insert(want, string.format("%s@%d", e[1], e[2] + 1)) end
    local unwanted = {}
    for _, a in ipairs(absent or {}) do
      table.insert(unwanted, string.format("%s@%s", a[1], a[2] and tostring(a[2] + 1) or "any"))
    end
    fail(string.format("%s: timed out after %d ms waiting for [%s]%s; got %s", what, TIMEOUT_MS,
                       table.concat(want, ", "),
                       #unwanted > 0 and (" without [" .. table.concat(unwanted, ", ") .. "]") or "",
                       describe(list)))
  else
    pass(what .. ": " .. describe(list))
  end
  return ok, list
end

-- The diagnostics on lines first..last (0-based) as the server sent them, for a codeAction
-- context: Neovim keeps the LSP diagnostic in user_data.lsp.
local function lsp_diagnostics(bufnr, first, last)
  local result = {}
  for _, d in ipairs(diagnostics(bufnr)) do
    if d.lnum >= first and d.lnum <= (last or first) then
      table.insert(result, (d.user_data and d.user_data.lsp) or {
        range = { start = { line = d.lnum, character = d.col },
                  ["end"] = { line = d.end_lnum, character = d.end_col } },
        message = d.message, code = code_of(d), severity = d.severity, source = d.source,
      })
    end
  end
  return result
end

-- The range of a whole line (the fixture is ASCII: bytes and UTF-16 units agree).
local function line_range(bufnr, lnum)
  local text = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, true)[1]
  return { start = { line = lnum, character = 0 }, ["end"] = { line = lnum, character = #text } }
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), "\n") .. "\n"
end

local function titles(actions)
  local parts = {}
  for _, a in ipairs(actions) do
    table.insert(parts, string.format("%q (%s%s)", tostring(a.title), tostring(a.kind),
                                      a.isPreferred and ", preferred" or ""))
  end
  return #parts == 0 and "(none)" or table.concat(parts, ", ")
end

-- textDocument/codeAction, answered within TIMEOUT_MS; nil (and a failure) otherwise.
local function request_code_actions(bufnr, what, range, context)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, range = range, context = context }
  local responses, err = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, TIMEOUT_MS)
  local response = responses and responses[client_id]
  if not response then
    fail(what .. ": no codeAction response within " .. TIMEOUT_MS .. " ms (" .. tostring(err) .. ")")
  elseif response.err then
    fail(what .. ": codeAction error " .. vim.inspect(response.err))
  elseif type(response.result) ~= "table" then
    fail(what .. ": codeAction result is not a list: " .. vim.inspect(response.result))
  else
    out(what .. ": " .. titles(response.result))
    return response.result
  end
end

local function find_action(actions, field, value)
  for _, a in ipairs(actions or {}) do
    if a[field] == value then return a end
  end
end

-- Applies a code action's WorkspaceEdit the way vim.lsp.buf.code_action() does.
local function apply_action(bufnr, what, action)
  local uri = vim.uri_from_bufnr(bufnr)
  -- Neovim advertises codeAction resolveSupport for `edit`: a whole-file action comes without
  -- one and is resolved, as vim.lsp.buf.code_action() does.
  if action.edit == nil and action.data ~= nil then
    local resolved = vim.lsp.buf_request_sync(bufnr, "codeAction/resolve", action, 10000)
    for _, response in pairs(resolved or {}) do
      if response.result then action = response.result end
    end
  end
  local edit = action.edit
  if not check(type(edit) == "table" and type(edit.changes) == "table" and type(edit.changes[uri]) == "table"
                 and next(edit.changes[uri]) ~= nil,
               what .. ": the action carries a WorkspaceEdit with `changes` for this buffer") then
    out(vim.inspect(action))
    return false
  end
  local client = vim.lsp.get_client_by_id(client_id)
  local encoding = client and client.offset_encoding or "utf-16"
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  -- Neovim 0.7: apply_workspace_edit(workspace_edit, offset_encoding); a nil encoding only warns.
  local ok, err = pcall(vim.lsp.util.apply_workspace_edit, edit, encoding)
  if not check(ok, what .. ": vim.lsp.util.apply_workspace_edit(edit, \"" .. encoding .. "\") applied it" ..
                     (ok and "" or (": " .. tostring(err)))) then
    out(vim.inspect(edit))
    return false
  end
  return check(vim.api.nvim_buf_get_changedtick(bufnr) ~= tick, what .. ": the buffer changed")
end

-- Code actions on the second fixture, fixes.py, through the same client: a preferred quick fix,
-- a `# noqa` action, then source.fixAll, each applied to the buffer as Neovim applies them.
local function check_code_actions(fixes)
  vim.cmd("edit " .. vim.fn.fnameescape(fixes))
  local bufnr = vim.api.nvim_get_current_buf()
  if not vim.lsp.buf_attach_client(bufnr, client_id) then error("vim.lsp.buf_attach_client failed (fixes.py)", 0) end
  local client = vim.lsp.get_client_by_id(client_id)
  local provider = client.server_capabilities.codeActionProvider
  check(type(provider) == "table" and vim.tbl_contains(provider.codeActionKinds or {}, "source.fixAll.eventlet-lsp"),
        "server offers code actions, source.fixAll.eventlet-lsp among them: " .. vim.inspect(provider, { newline = " ", indent = "" }))

  local ok = wait_for(bufnr, "fixes.py: diagnostics after didOpen",
                      { { "EL504", line_of(bufnr, "eventlet.sleep(1)") }, { "EL504", line_of(bufnr, "sleep(0.5 * attempt)") },
                        { "EL504", line_of(bufnr, "eventlet.sleep(2.5)") }, { "EL505", line_of(bufnr, "eventlet.sleep(0)") },
                        { "EL301", line_of(bufnr, "eventlet.spawn(worker)") },
                        { "EL503", line_of(bufnr, "pool = eventlet.GreenPool(4)") } })
  if not ok then return end

  -- 1. The preferred quick fix for EL504 on `eventlet.sleep(1)`: `time.sleep(1)` plus `import time`.
  local sleep_line = line_of(bufnr, "eventlet.sleep(1)")
  local context = lsp_diagnostics(bufnr, sleep_line)
  check(#context == 1 and context[1].code == "EL504",
        "the codeAction context holds the EL504 diagnostic of `eventlet.sleep(1)` (" .. #context .. " diagnostic(s))")
  local actions = request_code_actions(bufnr, "code actions on `eventlet.sleep(1)`", line_range(bufnr, sleep_line),
                                       { diagnostics = context })
  if not actions then return end
  local fix = find_action(actions, "title", "Replace with `time.sleep`")
  if not check(fix ~= nil, "a \"Replace with `time.sleep`\" action is offered") then return end
  check(fix.kind == "quickfix" and fix.isPreferred == true,
        "it is a preferred quickfix (kind " .. tostring(fix.kind) .. ", isPreferred " .. tostring(fix.isPreferred) .. ")")
  check(type(fix.diagnostics) == "table" and fix.diagnostics[1] ~= nil and fix.diagnostics[1].code == "EL504",
        "it names the EL504 diagnostic it fixes")
  check(find_action(actions, "title", "Disable EL504 for this line") ~= nil, "\"Disable EL504 for this line\" is offered")
  check(find_action(actions, "title", "Fix all EL504 in this file (safe fixes)") ~= nil,
        "\"Fix all EL504 in this file (safe fixes)\" is offered (three EL504 in the file)")
  if not apply_action(bufnr, "Replace with `time.sleep`", fix) then return end
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)
  local fixed_line
  for i, text in ipairs(lines) do
    if text == "    time.sleep(1)" then fixed_line = i - 1 end
  end
  check(fixed_line ~= nil, "the line now reads `time.sleep(1)`")
  check(vim.tbl_contains(lines, "import time"), "`import time` is in the file")
  check(vim.tbl_contains(lines, "from eventlet import sleep"), "`from eventlet import sleep` (still used) is kept")
  if not fixed_line then
    out(buffer_text(bufnr))
    return
  end
  if not wait_for(bufnr, "fixes.py: diagnostics after the quick fix",
                  { { "EL504", line_of(bufnr, "sleep(0.5 * attempt)") }, { "EL504", line_of(bufnr, "eventlet.sleep(2.5)") },
                    { "EL301", line_of(bufnr, "eventlet.spawn(worker)") } },
                  { { "EL504", fixed_line } }) then return end

  -- 2. "Disable EL301 for this line" on `eventlet.spawn(worker)`.
  local spawn_line = line_of(bufnr, "eventlet.spawn(worker)")
  actions = request_code_actions(bufnr, "code actions on `eventlet.spawn(worker)`", line_range(bufnr, spawn_line),
                                 { diagnostics = lsp_diagnostics(bufnr, spawn_line) })
  if not actions then return end
  local noqa = find_action(actions, "title", "Disable EL301 for this line")
  if not check(noqa ~= nil, "a \"Disable EL301 for this line\" action is offered") then return end
  check(noqa.kind == "quickfix" and noqa.isPreferred ~= true,
        "it is a quickfix, not preferred (isPreferred " .. tostring(noqa.isPreferred) .. ")")
  if not apply_action(bufnr, "Disable EL301 for this line", noqa) then return end
  local text = vim.api.nvim_buf_get_lines(bufnr, spawn_line, spawn_line + 1, true)[1]
  check(text == "eventlet.spawn(worker)  # noqa: EL301", "the line now reads `" .. text .. "`")
  if not wait_for(bufnr, "fixes.py: diagnostics after the noqa",
                  { { "EL504", line_of(bufnr, "eventlet.sleep(2.5)") } }, { { "EL301", nil } }) then return end

  -- 3. source.fixAll: every safe fix in the file, as one action.
  local cursor = { start = { line = 0, character = 0 }, ["end"] = { line = 0, character = 0 } }
  actions = request_code_actions(bufnr, "code actions with only = {\"source.fixAll\"}", cursor,
                                 { diagnostics = {}, only = { "source.fixAll" } })
  if not actions then return end
  -- Neovim 0.7 does not filter by `only` itself: whatever the server returns lands in the menu.
  check(#actions == 1 and actions[1].kind == "source.fixAll.eventlet-lsp",
        "only one action, of kind source.fixAll.eventlet-lsp, answers only = {\"source.fixAll\"}")
  local fix_all = find_action(actions, "kind", "source.fixAll.eventlet-lsp")
  if not check(fix_all ~= nil, "a source.fixAll.eventlet-lsp action is offered") then return end
  local exact = request_code_actions(bufnr, "code actions with only = {\"source.fixAll.eventlet-lsp\"}", cursor,
                                     { diagnostics = {}, only = { "source.fixAll.eventlet-lsp" } })
  check(exact ~= nil and #exact == 1 and vim.deep_equal(exact[1].edit, fix_all.edit),
        "only = {\"source.fixAll.eventlet-lsp\"} gets the same action")
  if not apply_action(bufnr, "source.fixAll.eventlet-lsp", fix_all) then return end
  local expected = table.concat({
    '"""Fixture for the code actions of the Neovim end-to-end test (tests/e2e/neovim/e2e.lua).',
    '',
    'The test applies quick fixes and source.fixAll to this buffer (it never saves it) and compares',
    'the result with the text it expects: keep the two in step.',
    '"""',
    'import eventlet',
    'from eventlet import sleep',
    'import time',
    '',
    '',
    'def worker(item):',
    '    return item * 2',
    '',
    '',
    'def poll():',
    '    time.sleep(1)',
    '',
    '',
    'def backoff(attempt):',
    '    sleep(0.5 * attempt)',
    '',
    '',
    'eventlet.spawn(worker)  # noqa: EL301',
    'eventlet.sleep(0)',
    'time.sleep(2.5)',
    'pool = eventlet.GreenPool(4)',
    '',
  }, "\n")
  local actual = buffer_text(bufnr)
  if not check(actual == expected, "the buffer after source.fixAll is the expected text") then
    out("--- diff (expected -> buffer):")
    out(((vim.text and vim.text.diff) or vim.diff)(expected, actual))
  end
  -- What is left has no safe fix: EL505 (`sleep(0)`: removing the yield is unsafe), EL503, and
  -- the EL504 of `sleep(0.5 * attempt)` (a computed delay can be negative, which time.sleep
  -- rejects: only its unsafe fix exists).
  if not wait_for(bufnr, "fixes.py: diagnostics after source.fixAll",
                  { { "EL505", line_of(bufnr, "eventlet.sleep(0)") }, { "EL503", line_of(bufnr, "pool = eventlet.GreenPool(4)") },
                    { "EL504", line_of(bufnr, "sleep(0.5 * attempt)") } },
                  { { "EL301", nil } }) then return end
  -- The server agrees: no preferred (safe) quick fix anywhere, and no source.fixAll to offer.
  local last = vim.api.nvim_buf_line_count(bufnr) - 1
  local everything = { start = { line = 0, character = 0 }, ["end"] = line_range(bufnr, last)["end"] }
  actions = request_code_actions(bufnr, "quick fixes for the whole file after source.fixAll", everything,
                                 { diagnostics = lsp_diagnostics(bufnr, 0, last), only = { "quickfix" } })
  local preferred = {}
  for _, a in ipairs(actions or {}) do
    if a.isPreferred then table.insert(preferred, a.title) end
  end
  check(actions ~= nil and #preferred == 0,
        "no preferred quick fix is left" .. (#preferred > 0 and (": " .. table.concat(preferred, ", ")) or ""))
  actions = request_code_actions(bufnr, "source.fixAll after source.fixAll", cursor,
                                 { diagnostics = {}, only = { "source.fixAll" } })
  check(actions ~= nil and #actions == 0, "source.fixAll has nothing left to do")
end

local function run()
  vim.lsp.set_log_level("debug")
  lsp_log_path = vim.lsp.get_log_path()
  if os.getenv("EVENTLET_LSP_E2E_FRESH_LOG") == "1" then
    -- CTest's own log in the build tree: start it empty rather than let it grow run after run.
    local file = io.open(lsp_log_path, "w")
    if file then file:close() end
  end
  local stat = vim.loop.fs_stat(lsp_log_path)
  lsp_log_start = stat and stat.size or 0
  local server = env("EVENTLET_LSP_SERVER")
  local fixture = vim.fn.fnamemodify(env("EVENTLET_LSP_FIXTURE"), ":p")
  local fixes = vim.fn.fnamemodify(env("EVENTLET_LSP_FIXES_FIXTURE"), ":p")
  if vim.fn.executable(server) ~= 1 then error("EVENTLET_LSP_SERVER is not executable: " .. server, 0) end
  if vim.fn.filereadable(fixture) ~= 1 then error("EVENTLET_LSP_FIXTURE is not readable: " .. fixture, 0) end
  if vim.fn.filereadable(fixes) ~= 1 then error("EVENTLET_LSP_FIXES_FIXTURE is not readable: " .. fixes, 0) end
  out("e2e.neovim: " .. vim.split(vim.fn.execute("version"), "\n", { trimempty = true })[1])
  out("e2e.neovim: server " .. server .. ", fixtures " .. fixture .. " and " .. fixes)

  local cmd = { server }
  local log_file = os.getenv("EVENTLET_LSP_E2E_LOG")
  if log_file and log_file ~= "" then
    cmd = { server, "--log-level", "debug", "--log-file", log_file }
  end

  -- The configuration docs/editors/neovim.md documents for Neovim 0.7: init_options carry the
  -- settings at initialize, `settings` answers workspace/configuration and is pushed with
  -- workspace/didChangeConfiguration in on_init (what nvim-lspconfig does).
  local sent_changes = {}
  local server_messages = {}
  local function record_message(method)
    return function(_, result)
      if type(result) == "table" then
        table.insert(server_messages, { method = method, type = result.type, message = tostring(result.message) })
        out(string.format("server %s (type %s): %s", method, tostring(result.type), tostring(result.message)))
      end
      return vim.NIL
    end
  end
  client_id = vim.lsp.start_client({
    name = "eventlet-lsp",
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(fixture, ":h"),
    init_options = { ignore = { "EL001" } },
    settings = { eventletLsp = { ignore = { "EL001" }, severity = { EL504 = "error" } } },
    flags = { debounce_text_changes = 50 },
    handlers = {
      ["window/logMessage"] = record_message("window/logMessage"),
      ["window/showMessage"] = record_message("window/showMessage"),
    },
    on_init = function(client)
      client_notify(client, "workspace/didChangeConfiguration", { settings = client.config.settings })
      -- Record what Neovim sends on edits, to check that it is an incremental sync.
      local notify = client.notify
      client.notify = function(...)
        local args = { ... }
        local first = method_calls and 2 or 1
        if args[first] == "textDocument/didChange" then table.insert(sent_changes, args[first + 1]) end
        return notify(...)
      end
    end,
    on_exit = function(code, signal)
      client_exit = { code = code, signal = signal }
    end,
  })
  if not client_id then error("vim.lsp.start_client returned nil: the server did not start", 0) end

  -- No swap file: a run still going (or one killed) must not make this one stop at E325.
  vim.o.swapfile = false
  -- The edited sample.py stays loaded (and attached) when fixes.py is opened.
  vim.o.hidden = true
  vim.cmd("edit " .. vim.fn.fnameescape(fixture))
  local bufnr = vim.api.nvim_get_current_buf()
  check(vim.bo[bufnr].filetype == "python" or vim.bo[bufnr].filetype == "",
        "fixture opened (filetype '" .. vim.bo[bufnr].filetype .. "')")
  if not vim.lsp.buf_attach_client(bufnr, client_id) then error("vim.lsp.buf_attach_client failed", 0) end

  local initialized = vim.wait(TIMEOUT_MS, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true or client_exit ~= nil
  end, 50)
  if client_exit then
    error(string.format("the server exited during initialization (code %s, signal %s)",
                        tostring(client_exit.code), tostring(client_exit.signal)), 0)
  end
  if not initialized then error("the server did not answer initialize within " .. TIMEOUT_MS .. " ms", 0) end
  local client = vim.lsp.get_client_by_id(client_id)
  local caps = client.server_capabilities or {}
  local sync = caps.textDocumentSync
  check(type(sync) == "table" and sync.change == 2,
        "server offers incremental sync (textDocumentSync.change = " ..
          tostring(type(sync) == "table" and sync.change or sync) .. ")")
  check(caps.hoverProvider == true, "server offers hover")

  -- 1. Diagnostics after didOpen (the settings: EL001 ignored, EL504 an error).
  local spawn_line = line_of(bufnr, "eventlet.spawn(worker)")
  local pool_line = line_of(bufnr, "pool = eventlet.GreenPool(4)")
  local imap_line = line_of(bufnr, "results = list(pool.imap(worker, range(10)))")
  local sleep_line = line_of(bufnr, "eventlet.sleep(1)")
  local import_line = line_of(bufnr, "import eventlet")
  local ok, list = wait_for(bufnr, "diagnostics after didOpen",
                            { { "EL301", spawn_line }, { "EL503", pool_line }, { "EL203", imap_line },
                              { "EL504", sleep_line } },
                            { { "EL001", import_line } })
  if ok then
    local spawn = find(list, "EL301", spawn_line)
    check(spawn.source == "eventlet-lsp", "EL301 source is eventlet-lsp (got " .. tostring(spawn.source) .. ")")
    check(spawn.col == 0 and spawn.end_lnum == spawn_line and spawn.end_col == #"eventlet.spawn",
          string.format("EL301 covers `eventlet.spawn` (got %d:%d-%d:%d)", spawn.lnum, spawn.col, spawn.end_lnum,
                        spawn.end_col))
    check(spawn.severity == vim.diagnostic.severity.WARN, "EL301 is a warning (got " .. tostring(spawn.severity) .. ")")
    local imap = find(list, "EL203", imap_line)
    local imap_col = string.find(vim.api.nvim_buf_get_lines(bufnr, imap_line, imap_line + 1, true)[1], "pool.imap", 1, true)
    check(imap.col == imap_col - 1, string.format("EL203 starts at `pool.imap` (col %d, expected %d)", imap.col, imap_col - 1))
    local lsp = spawn.user_data and spawn.user_data.lsp or {}
    check(lsp.codeDescription and type(lsp.codeDescription.href) == "string" and
            lsp.codeDescription.href:match("^https://removal%.eventlet%.org/") ~= nil,
          "EL301 codeDescription.href points to the migration guide")
    -- didChangeConfiguration may come after didOpen in other Neovim versions: wait for it too.
    local error_severity = vim.wait(TIMEOUT_MS, function()
      local sleep = find(diagnostics(bufnr), "EL504", sleep_line)
      return sleep ~= nil and sleep.severity == vim.diagnostic.severity.ERROR
    end, 50)
    check(error_severity, "settings.eventletLsp.severity made EL504 an error")
  end

  -- 2. Hover on `eventlet.spawn`.
  local hover_params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = spawn_line, character = #"eventlet.sp" },
  }
  local responses, err = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", hover_params, TIMEOUT_MS)
  local response = responses and responses[client_id]
  if not response then
    fail("hover: no response within " .. TIMEOUT_MS .. " ms (" .. tostring(err) .. ")")
  elseif response.err then
    fail("hover: error " .. vim.inspect(response.err))
  elseif type(response.result) ~= "table" or type(response.result.contents) ~= "table" then
    fail("hover: no contents: " .. vim.inspect(response.result))
  else
    local contents = response.result.contents
    check(contents.kind == "markdown", "hover is markdown (kind " .. tostring(contents.kind) .. ")")
    local value = contents.value or ""
    if not check(value:find("eventlet.greenthread.spawn", 1, true) ~= nil,
                 "hover names eventlet.greenthread.spawn") then
      out(value)
    end
    check(value:find("threading", 1, true) ~= nil, "hover mentions threading")
    -- What Neovim itself makes of it (the hover window's lines).
    local lines = vim.lsp.util.convert_input_to_markdown_lines(contents)
    check(#lines > 1, "Neovim renders the hover as " .. #lines .. " markdown lines")
  end

  -- 3. An edit: a new line above `eventlet.spawn(worker)`; everything below moves down a line.
  vim.api.nvim_buf_set_lines(bufnr, spawn_line, spawn_line, true, { "eventlet.sleep(0)" })
  wait_for(bufnr, "diagnostics after inserting `eventlet.sleep(0)`",
           { { "EL505", spawn_line }, { "EL301", spawn_line + 1 }, { "EL503", pool_line + 1 },
             { "EL203", imap_line + 1 }, { "EL504", sleep_line + 1 } },
           { { "EL301", spawn_line } })
  local first = sent_changes[1]
  if check(first ~= nil, "Neovim sent textDocument/didChange (" .. #sent_changes .. " so far)") then
    local change = first.contentChanges and first.contentChanges[1]
    check(change ~= nil and change.range ~= nil,
          "the didChange is incremental (a range): " .. vim.inspect(change, { newline = " ", indent = "" }))
  end

  -- 4. Another edit: delete the `eventlet.sleep(1)` line; its diagnostic must go.
  vim.api.nvim_buf_set_lines(bufnr, sleep_line + 1, sleep_line + 2, true, {})
  wait_for(bufnr, "diagnostics after deleting `eventlet.sleep(1)`",
           { { "EL505", spawn_line }, { "EL301", spawn_line + 1 }, { "EL203", imap_line + 1 } },
           { { "EL504", nil } })

  -- 5. An edit within a line: `eventlet.sleep(0)` -> `eventlet.spawn(worker)`.
  vim.api.nvim_buf_set_text(bufnr, spawn_line, #"eventlet.", spawn_line, #"eventlet.sleep(0)", { "spawn(worker)" })
  wait_for(bufnr, "diagnostics after rewriting a line in place",
           { { "EL301", spawn_line }, { "EL301", spawn_line + 1 } }, { { "EL505", nil } })

  -- The text the server analysed must be the buffer's: hover where only the new text has a use.
  local after = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = spawn_line, character = #"eventlet.sp" },
  }, TIMEOUT_MS)
  local hover = after and after[client_id] and after[client_id].result
  check(type(hover) == "table" and (hover.contents.value or ""):find("eventlet.greenthread.spawn", 1, true) ~= nil,
        "hover on the edited line describes eventlet.greenthread.spawn")

  -- 6. Code actions on the second fixture (fixes.py).
  check_code_actions(fixes)

  -- Nothing Neovim sent should have drawn a complaint (unknown setting, bad edit, version going back).
  local complaints = {}
  for _, m in ipairs(server_messages) do
    if m.type == 1 or m.type == 2 then table.insert(complaints, m.method .. ": " .. m.message) end
  end
  check(#complaints == 0, "no error or warning message from the server" ..
        (#complaints > 0 and (": " .. table.concat(complaints, " | ")) or ""))
end

local ok, err = xpcall(run, debug.traceback)
if not ok then
  fail("the test could not go on: " .. tostring(err))
  pcall(finish, 2)
  vim.cmd("cquit 2")
end
finish(0)
