#!/usr/bin/env bash
# Runs the production recipe the Dockerfile runs, without Docker, in a temporary copy of this checkout's tracked files:
# npm ci, npm run build, npm prune --omit=dev; then starts `node dist/main.js` from the pruned tree (working directory
# elsewhere) against the Caliq simulator and the Slack stand-in, waits for /readyz, runs the journal CLI, sends SIGTERM
# and checks for a clean exit with "caliq-slack stopped" logged and nothing left running. Does the same through
# `npm start`, whose SIGTERM must reach node. Exit 0 when all of that holds; the last line says how long it took.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
started=$SECONDS
work=$(mktemp -d -t caliq-recipe.XXXXXX)
app="$work/app"
elsewhere="$work/elsewhere"
mkdir -p "$app" "$elsewhere"
fakes_pid=""
bot_pid=""

cleanup() {
  # Only what this script started, by process id.
  [ -n "$bot_pid" ] && kill -KILL "$bot_pid" 2>/dev/null
  [ -n "$fakes_pid" ] && kill -TERM "$fakes_pid" 2>/dev/null && wait "$fakes_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

step() { echo "[recipe +$((SECONDS - started)) s] $*"; }
fail() {
  echo "production recipe FAILED: $*" >&2
  for log in "$work"/*.log; do [ -f "$log" ] && { echo "--- $log" >&2; tail -n 25 "$log" >&2; }; done
  exit 1
}
now_ms() { date +%s%3N; }

step "copying the tracked files of $repo to $app"
(cd "$repo" && git ls-files -z | while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done |
  xargs -0 cp --parents -t "$app")

step "npm ci"
(cd "$app" && npm ci --no-audit --no-fund --loglevel=error) >"$work/npm-ci.log" 2>&1 || fail "npm ci"
step "npm run build"
build_from=$(now_ms)
(cd "$app" && npm run -s build) >"$work/build.log" 2>&1 || fail "npm run build"
build_ms=$(($(now_ms) - build_from))
step "npm prune --omit=dev"
(cd "$app" && npm prune --omit=dev --no-audit --no-fund --loglevel=error) >"$work/prune.log" 2>&1 || fail "npm prune"
for tool in tsc tsx vitest biome; do
  [ -e "$app/node_modules/.bin/$tool" ] && fail "$tool is still installed after npm prune --omit=dev"
done
[ -f "$app/dist/main.js" ] && [ -f "$app/dist/cli.js" ] || fail "dist/main.js or dist/cli.js was not built"
# The example map goes where the bot looks by default: the app's folder, not the working directory.
cp "$app/employee-map.example.csv" "$app/employee-map.csv"

step "starting the Caliq simulator and the Slack stand-in (from the checkout, with its dev tools)"
(cd "$repo" && exec node --import tsx scripts/recipe-fakes.ts) >"$work/fakes.out" 2>"$work/fakes.log" &
fakes_pid=$!
for _ in $(seq 1 100); do [ -s "$work/fakes.out" ] && break; sleep 0.2; done
fakes=$(head -n 1 "$work/fakes.out")
[ -n "$fakes" ] || fail "the fakes did not start"
json() { node -e 'process.stdout.write(String(JSON.parse(process.argv[1])[process.argv[2]]))' "$fakes" "$1"; }
port=$(node -e 'const s=require("node:net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
bot_env=(
  env -i "PATH=$PATH" "HOME=$work" "TZ=UTC"
  "SLACK_BOT_TOKEN=xoxb-production-recipe-check" "SLACK_SIGNING_SECRET=production-recipe-signing-secret"
  "SLACK_API_URL=$(json slackApiUrl)" "CALIQ_BASE_URL=$(json caliqUrl)" "CALIQ_API_KEY=$(json caliqApiKey)"
  "PORT=$port" "STARTUP_TIMEOUT_SECONDS=15"
)

# Every process below $1 (npm → sh → node), so the check after SIGTERM looks at exactly what this script started.
descendants() {
  local children child
  children=$(ps -eo pid=,ppid= | awk -v parent="$1" '$2 == parent { print $1 }')
  for child in $children; do echo "$child $(descendants "$child")"; done
}

# Starts the bot with "$@" from another folder, waits for /healthz then /readyz, SIGTERMs it and checks how it ended.
run_and_stop() {
  local name=$1
  shift
  local log="$work/$name.log"
  local from
  from=$(now_ms)
  (cd "$elsewhere" && exec "${bot_env[@]}" "$@") >"$log" 2>&1 &
  bot_pid=$!
  local healthy=""
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && { healthy=$(($(now_ms) - from)); break; }
    kill -0 "$bot_pid" 2>/dev/null || fail "$name exited before answering /healthz"
    sleep 0.05
  done
  [ -n "$healthy" ] || fail "$name did not answer /healthz within 15 s"
  local ready=""
  for _ in $(seq 1 100); do
    curl -fsS -o "$work/readyz.json" "http://127.0.0.1:$port/readyz" 2>/dev/null && { ready=$(($(now_ms) - from)); break; }
    sleep 0.1
  done
  [ -n "$ready" ] || fail "$name: /readyz never answered 200 ($(cat "$work/readyz.json" 2>/dev/null))"
  step "$name: /healthz after ${healthy} ms, /readyz 200 after ${ready} ms: $(cat "$work/readyz.json")"
  if [ "$name" = node ]; then
    [ -f "$app/data/caliq-slack.db" ] || fail "the database is not at $app/data/caliq-slack.db (the app's folder)"
    [ -z "$(ls -A "$elsewhere")" ] || fail "the bot wrote into its working directory: $(ls -A "$elsewhere")"
    grep -q 'employee map file not found' "$log" && fail "the bot did not find $app/employee-map.csv"
    local listed
    listed=$(cd "$elsewhere" && env -i "PATH=$PATH" "HOME=$work" npm --prefix "$app" run -s journal -- list 2>&1) ||
      fail "npm run journal -- list: $listed"
    [ "$listed" = "No journal entries match." ] || fail "npm run journal -- list printed: $listed"
    step "npm run journal -- list (pruned tree, other folder): $listed"
  fi
  local family
  family="$bot_pid $(descendants "$bot_pid")"
  kill -TERM "$bot_pid"
  local code=0
  wait "$bot_pid" || code=$?
  bot_pid=""
  [ "$code" -eq 0 ] || fail "$name exited with $code after SIGTERM"
  grep -q '"msg":"caliq-slack stopped"' "$log" || fail "$name did not log 'caliq-slack stopped'"
  sleep 0.5
  local left="" pid
  for pid in $family; do kill -0 "$pid" 2>/dev/null && left+=" $(ps -o pid=,args= -p "$pid")"; done
  [ -z "$left" ] || fail "$name left processes running after SIGTERM:$left"
  curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && fail "$name: the port still answers after exit"
  step "$name: SIGTERM → exit 0, 'caliq-slack stopped' logged, nothing left running"
}

run_and_stop node node --max-old-space-size=160 --max-semi-space-size=8 "$app/dist/main.js"
run_and_stop npm-start npm --prefix "$app" start

echo "production recipe OK in $((SECONDS - started)) s (tsc build ${build_ms} ms, which npm start no longer runs)"
