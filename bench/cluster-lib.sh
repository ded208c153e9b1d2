# The cluster of bench/cluster and bench/cluster-drill: a Payara DAS, a deployment group of two
# instances, PostgreSQL and haproxy, all under bench/target/cluster. Sourced; expects ROOT.
PAYARA_VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$ROOT"/pom.xml)
CLUSTER_DIR=$ROOT/bench/target/cluster
PAYARA_HOME=$CLUSTER_DIR/payara6
DOMAIN=ringproof-cluster
DOMAIN_DIR=$PAYARA_HOME/glassfish/domains/$DOMAIN
NODE=localhost-$DOMAIN
CONFIG=ringproof-config
GROUP=ringproof-dg
INSTANCES=(rp1 rp2)
declare -A PORTBASE=([rp1]=28000 [rp2]=28100)
DAS_PORTBASE=21000
ADMIN_PORT=$((DAS_PORTBASE + 48))
GRID_NAME=ringproof-cluster
GRID_START_PORT=25900
LB_PORT=18080
LB_STATS_PORT=18081
LB=http://127.0.0.1:$LB_PORT
CLUSTER_DB=${CLUSTER_DB:-ringproof_cluster}
PASSWORD_FILE=$CLUSTER_DIR/admin-password
SECRETS=$CLUSTER_DIR/secrets.env
HAPROXY_CFG=$CLUSTER_DIR/haproxy.cfg
HAPROXY_PID=$CLUSTER_DIR/haproxy.pid
ASADMIN="bash $PAYARA_HOME/bin/asadmin --user admin --passwordfile $PASSWORD_FILE --port $ADMIN_PORT"
PSQL="psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1"

log() { printf '[cluster] %s\n' "$*" >&2; }

http_port() { echo $((PORTBASE[$1] + 80)); }
instance_dir() { echo "$PAYARA_HOME/glassfish/nodes/$NODE/$1"; }
instance_pid() { cat "$(instance_dir "$1")/config/pid" 2>/dev/null || true; }
status_of() { curl -s -m 5 -o /dev/null -w '%{http_code}' "$1" || true; }
das_running() { [ -f "$DOMAIN_DIR/config/pid" ] && kill -0 "$(cat "$DOMAIN_DIR/config/pid")" 2>/dev/null; }
sql() { $PSQL -d "$CLUSTER_DB" -At -c "$1"; }

need_haproxy() {
    command -v haproxy >/dev/null && return 0
    log "installing haproxy"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >/dev/null \
        || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >/dev/null; }
}

# The EAR when missing or older than any source.
build_ear() {
    local ear=$ROOT/ear/target/ringproof.ear
    if [ ! -f "$ear" ] || [ -n "$(find "$ROOT" -path "$ROOT/bench" -prune -o -path '*/target' -prune -o \
            -path '*/src/main/*' -type f -newer "$ear" -print -quit)" ]; then
        log "building the EAR"
        (cd "$ROOT" && mvn -B -q -Dstyle.color=never package -DskipTests)
    fi
}

install_payara() {
    if [ ! -f "$PAYARA_HOME/glassfish/config/asenv.conf" ]; then
        log "unpacking Payara Server $PAYARA_VERSION (Maven's copy) into $CLUSTER_DIR"
        mkdir -p "$CLUSTER_DIR"
        (cd "$ROOT" && mvn -B -q -Dstyle.color=never dependency:unpack \
            -Dartifact=fish.payara.distributions:payara:$PAYARA_VERSION:zip \
            -DoutputDirectory="$CLUSTER_DIR" -Dmdep.overWriteReleases=true)
        rm -rf "$PAYARA_HOME/glassfish/domains/domain1" # the stock domain, with the stock ports: not ours
    fi
    # generated once: the DAS admin's password, and the secrets every instance must share
    if [ ! -f "$PASSWORD_FILE" ]; then
        (umask 077 && echo "AS_ADMIN_PASSWORD=$(openssl rand -hex 16)" >"$PASSWORD_FILE")
    fi
    if [ ! -f "$SECRETS" ]; then
        (umask 077 && {
            echo "CODE_SECRET=$(openssl rand -hex 32)"
            echo "CONSOLE_PASSWORD=console-$(openssl rand -hex 8)"
        } >"$SECRETS")
    fi
}

secret() { sed -n "s/^$1=//p" "$SECRETS"; }

create_database() {
    if [ -z "$($PSQL -d postgres -At -c "select 1 from pg_database where datname = '$CLUSTER_DB'")" ]; then
        log "created database $CLUSTER_DB"
        $PSQL -d postgres -c "create database $CLUSTER_DB"
    fi
}

