// EL806 eventlet-resource-pool: `eventlet.db_pool` connection pools and `eventlet.pools`.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL806;
constinit const RuleDefinition kRuleEL806{
    .code = "EL806",
    .name = "eventlet-resource-pool",
    .scenario = Scenario::Integration,
    .default_severity = Severity::Warning,
    .message = "`{api}` is an Eventlet resource pool: use the pooling of your driver or ORM",
    .guide_path = "/guide/migrating-to-asyncio/#advanced-scenarios",
    .asyncio_replacement =
        "An async driver with its own pool: `asyncpg.create_pool`, `aiomysql.create_pool`, or "
        "SQLAlchemy's asyncio engine.",
    .threading_replacement =
        "SQLAlchemy's thread-safe connection pool (`create_engine(url, pool_size=n)`), or a "
        "`queue.Queue` of reusable objects in place of `pools.Pool`.",
    .trap =
        "`TpooledConnectionPool` ran every database call in tpool threads, and `pools.Pool` "
        "blocked green threads while empty; a thread-based replacement must be sized and "
        "thread-safe. `ConnectTimeout` has no direct counterpart.",
    .docs = {
        .what_it_does =
            "Reports `eventlet.db_pool` (`ConnectionPool`, `TpooledConnectionPool`, "
            "`RawConnectionPool`, `BaseConnectionPool`, `DatabaseConnector`, `ConnectTimeout`) and "
            "`eventlet.pools` (`Pool`, `TokenPool`).",
        .why_is_this_bad =
            "These pools hand connections or objects to green threads and wait through the hub "
            "when none is free. Database drivers and ORMs provide their own pools for threads and "
            "for asyncio, which make these unnecessary.",
        .example = R"py(import MySQLdb
from eventlet import db_pool

pool = db_pool.ConnectionPool(MySQLdb, host="db", user="app", db="orders", max_size=10)

conn = pool.get()
try:
    ...
finally:
    pool.put(conn)
)py",
        .fix_safety =
            "No fix: the replacement pool comes from the database library and takes different "
            "settings.",
    },
};

}  // namespace eventlet_lsp::analyzers
