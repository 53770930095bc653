// When the language client restarts the server. A server that dies before it ever ran (a wrong
// binary, a missing library, a bad option) is not restarted: every restart would fail the same
// way. Once it has run, the library's own policy applies (a crashed server is restarted at most
// 4 times in 3 minutes), so there is no endless restart loop either way.
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  Message,
} from "vscode-languageclient/node";

export class StartupAwareErrorHandler implements ErrorHandler {
  /** Set once the client reached the Running state. */
  hasRun = false;
  /** The library's default handler, set once the client exists (it needs the client). */
  fallback: ErrorHandler | undefined;

  error(error: Error, message: Message | undefined, count: number | undefined): ErrorHandlerResult | Promise<ErrorHandlerResult> {
    // While starting, the extension reports the failure once itself (see client.ts): no toast
    // for every broken write on the way.
    if (!this.hasRun || !this.fallback) return { action: ErrorAction.Shutdown, handled: true };
    return this.fallback.error(error, message, count);
  }

  closed(): CloseHandlerResult | Promise<CloseHandlerResult> {
    if (!this.hasRun || !this.fallback) {
      return { action: CloseAction.DoNotRestart, message: "The eventlet-lsp server exited while starting.", handled: true };
    }
    return this.fallback.closed();
  }
}
