# Runs `npm run <script>` for each of SCRIPTS (comma-separated) in the VS Code extension's folder, stopping at the
# first failure. Fails first, saying why, when node_modules is missing or older than
# package-lock.json: the tests never install anything themselves (scripts/setup runs `npm ci`).
#   cmake -DNPM=/usr/bin/npm -DEXTENSION_DIR=.../vscode-extension -DSCRIPTS=lint,test -P npm_run.cmake
foreach(variable NPM EXTENSION_DIR SCRIPTS)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "npm_run.cmake: ${variable} is not set")
  endif()
endforeach()

set(stamp "${EXTENSION_DIR}/node_modules/.package-lock.json")
if(NOT EXISTS "${stamp}")
  message(FATAL_ERROR
    "${EXTENSION_DIR}/node_modules is missing: run scripts/setup "
    "(or `npm ci` in vscode-extension) before the extension tests.")
endif()
if("${EXTENSION_DIR}/package-lock.json" IS_NEWER_THAN "${stamp}")
  message(FATAL_ERROR
    "${EXTENSION_DIR}/node_modules is older than package-lock.json: run scripts/setup "
    "(or `npm ci` in vscode-extension) again.")
endif()

string(REPLACE "," ";" scripts "${SCRIPTS}")
foreach(script IN LISTS scripts)
  message(STATUS "npm run ${script}")
  execute_process(
    COMMAND "${NPM}" run ${script}
    WORKING_DIRECTORY "${EXTENSION_DIR}"
    RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "npm run ${script} failed (exit status ${result})")
  endif()
endforeach()
