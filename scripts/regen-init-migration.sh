#!/usr/bin/env bash
# Until the first release, the whole schema is one initial migration that is
# regenerated from prisma/schema/ after each change (docs/decisions/002-storage-layout.md).
# After the first release, use `npx prisma migrate dev --name <change>` instead.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p prisma/migrations/0001_init
npx prisma migrate diff --from-empty --to-schema-datamodel prisma/schema --script > prisma/migrations/0001_init/migration.sql
printf 'provider = "sqlite"\n' > prisma/migrations/migration_lock.toml
npx prisma generate >/dev/null
echo "prisma/migrations/0001_init regenerated and client generated"