start_das() {
    if [ ! -d "$DOMAIN_DIR" ]; then
        log "created domain $DOMAIN (port base $DAS_PORTBASE: admin $ADMIN_PORT)"
        $ASADMIN create-domain --portbase $DAS_PORTBASE $DOMAIN >/dev/null
    fi
    if ! das_running; then
        log "starting the DAS"
        $ASADMIN start-domain $DOMAIN >/dev/null
    fi
}

# The data grid (Hazelcast: web sessions, and the DAS's view of its members) under a name of its
# own and on ports of its own: a member of the system tests' server (cluster "development", 4900/5900)
# never joins it. Hazelcast 5 has no cluster password; the grid binds where its members are.
configure_grid() {
    if [ "$($ASADMIN get-hazelcast-configuration | awk '/^Cluster Name/ {print $3}')" != "$GRID_NAME" ]; then
        log "data grid: cluster name $GRID_NAME, DAS on $((DAS_PORTBASE + 49)), members from $GRID_START_PORT"
        $ASADMIN set-hazelcast-configuration --dynamic=true --clustername $GRID_NAME --startport $GRID_START_PORT \
            >/dev/null
    fi
}

# One config shared by the group's instances: the application's settings as system properties
# (MicroProfile Config reads them), each instance's ports from its port base.
create_group() {
    if ! $ASADMIN list-configs | grep -qx $CONFIG; then
        log "created config $CONFIG (database $CLUSTER_DB, one shared code secret)"
        $ASADMIN copy-config default-config $CONFIG >/dev/null
        $ASADMIN set-hazelcast-configuration --target $CONFIG --configspecificdatagridstartport $GRID_START_PORT >/dev/null
        local options=(
            "-Ddb.url=jdbc\\:postgresql\\://127.0.0.1\\:5432/$CLUSTER_DB"
            "-Ddb.user=postgres" "-Ddb.password=postgres"
            "-Ddb.datasource-class=org.postgresql.ds.PGSimpleDataSource"
            "-Dverification.code-secret=$(secret CODE_SECRET)"
            "-Dadmin.bootstrap.password=$(secret CONSOLE_PASSWORD)"
            # the drill drives one prefix far harder than any tenant: the fraud guard's watches are off
            "-Dfraud.velocity.min-starts=1000000000" "-Dfraud.conversion.min-starts=1000000000"
            "-Dsignin.throttle.address-failures=100000"
        )
        $ASADMIN create-jvm-options --target $CONFIG "$(IFS=:; echo "${options[*]}")" >/dev/null
    fi
    if ! $ASADMIN list-deployment-groups | grep -qx "[[:space:]]*$GROUP"; then
        log "created deployment group $GROUP"
        $ASADMIN create-deployment-group $GROUP >/dev/null
    fi
    local name
    for name in "${INSTANCES[@]}"; do
        if ! $ASADMIN list-instances | grep -q "^$name "; then
            log "created instance $name (port base ${PORTBASE[$name]}: HTTP $(http_port "$name"), JMS $((PORTBASE[$name] + 76)))"
            $ASADMIN create-instance --node $NODE --config $CONFIG --portbase "${PORTBASE[$name]}" "$name" >/dev/null
        fi
        if ! $ASADMIN get "deployment-groups.deployment-group.$GROUP.dg-server-ref.*" 2>/dev/null | grep -q "\.$name\.ref="; then
            log "added $name to $GROUP"
            $ASADMIN add-instance-to-deployment-group --instance "$name" --deploymentgroup $GROUP >/dev/null
        fi
    done
}

start_group() {
    local name stopped=false
    for name in "${INSTANCES[@]}"; do
        local pid; pid=$(instance_pid "$name")
        if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then stopped=true; fi
    done
    if $stopped; then
        log "starting deployment group $GROUP"
        $ASADMIN start-deployment-group --instancetimeout 240 $GROUP >/dev/null
    fi
}

# Deployed once, to the group: the DAS pushes it to every instance. Again when the EAR is newer.
deploy_to_group() {
    local ear=$ROOT/ear/target/ringproof.ear stamp=$CLUSTER_DIR/deployed
    if ! $ASADMIN list-applications $GROUP 2>/dev/null | grep -q '^ringproof ' || [ "$ear" -nt "$stamp" ]; then
        log "deploying ear/target/ringproof.ear to $GROUP (web sessions replicated)"
        $ASADMIN deploy --force=true --target $GROUP --availabilityenabled=true --name ringproof "$ear" >/dev/null
        touch "$stamp"
    fi
}

