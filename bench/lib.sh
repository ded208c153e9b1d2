# Shared by bench/run and bench/drill: Payara Server under bench/target with PostgreSQL.
# Sourced, not run. Expects ROOT (the repository) and BENCH_DB set.
# the one place the Payara version is written is pom.xml (payara.version)
PAYARA_VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$ROOT"/pom.xml)
BENCH_TARGET=$ROOT/bench/target
PAYARA_HOME=$BENCH_TARGET/payara6
DOMAIN_DIR=$PAYARA_HOME/glassfish/domains/domain1
ASADMIN="bash $PAYARA_HOME/bin/asadmin"
BASE=http://127.0.0.1:8080
ADMIN_PASSWORD=bench-admin-password-1
ADMIN="-u admin:$ADMIN_PASSWORD"
PSQL="psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1"
LOCK=/tmp/ringproof-it.lock
MVN="mvn -B -q -Dstyle.color=never"

log() { printf '[bench] %s\n' "$*" >&2; }

need_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v gnuplot >/dev/null || missing+=(gnuplot-nox)
    command -v jq >/dev/null || missing+=(jq)
    command -v curl >/dev/null || missing+=(curl)
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing ${missing[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
            || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; }
    fi
}

# The EAR when missing or older than any source; the baseline WAR likewise.
build() {
    local ear=$ROOT/ear/target/ringproof.ear
    if [ ! -f "$ear" ] || [ -n "$(find "$ROOT" -path "$ROOT/bench" -prune -o -path '*/target' -prune -o \
            -path '*/src/main/*' -type f -newer "$ear" -print -quit)" ]; then
        log "building the EAR"
        (cd "$ROOT" && $MVN package -DskipTests)
    fi
    local war=$ROOT/bench/baseline/target/baseline.war
    if [ ! -f "$war" ] || [ -n "$(find "$ROOT/bench/baseline/src" -type f -newer "$war" -print -quit)" ]; then
        log "building the baseline WAR"
        (cd "$ROOT/bench/baseline" && $MVN package)
    fi
    if [ ! -f "$PAYARA_HOME/glassfish/config/asenv.conf" ]; then
        log "fetching Payara Server $PAYARA_VERSION into bench/target"
        (cd "$ROOT" && $MVN dependency:unpack -Dartifact=fish.payara.distributions:payara:$PAYARA_VERSION:zip \
            -DoutputDirectory="$BENCH_TARGET" -Dmdep.overWriteReleases=true)
    fi
}

