#!/bin/sh
# npm start: runs the built bot as node itself (exec, so SIGTERM reaches it). Builds first only when dist/ is missing
# or older than src/ and the compiler is installed, so `npm install && npm start` works from a fresh clone while a
# pruned production tree (no compiler) starts at once from its dist/.
cd "$(dirname "$0")/.." || exit 1
if [ ! -f dist/main.js ] || [ -n "$(find src -name '*.ts' ! -name '*.test.ts' -newer dist/main.js 2>/dev/null | head -n 1)" ]; then
  if [ -x node_modules/.bin/tsc ]; then
    echo "caliq-slack: building dist/ from src/ first" >&2
    node_modules/.bin/tsc -p tsconfig.build.json || exit 1
  elif [ ! -f dist/main.js ]; then
    echo "caliq-slack is not built and the TypeScript compiler is not installed: run npm ci && npm run build" >&2
    exit 1
  fi
fi
exec node --max-old-space-size=160 --max-semi-space-size=8 dist/main.js
