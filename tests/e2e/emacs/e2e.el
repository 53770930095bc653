;;; e2e.el --- End-to-end test: eventlet-lsp driven by Emacs's Eglot  -*- lexical-binding: t -*-

;; eventlet-lsp in a real Emacs, through Eglot (Debian's elpa-eglot, or the Eglot built into
;; Emacs 29 and later), configured the way docs/editors/emacs.md tells users to configure it.
;;
;; Run (CTest does this, see tests/e2e/emacs/CMakeLists.txt):
;;   EVENTLET_LSP_SERVER=build/server/eventlet-lsp \
;;   EVENTLET_LSP_FIXTURE=tests/e2e/emacs/sample.py \
;;   emacs --batch -q --no-site-file -l tests/e2e/emacs/e2e.el
;;
;; Optional: EVENTLET_LSP_E2E_LOG=/tmp/x.log makes the server log at debug level to that file.
;;
;; The test edits a copy of the fixture in a temporary directory, never the fixture itself.
;; Exit status: 0 when every check passed, 1 when one failed (the failures are listed at the
;; end, after Eglot's events buffer), 2 when the test could not go on (environment, server that
;; does not start), 4 when the whole run took longer than `e2e-global-timeout'. Every wait has
;; a timeout, and any prompt that the test did not expect is an error rather than a hang.
;;
;; What `emacs --batch' lacks, and what the test does instead:
;; - there is no command loop, so `post-command-hook' never runs by itself: `eglot-ensure'
;;   (in `python-mode-hook') waits on it, and the test runs that hook once after `find-file',
;;   as the command loop does after the command that visited the file;
;; - idle timers never fire: Eglot sends textDocument/didChange from an idle timer
;;   (`eglot-send-changes-idle-time'), so after each edit the test calls the function that
;;   timer calls, `eglot--signal-textDocument/didChange';
;; - nobody answers the minibuffer: where a user picks a code action from Eglot's menu, the
;;   test answers `completing-read' with that action's title.

;;; Code:

(require 'cl-lib)
(require 'subr-x)
(require 'package)

(defconst e2e-timeout 10.0 "Seconds each wait may take.")
(defconst e2e-global-timeout 100 "Seconds the whole run may take (CTest stops it at 120).")

(defvar e2e-failures nil "The failed checks, newest first.")
(defvar e2e-server nil "The `eglot-lsp-server', from the moment Eglot creates it.")
(defvar e2e-server-messages nil "(TYPE . MESSAGE) of each window/logMessage and showMessage.")
(defvar e2e-did-change nil "The params of each textDocument/didChange Eglot sent, newest first.")
(defvar e2e-publish-count 0 "How many textDocument/publishDiagnostics Eglot has handled.")
(defvar e2e-publish-mark 0 "The count when the last didChange left: the next wait needs more.")
(defvar e2e-temp-dir nil "The temporary directory that holds the copy of the fixture.")

;;; Reporting

(defun e2e-out (format-string &rest args)
  "Print FORMAT-STRING with ARGS on stderr (where `message' goes in batch mode)."
  (message "%s" (apply #'format format-string args)))

(defun e2e-fail (format-string &rest args)
  (let ((text (apply #'format format-string args)))
    (push text e2e-failures)
    (e2e-out "FAIL: %s" text)))

(defun e2e-pass (format-string &rest args)
  (e2e-out "ok:   %s" (apply #'format format-string args)))

(defun e2e-check (condition format-string &rest args)
  "Pass or fail the check described by FORMAT-STRING and ARGS; return CONDITION."
  (if condition
      (apply #'e2e-pass format-string args)
    (apply #'e2e-fail format-string args))
  condition)

(defun e2e-print-tail (buffer title count)
  "Print the last COUNT lines of BUFFER under TITLE."
  (when (buffer-live-p buffer)
    (let* ((lines (split-string (with-current-buffer buffer
                                  (buffer-substring-no-properties (point-min) (point-max)))
                                "\n"))
           (tail (last lines count)))
      (e2e-out "--- %s, last %d of %d lines:" title (length tail) (length lines))
      (dolist (line tail)
        (e2e-out "%s" (if (> (length line) 600) (concat (substring line 0 600) " ...") line)))
      (e2e-out "--- end of %s" title))))

(defun e2e-print-logs ()
  "On failure: what Eglot and the server exchanged, and the server's stderr."
  (when e2e-server
    (ignore-errors
      (e2e-print-tail (jsonrpc-events-buffer e2e-server)
                      "Eglot's events buffer (M-x eglot-events-buffer)" 150))
    (ignore-errors
      (e2e-print-tail (jsonrpc-stderr-buffer e2e-server) "the server's stderr" 40))))

(defun e2e-finish (status)
  "Report, clean up and exit Emacs with STATUS (1 instead of 0 if a check failed)."
  (when (and (= status 0) e2e-failures) (setq status 1))
  (if (= status 0)
      (e2e-out "e2e.emacs: all checks passed")
    (e2e-print-logs)
    (e2e-out "e2e.emacs: %d failure(s):" (length e2e-failures))
    (dolist (text (reverse e2e-failures)) (e2e-out "  - %s" text)))
  (when e2e-server
    (ignore-errors
      (let ((process (jsonrpc--process e2e-server)))
        (when (process-live-p process) (delete-process process)))))
  (when (and e2e-temp-dir (file-directory-p e2e-temp-dir))
    (ignore-errors (delete-directory e2e-temp-dir t)))
  (kill-emacs status))

;;; Helpers

(defun e2e-env (name)
  (let ((value (getenv name)))
    (if (or (null value) (string-empty-p value))
        (error "%s is not set (tests/e2e/emacs/CMakeLists.txt sets it)" name)
      value)))

(defun e2e-wait-until (predicate &optional timeout)
  "Let Emacs read process output until PREDICATE is true or TIMEOUT seconds pass.
Return PREDICATE's last value."
  (let ((deadline (+ (float-time) (or timeout e2e-timeout))))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun e2e-no-prompt (&rest args)
  "Stand-in for every function that would read from the user."
  (error "Unexpected prompt: %S" (car args)))

(defun e2e-line-of (text)
  "The 1-based number of the first line of the buffer whose trimmed text is TEXT."
  (let ((index (cl-position text (split-string (buffer-string) "\n")
                            :test (lambda (wanted line) (string= wanted (string-trim line))))))
    (unless index (error "Fixture line not found: %s" text))
    (1+ index)))

(defun e2e-goto-line (line &optional column)
  (goto-char (point-min))
  (forward-line (1- line))
  (when column (forward-char column)))

(defun e2e-lsp-diagnostic (diagnostic)
  "The LSP Diagnostic object that Eglot keeps in the Flymake DIAGNOSTIC."
  (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data diagnostic))))

(defun e2e-code (diagnostic) (plist-get (e2e-lsp-diagnostic diagnostic) :code))

(defun e2e-diagnostic-line (diagnostic)
  (line-number-at-pos (flymake-diagnostic-beg diagnostic)))

(defun e2e-find (diagnostics code &optional line)
  (cl-find-if (lambda (d) (and (equal (e2e-code d) code)
                               (or (null line) (= (e2e-diagnostic-line d) line))))
              diagnostics))

(defun e2e-describe (diagnostics)
  (if (null diagnostics)
      "(none)"
    (string-join (sort (mapcar (lambda (d) (format "%s@%d(%s)" (e2e-code d) (e2e-diagnostic-line d)
                                                   (flymake-diagnostic-type d)))
                               diagnostics)
                       #'string<)
                 ", ")))

(defun e2e-wait-for-diagnostics (what expected &optional absent)
  "Wait until Flymake shows every EXPECTED and none of ABSENT diagnostics.
EXPECTED holds (CODE LINE TYPE) lists (TYPE nil: any type), ABSENT (CODE LINE) lists (LINE
nil: any line). Lines are 1-based, as Emacs counts them."
  (let* ((satisfied
          (lambda ()
            (let ((diagnostics (flymake-diagnostics)))
              ;; Flymake's overlays move with the text: only a new publication says what the
              ;; server thinks of the edited buffer.
              (and (> e2e-publish-count e2e-publish-mark)
                   (cl-every (lambda (e)
                               (let ((d (e2e-find diagnostics (nth 0 e) (nth 1 e))))
                                 (and d (or (null (nth 2 e)) (eq (flymake-diagnostic-type d) (nth 2 e))))))
                             expected)
                   (cl-notany (lambda (a) (e2e-find diagnostics (nth 0 a) (nth 1 a))) absent)))))
         (ok (e2e-wait-until satisfied)))
    (if ok
        (e2e-pass "%s: %s" what (e2e-describe (flymake-diagnostics)))
      (e2e-fail "%s: timed out after %s s waiting for [%s]%s; got %s" what e2e-timeout
                (mapconcat (lambda (e) (format "%s@%d%s" (nth 0 e) (nth 1 e)
                                               (if (nth 2 e) (format "(%s)" (nth 2 e)) "")))
                           expected ", ")
                (if absent
                    (format " without [%s]"
                            (mapconcat (lambda (a) (format "%s@%s" (nth 0 a) (or (nth 1 a) "any")))
                                       absent ", "))
                  "")
                (e2e-describe (flymake-diagnostics))))
    ok))

(defun e2e-send-changes ()
  "Send the buffer's pending changes, as Eglot's idle timer would; return the didChange params."
  (setq e2e-did-change nil
        e2e-publish-mark e2e-publish-count)
  (eglot--signal-textDocument/didChange)
  (car e2e-did-change))

(defun e2e-titles (actions)
  (if (null actions)
      "(none)"
    (mapconcat (lambda (a) (format "%S (%s%s)" (plist-get a :title) (plist-get a :kind)
                                   (if (eq (plist-get a :isPreferred) t) ", preferred" "")))
               actions ", ")))

(defun e2e-action (actions title)
  (cl-find title actions :key (lambda (a) (plist-get a :title)) :test #'equal))

(defun e2e-eglot-version ()
  (let ((desc (cadr (assq 'eglot package-alist))))
    (if desc (package-version-join (package-desc-version desc)) "built in")))

;;; The test

(defconst e2e-expected-after-fix-all
  (concat "\"\"\"Fixture for the Emacs end-to-end test (tests/e2e/emacs/e2e.el).\n"
          "\n"
          "The test works on a temporary copy of this file: it finds lines by their text, applies code\n"
          "actions to the buffer and compares the result with the text it expects. Keep the two in step.\n"
          "\"\"\"\n"
          "import eventlet\n"
          "import time\n"
          "\n"
          "\n"
          "def worker(item):\n"
          "    return item * 2\n"
          "\n"
          "\n"
          "def poll():\n"
          "    time.sleep(1)\n"
          "\n"
          "\n"
          "eventlet.sleep(0)\n"
          "eventlet.spawn(worker)\n"
          "pool = eventlet.GreenPool(4)\n"
          "results = list(pool.imap(worker, range(10)))\n"
          "time.sleep(2.5)\n")
  "The buffer after the edits, the quick fix and source.fixAll.eventlet-lsp.")

(defun e2e-start (server-path fixture log-file)
  "Configure Eglot as docs/editors/emacs.md does, open a copy of FIXTURE, start the server."
  ;; Debian installs elpa-eglot (and elpa-markdown-mode) as packages, which a normal start
  ;; activates; `emacs -q' does not, so activate them here. Emacs 29 and later have Eglot built in.
  (package-activate-all)
  (unless (require 'eglot nil t)
    (error "Eglot is not installed: apt-get install elpa-eglot (Emacs 29 and later have it built in)"))
  (e2e-out "e2e.emacs: GNU Emacs %s, Eglot %s (%s), markdown-mode %s" emacs-version
           (e2e-eglot-version) (locate-library "eglot")
           (if (fboundp 'gfm-view-mode) "installed" "not installed"))
  (e2e-out "e2e.emacs: server %s, fixture %s" server-path fixture)

  ;; The documented configuration: the server for Python buffers, with settings as
  ;; initializationOptions and in `eglot-workspace-configuration' (section eventletLsp), which
  ;; the server layers over them key by key, and `eglot-ensure' in `python-mode-hook'.
  (add-to-list 'eglot-server-programs
               `((python-mode python-ts-mode)
                 . (,server-path
                    ,@(and log-file (list "--log-level" "debug" "--log-file" log-file))
                    :initializationOptions (:ignore ["EL001"]))))
  (setq-default eglot-workspace-configuration
                '(:eventletLsp (:severity (:EL504 "error"))))
  (add-hook 'python-mode-hook #'eglot-ensure)

  ;; Observers: the server object, its messages, and each didChange Eglot sends.
  (add-hook 'eglot-server-initialized-hook (lambda (server) (setq e2e-server server)))
  (advice-add 'eglot-handle-notification :before
              (lambda (_server method &rest params)
                (when (eq method 'textDocument/publishDiagnostics) (cl-incf e2e-publish-count))
                (when (memq method '(window/logMessage window/showMessage))
                  (push (cons (plist-get params :type) (plist-get params :message)) e2e-server-messages)
                  (e2e-out "server %s (type %s): %s" method (plist-get params :type)
                           (plist-get params :message)))))
  (advice-add 'jsonrpc-notify :before
              (lambda (_connection method params)
                (when (eq method :textDocument/didChange) (push params e2e-did-change))))

  (setq e2e-temp-dir (file-name-as-directory (make-temp-file "eventlet-lsp-e2e-emacs-" t)))
  (let ((copy (expand-file-name "sample.py" e2e-temp-dir)))
    (copy-file fixture copy)
    (set-file-modes copy #o644)
    (find-file copy))
  (e2e-check (eq major-mode 'python-mode) "fixture opened in python-mode (%s)" major-mode)
  ;; The command loop would now run post-command-hook, where eglot-ensure connects.
  (run-hooks 'post-command-hook)
  (e2e-wait-until (lambda () (or eglot--managed-mode
                                 (and e2e-server (not (jsonrpc-running-p e2e-server))))))
  (unless eglot--managed-mode
    (error "Eglot did not start managing the buffer within %s s: %s" e2e-timeout
           (cond ((null e2e-server) "no server was created (check eglot-server-programs)")
                 ((not (jsonrpc-running-p e2e-server))
                  (format "the server exited (status %s)"
                          (process-exit-status (jsonrpc--process e2e-server))))
                 (t "the server did not answer initialize"))))
  (e2e-pass "Eglot manages the buffer: server %s, project %s"
            (plist-get (eglot--server-info e2e-server) :name)
            (project-root (eglot--project e2e-server))))

(defun e2e-check-capabilities ()
  (let* ((caps (eglot--capabilities e2e-server))
         (sync (plist-get caps :textDocumentSync))
         (actions (plist-get caps :codeActionProvider)))
    (e2e-check (and (listp sync) (eql (plist-get sync :change) 2))
               "server offers incremental sync (textDocumentSync %S)" sync)
    (e2e-check (eq (plist-get caps :hoverProvider) t) "server offers hover")
    (e2e-check (and (listp actions)
                    (seq-contains-p (plist-get actions :codeActionKinds) "source.fixAll.eventlet-lsp"))
               "server offers code actions, source.fixAll.eventlet-lsp among them (%S)" actions)
    (e2e-check (and flymake-mode (memq 'eglot-flymake-backend flymake-diagnostic-functions))
               "Flymake is on, with Eglot's backend (%S)" flymake-diagnostic-functions)))

(defun e2e-check-diagnostics ()
  "Diagnostics after didOpen, with the settings applied: EL001 ignored, EL504 an error."
  (let ((spawn (e2e-line-of "eventlet.spawn(worker)"))
        (pool (e2e-line-of "pool = eventlet.GreenPool(4)"))
        (imap (e2e-line-of "results = list(pool.imap(worker, range(10)))"))
        (sleep-1 (e2e-line-of "eventlet.sleep(1)"))
        (sleep-2 (e2e-line-of "eventlet.sleep(2.5)"))
        (import (e2e-line-of "import eventlet")))
    (when (e2e-wait-for-diagnostics
           "diagnostics after didOpen"
           `(("EL301" ,spawn eglot-warning) ("EL503" ,pool eglot-warning) ("EL203" ,imap eglot-warning)
             ("EL504" ,sleep-1 eglot-error) ("EL504" ,sleep-2 eglot-error))
           `(("EL001" ,import)))
      (e2e-pass "the settings took effect: EL001 ignored, EL504 an error")
      (let* ((d (e2e-find (flymake-diagnostics) "EL301" spawn))
             (lsp (e2e-lsp-diagnostic d))
             (text (flymake-diagnostic-text d)))
        (e2e-check (string-prefix-p "eventlet-lsp [EL301]: `eventlet.spawn`" text)
                   "Flymake's text names the source and the rule: %S" text)
        (e2e-goto-line spawn)
        (e2e-check (and (= (flymake-diagnostic-beg d) (line-beginning-position))
                        (equal (buffer-substring-no-properties (flymake-diagnostic-beg d)
                                                               (flymake-diagnostic-end d))
                               "eventlet.spawn"))
                   "EL301 covers `eventlet.spawn` (%S)"
                   (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d)))
        (e2e-check (string-prefix-p "https://removal.eventlet.org/"
                                    (or (plist-get (plist-get lsp :codeDescription) :href) ""))
                   "EL301 keeps its codeDescription.href (the migration guide) in the diagnostic's data")
        (let ((imap-d (e2e-find (flymake-diagnostics) "EL203" imap)))
          (e2e-goto-line imap)
          (e2e-check (equal (buffer-substring-no-properties (flymake-diagnostic-beg imap-d)
                                                            (flymake-diagnostic-end imap-d))
                            "pool.imap")
                     "EL203 covers `pool.imap`"))))))

(defun e2e-check-hover ()
  "The hover on `eventlet.spawn`: the raw textDocument/hover, then what ElDoc gets from Eglot."
  (e2e-goto-line (e2e-line-of "eventlet.spawn(worker)") (length "eventlet.sp"))
  ;; Eglot 1.9 asks for markdown only when markdown-mode is there to render it.
  (let ((kind (if (fboundp 'gfm-view-mode) "markdown" "plaintext"))
        (result (condition-case err
                    (jsonrpc-request e2e-server :textDocument/hover (eglot--TextDocumentPositionParams)
                                     :timeout e2e-timeout)
                  (error (e2e-fail "hover: %s" (error-message-string err)) nil))))
    (when result
      (let* ((contents (plist-get result :contents))
             (value (or (plist-get contents :value) "")))
        (e2e-check (equal (plist-get contents :kind) kind)
                   "hover is %s, as Eglot asked (kind %S)" kind (plist-get contents :kind))
        (unless (e2e-check (string-search "eventlet.greenthread.spawn" value)
                           "hover names eventlet.greenthread.spawn")
          (e2e-out "%s" value))
        (e2e-check (string-search "threading.Thread(" value)
                   "hover gives the threading replacement, threading.Thread(...)")
        (e2e-check (string-search "https://removal.eventlet.org/" value)
                   "hover links to the migration guide"))))
  (let (shown)
    (eglot-hover-eldoc-function (lambda (info &rest _) (setq shown (or info ""))))
    (if (not (e2e-wait-until (lambda () shown)))
        (e2e-fail "ElDoc: Eglot's hover function gave nothing within %s s" e2e-timeout)
      (e2e-check (string-search "eventlet.greenthread.spawn" (substring-no-properties shown))
                 "ElDoc gets the hover from Eglot (%d characters)" (length shown)))))

(defun e2e-check-edit ()
  "A user edit: a new line above `eventlet.spawn(worker)`; everything below moves down."
  (let ((spawn (e2e-line-of "eventlet.spawn(worker)"))
        (pool (e2e-line-of "pool = eventlet.GreenPool(4)"))
        (sleep-2 (e2e-line-of "eventlet.sleep(2.5)")))
    (e2e-goto-line spawn)
    (insert "eventlet.sleep(0)\n")
    (let* ((params (e2e-send-changes))
           (change (and params (seq-first (plist-get params :contentChanges)))))
      (e2e-check (plist-get change :range)
                 "Eglot sent an incremental textDocument/didChange: %S" change))
    (e2e-wait-for-diagnostics
     "diagnostics after inserting `eventlet.sleep(0)`"
     `(("EL505" ,spawn nil) ("EL301" ,(1+ spawn) nil) ("EL503" ,(1+ pool) nil) ("EL504" ,(1+ sleep-2) nil))
     `(("EL301" ,spawn)))))

(defun e2e-pick-action (title)
  "Run `eglot-code-actions' as M-x does at point, picking TITLE from Eglot's menu.
Return the prompt Eglot showed."
  (let ((prompt nil)
        ;; The command comes from the keyboard (M-x), not from a mouse click: Eglot then asks
        ;; with `completing-read' rather than a popup menu.
        (last-nonmenu-event ?\r))
    (cl-letf (((symbol-function 'completing-read)
               (lambda (question collection &rest _)
                 (setq prompt question)
                 (unless (assoc title collection)
                   (error "Eglot's menu has no %S: %S" title (mapcar #'car collection)))
                 title)))
      (call-interactively #'eglot-code-actions))
    prompt))

(cl-defun e2e-check-quick-fix ()
  "The preferred quick fix on `eventlet.sleep(1)`, through `eglot-code-actions'."
  (let ((line (e2e-line-of "eventlet.sleep(1)"))
        (sleep-2 (e2e-line-of "eventlet.sleep(2.5)"))
        (spawn (e2e-line-of "eventlet.spawn(worker)")))
    (e2e-goto-line line)
    (back-to-indentation)
    ;; Called from Lisp, eglot-code-actions returns what it asks for at point.
    (let* ((actions (condition-case err (apply #'eglot-code-actions (eglot--region-bounds))
                      (error (e2e-fail "code actions: %s" (error-message-string err)) nil)))
           (fix (e2e-action actions "Replace with `time.sleep`"))
           (fixed-diagnostics (and fix (append (plist-get fix :diagnostics) nil))))
      (e2e-out "code actions at `eventlet.sleep(1)`: %s" (e2e-titles actions))
      (unless (e2e-check fix "a \"Replace with `time.sleep`\" action is offered")
        (cl-return-from e2e-check-quick-fix))
      (e2e-check (and (equal (plist-get fix :kind) "quickfix") (eq (plist-get fix :isPreferred) t))
                 "it is a preferred quickfix")
      (e2e-check (equal (plist-get (car fixed-diagnostics) :code) "EL504")
                 "it names the EL504 diagnostic Eglot sent in the request's context")
      (e2e-check (e2e-action actions "Disable EL504 for this line") "\"Disable EL504 for this line\" is offered")
      ;; Eglot 1.9 has no codeAction/resolve: the server sends each edit with its action.
      (e2e-check (cl-every (lambda (a) (plist-get a :edit)) actions) "every action carries its edit")
      (e2e-check (e2e-action actions "Fix all EL504 in this file (safe fixes)")
                 "\"Fix all EL504 in this file (safe fixes)\" is offered (two safe EL504 in the file)")
      (let ((prompt (e2e-pick-action "Replace with `time.sleep`")))
        (e2e-check (and prompt (string-search "(default Replace with `time.sleep`)" prompt))
                   "Eglot's menu proposes the preferred action as the default: %S" prompt)))
    (let ((lines (split-string (buffer-string) "\n")))
      (unless (e2e-check (member "    time.sleep(1)" lines) "the line now reads `time.sleep(1)`")
        (e2e-out "%s" (buffer-string))
        (cl-return-from e2e-check-quick-fix))
      (e2e-check (member "import time" lines) "`import time` is in the file")
      (e2e-check (member "import eventlet" lines) "`import eventlet` (still used) is kept"))
    (e2e-send-changes)
    ;; `import time' moved everything below it down a line.
    (e2e-wait-for-diagnostics "diagnostics after the quick fix"
                              `(("EL504" ,(1+ sleep-2) nil) ("EL301" ,(1+ spawn) nil))
                              `(("EL504" ,(e2e-line-of "time.sleep(1)"))))))

(defun e2e-check-fix-all ()
  "source.fixAll.eventlet-lsp through `eglot-code-actions', as the documented on-save hook runs it."
  (let ((last-nonmenu-event ?\r))
    ;; One action of that kind: Eglot applies it without a menu.
    (condition-case err
        (eglot-code-actions (point-min) (point-max) "source.fixAll.eventlet-lsp" t)
      (error (e2e-fail "source.fixAll.eventlet-lsp: %s" (error-message-string err)))))
  (let ((actual (buffer-substring-no-properties (point-min) (point-max))))
    (unless (e2e-check (equal actual e2e-expected-after-fix-all)
                       "the buffer after source.fixAll.eventlet-lsp is the expected text")
      (e2e-out "--- expected:\n%s--- buffer:\n%s---" e2e-expected-after-fix-all actual)))
  (e2e-send-changes)
  ;; What is left has no safe fix.
  (e2e-wait-for-diagnostics "diagnostics after source.fixAll.eventlet-lsp"
                            `(("EL505" ,(e2e-line-of "eventlet.sleep(0)") nil)
                              ("EL301" ,(e2e-line-of "eventlet.spawn(worker)") nil)
                              ("EL503" ,(e2e-line-of "pool = eventlet.GreenPool(4)") nil)
                              ("EL203" ,(e2e-line-of "results = list(pool.imap(worker, range(10)))") nil))
                            '(("EL504" nil))))

(defun e2e-shutdown ()
  "shutdown, then exit, and the server's own exit status.
Not `eglot-shutdown': after sending exit, it deletes the process at once (SIGKILL) without
waiting for it to end, so the exit status would say nothing about the server."
  (let ((process (jsonrpc--process e2e-server)))
    (setf (eglot--shutdown-requested e2e-server) t)
    (condition-case err
        (progn (jsonrpc-request e2e-server :shutdown nil :timeout 5)
               (jsonrpc-notify e2e-server :exit nil))
      (error (e2e-fail "shutdown: %s" (error-message-string err))))
    (if (not (e2e-wait-until (lambda () (not (process-live-p process))) 5))
        (e2e-fail "the server did not exit within 5 s of shutdown/exit")
      (e2e-check (and (eq (process-status process) 'exit) (= (process-exit-status process) 0))
                 "the server exited with status 0 after shutdown/exit (%s %s)"
                 (process-status process) (process-exit-status process)))))

(defun e2e-run ()
  (let ((server-path (e2e-env "EVENTLET_LSP_SERVER"))
        (fixture (expand-file-name (e2e-env "EVENTLET_LSP_FIXTURE")))
        (log-file (let ((value (getenv "EVENTLET_LSP_E2E_LOG")))
                    (and value (not (string-empty-p value)) (expand-file-name value)))))
    (unless (and (file-regular-p server-path) (file-executable-p server-path))
      (error "EVENTLET_LSP_SERVER is not an executable file: %s" server-path))
    (unless (file-readable-p fixture)
      (error "EVENTLET_LSP_FIXTURE is not readable: %s" fixture))
    (e2e-start (expand-file-name server-path) fixture log-file)
    (e2e-check-capabilities)
    (e2e-check-diagnostics)
    (e2e-check-hover)
    (e2e-check-edit)
    (e2e-check-quick-fix)
    (e2e-check-fix-all)
    (let ((complaints (cl-remove-if-not (lambda (m) (memq (car m) '(1 2))) e2e-server-messages)))
      (e2e-check (null complaints) "no error or warning message from the server%s"
                 (if complaints (format ": %S" complaints) "")))))

;; Anything that would wait for a user is an error, not a hang.
(dolist (function '(read-from-minibuffer read-string read-shell-command y-or-n-p yes-or-no-p
                    read-event read-char read-char-exclusive))
  (advice-add function :override #'e2e-no-prompt))

(run-at-time e2e-global-timeout nil
             (lambda ()
               (e2e-fail "the test did not finish within %d s" e2e-global-timeout)
               (e2e-finish 4)))

(let ((status 0))
  (condition-case err
      (e2e-run)
    (error (e2e-fail "the test could not go on: %s%s" (error-message-string err)
                     (let ((process (and e2e-server (jsonrpc--process e2e-server))))
                       (if (and process (memq (process-status process) '(exit signal)))
                           (format " (the server process ended: %s %s)"
                                   (process-status process) (process-exit-status process))
                         "")))
           (setq status 2)))
  (when (and e2e-server (jsonrpc-running-p e2e-server))
    (condition-case err
        (e2e-shutdown)
      (error (e2e-fail "shutdown: %s" (error-message-string err)))))
  (e2e-finish status))

;;; e2e.el ends here