start_haproxy() {
    cat >"$HAPROXY_CFG.new" <<CFG
# written by bench/cluster
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 2
    option redispatch
frontend ringproof
    bind 127.0.0.1:$LB_PORT
    default_backend instances
backend instances
    balance roundrobin
    # console sessions stick to the instance that made them while it lives; after, another has them
    cookie RPNODE insert indirect nocache httponly
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
$(for name in "${INSTANCES[@]}"; do echo "    server $name 127.0.0.1:$(http_port "$name") check cookie $name"; done)
listen stats
    bind 127.0.0.1:$LB_STATS_PORT
    stats enable
    stats uri /
CFG
    local running=false
    if [ -f "$HAPROXY_PID" ] && kill -0 "$(cat "$HAPROXY_PID")" 2>/dev/null; then running=true; fi
    if $running && cmp -s "$HAPROXY_CFG" "$HAPROXY_CFG.new"; then
        rm "$HAPROXY_CFG.new"
        return
    fi
    mv "$HAPROXY_CFG.new" "$HAPROXY_CFG"
    haproxy -c -q -f "$HAPROXY_CFG"
    if $running; then
        log "reloading haproxy"
        haproxy -D -f "$HAPROXY_CFG" -p "$HAPROXY_PID" -sf "$(cat "$HAPROXY_PID")"
    else
        log "starting haproxy on 127.0.0.1:$LB_PORT (statistics http://127.0.0.1:$LB_STATS_PORT/)"
        haproxy -D -f "$HAPROXY_CFG" -p "$HAPROXY_PID"
    fi
}

wait_through_haproxy() {
    local deadline=$((SECONDS + 300)) name
    for name in "${INSTANCES[@]}"; do
        until [ "$(status_of "http://127.0.0.1:$(http_port "$name")/health/ready")" = 200 ]; do
            [ $SECONDS -lt $deadline ] || { log "$name not ready; see $(instance_dir "$name")/logs/server.log"; return 1; }
            sleep 2
        done
    done
    until [ "$(status_of "$LB/health/ready")" = 200 ]; do
        [ $SECONDS -lt $deadline ] || { log "haproxy has no ready server"; return 1; }
        sleep 1
    done
}

# haproxy's view of one server: UP, DOWN, …
lb_state() {
    curl -s "http://127.0.0.1:$LB_STATS_PORT/;csv" | awk -F, -v s="$1" '$1 == "instances" && $2 == s {print $18}'
}

status() {
    local name
    if das_running; then
        echo "DAS $DOMAIN: running, admin http://127.0.0.1:$ADMIN_PORT (admin / password in $PASSWORD_FILE)"
        echo "deployment group $GROUP: ${INSTANCES[*]}; applications: $($ASADMIN list-applications $GROUP 2>/dev/null | awk '/^ringproof/ {print $1}')"
    else
        echo "DAS $DOMAIN: not running"
    fi
    for name in "${INSTANCES[@]}"; do
        local pid; pid=$(instance_pid "$name")
        local alive=down
        [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && alive="pid $pid"
        echo "instance $name: $alive, http://127.0.0.1:$(http_port "$name") ready=$(status_of "http://127.0.0.1:$(http_port "$name")/health/ready"), haproxy sees $(lb_state "$name")"
    done
    echo "haproxy: $LB (ready=$(status_of "$LB/health/ready")), statistics http://127.0.0.1:$LB_STATS_PORT/"
    echo "database: postgresql://127.0.0.1:5432/$CLUSTER_DB"
    [ -f "$SECRETS" ] && echo "console: $LB/admin/ as admin / $(secret CONSOLE_PASSWORD) (admin.bootstrap.password of the config)"
    return 0
}

down() {
    if [ -f "$HAPROXY_PID" ] && kill -0 "$(cat "$HAPROXY_PID")" 2>/dev/null; then
        log "stopping haproxy"
        kill "$(cat "$HAPROXY_PID")"
    fi
    rm -f "$HAPROXY_PID"
    if das_running; then
        log "stopping deployment group $GROUP"
        $ASADMIN stop-deployment-group --kill=true $GROUP >/dev/null 2>&1 || true
        log "stopping the DAS"
        $ASADMIN stop-domain $DOMAIN >/dev/null
    fi
    local name pid
    for name in "${INSTANCES[@]}"; do # an instance the DAS could not reach (killed, half-started)
        pid=$(instance_pid "$name")
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            log "killing $name (pid $pid)"
            kill -9 "$pid"
        fi
    done
}

purge() {
    down
    log "deleting $CLUSTER_DIR/payara6 and database $CLUSTER_DB"
    rm -rf "$PAYARA_HOME" "$HAPROXY_CFG"
    $PSQL -d postgres -c "drop database if exists $CLUSTER_DB with (force)"
}
