#pragma once
#include <memory>

#include "platform/db/database.hpp"

namespace hearth::db {

// PostgreSQL over libpq: a pool of connections sized to the worker threads, statements prepared
// once per connection, a lost connection re-made on its next use (the request that met the loss
// fails with 503, later ones succeed), and write transactions retried on serialisation failure.
Result<std::unique_ptr<Database>> open_postgres(const std::string& url,
                                                const DatabaseOptions& options);

}  // namespace hearth::db
