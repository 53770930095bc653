-- End-to-end test: eventlet-lsp driven by a real Neovim (0.7 or later) through its built-in
-- LSP client, the way docs/editors/neovim.md tells users to configure it.
--
-- Run (CTest does this, see tests/e2e/CMakeLists.txt):
--   EVENTLET_LSP_SERVER=build/server/eventlet-lsp \
--   EVENTLET_LSP_FIXTURE=tests/e2e/neovim/sample.py \
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
  if vim.fn.executable(server) ~= 1 then error("EVENTLET_LSP_SERVER is not executable: " .. server, 0) end
  if vim.fn.filereadable(fixture) ~= 1 then error("EVENTLET_LSP_FIXTURE is not readable: " .. fixture, 0) end
  out("e2e.neovim: " .. vim.split(vim.fn.execute("version"), "\n", { trimempty = true })[1])
  out("e2e.neovim: server " .. server .. ", fixture " .. fixture)

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