# The embedded broker's message store goes too: each run starts from nothing. (Before timers stayed in
# the outbox until due soon, a run left tens of thousands of delayed messages there, and the next server
# loaded them all into its 512 MB heap and stopped answering.)
fresh_database() {
    log "fresh database $BENCH_DB and broker store"
    $PSQL -d postgres -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"
    rm -rf "$DOMAIN_DIR"/imq/instances/*/fs370
    # and the transaction log: before the listeners left container transactions it grew with every
    # message, and Payara 6.2025.9 keeps 64 KB of heap per extent (payara/Payara#7849)
    rm -rf "$DOMAIN_DIR"/logs/server/tx
}

sql() { $PSQL -d "$BENCH_DB" -At -c "$1"; }

# Ports 8080/4848 are shared with the other worktrees' system tests: hold the lock while a server is up.
# BENCH_LOCK_HELD=1 when the caller holds it already (flock /tmp/ringproof-it.lock env BENCH_LOCK_HELD=1 …).
take_lock() {
    [ -z "${BENCH_LOCK_HELD:-}" ] || return 0
    exec 9>"$LOCK"
    log "waiting for $LOCK"
    flock 9
}

# Only a lock this script took: an inherited descriptor 9 (BENCH_LOCK_HELD) is its caller's to release.
release_lock() { [ -n "${BENCH_LOCK_HELD:-}" ] || flock -u 9 2>/dev/null || true; }

# The fraud guard's prefix velocity and conversion watches would block +44 7400 after 200 starts
# (they are meant to): the bench drives one prefix far harder than any real tenant, so they are off.
start_server() {
    log "starting Payara Server (PostgreSQL database $BENCH_DB)"
    VERIFICATION_MAX_TTL_SECONDS=${BENCH_MAX_TTL_SECONDS:-600} \
    FRAUD_VELOCITY_MIN_STARTS=1000000000 FRAUD_CONVERSION_MIN_STARTS=1000000000 DB_URL=jdbc:postgresql://127.0.0.1:5432/$BENCH_DB DB_USER=postgres DB_PASSWORD= \
        DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource ADMIN_BOOTSTRAP_PASSWORD=$ADMIN_PASSWORD \
        $ASADMIN start-domain domain1 >/dev/null
}

wait_ready() {
    local deadline=$((SECONDS + 240))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' $BASE/health/ready)" = 200 ]; do
        [ $SECONDS -lt $deadline ] || { log "not ready after 240 s; see $DOMAIN_DIR/logs/server.log"; return 1; }
        sleep 2
    done
}

# Leftovers of an interrupted run go first: redeploying over them at startup fails.
deploy() {
    undeploy
    log "deploying ringproof.ear and baseline.war"
    $ASADMIN deploy --name ringproof "$ROOT/ear/target/ringproof.ear" >/dev/null
    $ASADMIN deploy --name baseline --contextroot baseline "$ROOT/bench/baseline/target/baseline.war" >/dev/null
}

undeploy() {
    local app
    for app in $($ASADMIN list-applications --terse 2>/dev/null | awk '{print $1}'); do
        case $app in ringproof|baseline) $ASADMIN undeploy "$app" >/dev/null || true ;; esac
    done
}

# Undeploys too, so that the next start-domain does not load the apps against a fresh database.
stop_server() {
    if [ -f "$DOMAIN_DIR/config/pid" ] && kill -0 "$(cat "$DOMAIN_DIR/config/pid")" 2>/dev/null; then
        log "stopping Payara Server"
        undeploy
        $ASADMIN stop-domain domain1 >/dev/null || true
    fi
}

server_pid() { cat "$DOMAIN_DIR/config/pid"; }

# Seconds the server's JIT has spent compiling since it started (jstat: the JDK's own counters).
jit_seconds() { jstat -compiler "$(server_pid)" | awk 'NR == 2 { print $4 }'; }

admin_post() { curl -sf $ADMIN -H 'Content-Type: application/json' -d "$2" "$BASE/api/admin/v1/$1"; }

# A tenant (fallbacks after $1 seconds), a live key, a GB pool of 10 000 numbers, GB prices, no rate limits.
# Prints the key.
setup_tenant() {
    local fallback=$1 tenant pool
    tenant=$(admin_post tenants "{\"name\":\"Bench\",\"fallback_after_seconds\":{\"missed_call\":$fallback,\"sms\":$fallback,\"voice\":$fallback}}" | jq -r .id)
    pool=$(admin_post pools '{"name":"London","country":"GB"}' | jq -r .id)
    admin_post "pools/$pool/numbers" '{"ranges":[{"from":"+442079460000","to":"+442079469999"}]}' >/dev/null
    # The pool's health rules sized for the bench: its one block of 10 000 numbers carries hundreds of
    # starts a second, 30 times what the default cap (30 calls a number an hour) allows, and nobody
    # answers. With the defaults the block rested: at the cap, or once one check of the check phase
    # guessed its code ("0000" is right for 1 verification in 10 000) and the pool's approval rate was
    # no longer 0 (no_approvals). Every later start then began with an SMS, and the phases after it
    # measured SMS starts (run 16: from the open loop on). Judged still, on every call; never broken.
    curl -sf $ADMIN -X PATCH -H 'Content-Type: application/json' \
        -d '{"max_calls_per_hour":100000,"min_calls":1000000}' "$BASE/api/admin/v1/pools/$pool/health" >/dev/null
    local channel # priced, as in production: an unpriced send is billed at 0 with a warning logged each time
    [ "${BENCH_PRICES:-1}" = 0 ] || for channel in missed_call sms voice; do
        admin_post prices "{\"channel\":\"$channel\",\"country\":\"GB\",\"unit_price\":\"0.0100\",\"currency\":\"EUR\"}" >/dev/null
    done
    for id in $(curl -sf $ADMIN "$BASE/api/admin/v1/rate-limits" | jq -r '.. | objects | select(has("window_seconds")) | .id'); do
        curl -sf $ADMIN -X DELETE "$BASE/api/admin/v1/rate-limits/$id" >/dev/null
    done
    log "tenant $tenant, pool $pool, rate limits left: $(sql 'select count(*) from rate_limit_policy')"
    admin_post "tenants/$tenant/api-keys" '{"label":"bench","mode":"live"}' | jq -r .key
}

# A second tenant for warming the server up, whose verifications live for $1 seconds (at most
# BENCH_MAX_TTL_SECONDS, the server's verification.max-ttl-seconds): the warm-up's starts then do not
# expire, each with its own timer, send and commits, under the phases measured after it. Call after
# setup_tenant (its pool and prices serve this tenant too). Prints the key.
warmup_tenant() {
    local ttl=$1 tenant
    tenant=$(admin_post tenants "{\"name\":\"Bench warm-up\",\"ttl_seconds\":$ttl,\"fallback_after_seconds\":{\"missed_call\":3600,\"sms\":3600,\"voice\":3600}}" | jq -r .id)
    admin_post "tenants/$tenant/api-keys" '{"label":"bench warm-up","mode":"live"}' | jq -r .key
}

# CPU ticks (1/100 s) used so far by process $1, and by all PostgreSQL server processes.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
db_cpu_ticks() {
    local total=0 p
    for p in $(pgrep -u postgres postgres); do
        total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
}

# What one request of SCRIPT costs, over a closed loop of one client for SECONDS, prints
# "requests commits fsyncs server_cpu_ms db_cpu_ms non2xx wal_kb full_page_images" (all but requests and non2xx per
# request; WAL from pg_stat_wal: its kilobytes, and the whole pages it logged, the first change of each page after a
# checkpoint), counting what
# the server does meanwhile in the background too (relay, sweep): its share of the load is part of the cost.
# PostgreSQL reports commits and WAL syncs a second or so late, hence the pauses.
cost() {
    local script=$1 seconds=$2 pid before after line
    pid=$(server_pid)
    sleep 2
    before="$(db_counters) $(cpu_ticks "$pid") $(db_cpu_ticks)"
    line=$(wrk -t1 -c1 -d"${seconds}s" --timeout 10s -s "$BENCH_DIR/$script" "$BASE" | grep '^RESULT')
    after="$(cpu_ticks "$pid") $(db_cpu_ticks)"
    sleep 2
    after="$(db_counters) $after"
    echo "$before $after $(sed 's/.*requests=\([0-9]*\).*non2xx=\([0-9]*\) socket_errors=\([0-9]*\).*/\1 \2 \3/' <<< "$line")" \
        | awk '{ n = $13; if (n == 0) n = 1;
        printf "%d %.2f %.2f %.2f %.2f %d %.2f %.2f\n", $13, ($7 - $1) / n, ($8 - $2) / n, ($11 - $5) * 10 / n, ($12 - $6) * 10 / n,
            $14 + $15, ($9 - $3) / 1024 / n, ($10 - $4) / n }'
}

