/**
 * The configuration files of the scale-out topology (topology.ts): the
 * PostgreSQL servers, HAProxy and PgBouncer.
 */
export function postgresConf(port: number, dir: string, preload: boolean): string {
  return [
    "",
    "# afterview scale-out",
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${dir}'`,
    "wal_level = replica",
    "hot_standby = on",
    "max_wal_senders = 5",
    "wal_keep_size = '256MB'",
    "max_connections = 200",
    "shared_buffers = '64MB'",
    ...(preload ? ["shared_preload_libraries = 'pg_stat_statements'", "pg_stat_statements.track = all"] : []),
    "",
  ].join("\n");
}

export function haproxyConfig(o: { port: number; a: number; b: number; pidFile: string }): string {
  return `global
  maxconn 4096
  pidfile ${o.pidFile}

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout http-request 10s
  timeout queue 10s
  # A request is retried (on the other instance) only when it cannot have
  # reached an app: the connection failed. A GET or HEAD is also retried when
  # the server closed the connection without a byte of answer (an instance
  # that is stopping refuses new connections and answers every request it
  # accepted); anything else never is, so no POST runs twice.
  retries 3
  retry-on conn-failure empty-response
  option redispatch 1
  option http-server-close
  option forwardfor

frontend afterview
  bind 127.0.0.1:${o.port}
  http-request disable-l7-retry unless METH_GET
  default_backend instances

backend instances
  balance roundrobin
  # The instance's own health: 200 with the database up, 503 (its plain
  # message) while the database is down. Both mean the instance answers, so
  # both keep it in; no answer takes it out.
  option httpchk GET /api/health
  http-check expect rstatus ^(200|503)$
  default-server inter 500ms fall 2 rise 2
  server a 127.0.0.1:${o.a} check
  server b 127.0.0.1:${o.b} check
`;
}

/**
 * How long PgBouncer holds a query that waits for a server connection before
 * it fails it. A database outage shorter than this is hidden from the app:
 * the first query of the gap waits it out and succeeds.
 */
export const PGBOUNCER_QUERY_WAIT_TIMEOUT_S = 5;

export function pgbouncerConfig(o: { port: number; primaryPort: number; dir: string }): string {
  return `[databases]
* = host=127.0.0.1 port=${o.primaryPort}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${o.port}
unix_socket_dir =
auth_type = trust
auth_file = ${o.dir}/userlist.txt
admin_users = postgres
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 40
max_db_connections = 80
server_reset_query =
query_wait_timeout = ${PGBOUNCER_QUERY_WAIT_TIMEOUT_S}
server_connect_timeout = 3
server_login_retry = 1
ignore_startup_parameters = extra_float_digits,options,statement_timeout,idle_in_transaction_session_timeout
logfile = ${o.dir}/logs/pgbouncer.log
pidfile = ${o.dir}/pgbouncer.pid
`;
}