# The database's commits, WAL syncs, WAL bytes and whole pages logged so far, in one read.
db_counters() {
    sql "select d.xact_commit || ' ' || w.wal_sync || ' ' || w.wal_bytes || ' ' || w.wal_fpi
         from pg_stat_database d, pg_stat_wal w where d.datname = current_database()"
}

# The SQL statements one request of SCRIPT sends (BEGIN and COMMIT not counted), read off PostgreSQL's
# log with log_statement = all for a few seconds (set and reset with ALTER SYSTEM; the trap of the
# caller resets it too). Prints "requests statements_per_request".
statements() {
    local script=$1 seconds=$2 log from line count
    log=$(ls -t /var/log/postgresql/*.log 2>/dev/null | head -1)
    [ -n "$log" ] || { echo "0 NaN"; return; }
    $PSQL -d postgres -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()" >/dev/null
    sleep 1
    from=$(($(wc -l < "$log") + 1))
    line=$(wrk -t1 -c1 -d"${seconds}s" --timeout 10s -s "$BENCH_DIR/$script" "$BASE" | grep '^RESULT')
    sleep 1
    statements_off
    count=$(tail -n +"$from" "$log" | grep "@$BENCH_DB " | grep -E 'LOG:  (execute [^:]*|statement): ' \
        | grep -cvE 'LOG:  (execute [^:]*|statement): (BEGIN|COMMIT|ROLLBACK)')
    echo "$(sed 's/.*requests=\([0-9]*\).*/\1/' <<< "$line") $count" | awk '{ printf "%d %.1f\n", $1, $2 / ($1 > 0 ? $1 : 1) }'
}

statements_off() {
    $PSQL -d postgres -c "alter system reset log_statement" -c "alter system reset log_autovacuum_min_duration" \
        -c "select pg_reload_conf()" >/dev/null 2>&1 || true
}

# This machine's PostgreSQL runs with autovacuum off (its CI configuration); a production database has it on,
# and without it the rows the outbox and the counters leave dead pile up for the whole run. On for the run,
# reset by autovacuum_reset (the caller's trap).
autovacuum_on() {
    $PSQL -d postgres -c "alter system set autovacuum = on" -c "select pg_reload_conf()" >/dev/null
}
autovacuum_reset() {
    $PSQL -d postgres -c "alter system reset autovacuum" -c "select pg_reload_conf()" >/dev/null 2>&1 || true
}

# A directory on the filesystem PostgreSQL commits to, for bench/flushes.py's probe: the run's own when
# it shares that filesystem, else the one holding PostgreSQL's data directory.
flush_dir() {
    local data
    data=$($PSQL -d postgres -At -c "show data_directory")
    if [ "$(stat -c %d "$data")" = "$(stat -c %d "$WORK")" ]; then echo "$WORK"; else dirname "$data"; fi
}

# Every autovacuum and autoanalyze run logged from now on, for bench/stalls.py (reset by statements_off).
autovacuum_logged() {
    $PSQL -d postgres -c "alter system set log_autovacuum_min_duration = 0" -c "select pg_reload_conf()" >/dev/null
}
