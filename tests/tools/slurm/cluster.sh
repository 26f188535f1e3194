#!/usr/bin/env bash
# A throwaway one-node Slurm cluster for tests: munged, slurmctld and slurmd of our own, all their
# files under DIR, running as the calling user, on free ports.
#
#   cluster.sh start DIR [MAX_ARRAY_SIZE]   start it; print "export SLURM_CONF=..." lines to eval
#   cluster.sh stop DIR                     cancel its jobs, stop every process it started
#
# Needs Debian's slurm-wlm and munge packages (scripts/setup.sh installs them). The daemons read
# DIR/slurm.conf (filled from slurm.conf.in next to this script); clients find it through SLURM_CONF,
# and the munge socket through the conf's AuthInfo.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
readonly here
readonly kStartTimeout=60

die() {
  echo "cluster.sh: $*" >&2
  exit 1
}

# The last lines of every log under DIR, for a failure message.
log_tails() {
  local dir="$1" f
  for f in "$dir"/log/*.log; do
    [ -f "$f" ] || continue
    echo "--- tail of $f" >&2
    tail -n 20 "$f" >&2
  done
}

# A TCP port nobody listens on now (bound and released by the kernel's choice).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The pid written in FILE, when that process is still alive.
live_pid() {
  local file="$1" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Waits up to SECONDS for PID to exit; returns 1 if it is still alive.
wait_exit() {
  local pid="$1" seconds="$2" i
  for ((i = 0; i < seconds * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

# A failed start: logs, then whatever did start is stopped again, then the message.
start_failed() {
  local dir="$1"
  shift
  log_tails "$dir"
  stop "$dir" >/dev/null 2>&1 || true
  die "$@"
}

start() {
  local dir="$1" max_array_size="${2:-1001}"
  for cmd in munged mungekey slurmctld slurmd sbatch sinfo scontrol python3; do
    command -v "$cmd" >/dev/null 2>&1 || die "$cmd not found (install the slurm-wlm and munge packages: scripts/setup.sh)"
  done
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  [ -e "$dir/slurm.conf" ] && die "$dir already holds a cluster (stop it first)"
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log"
  # munged refuses a key, socket or log directory that others can write to, or a key others can
  # read, and warns about a socket directory others cannot search.
  chmod 755 "$dir" "$dir/munge" "$dir/log"

  mungekey --create --keyfile="$dir/munge/munge.key" >/dev/null
  chmod 400 "$dir/munge/munge.key"
  local munged_args=(--socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key"
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log"
    --seed-file="$dir/munge/munged.seed")
  # As root munged insists that the directories above DIR are root-owned; --force lets it run in
  # a temporary directory that a non-root build created.
  if [ "$(id -u)" -eq 0 ]; then munged_args+=(--force); fi
  munged "${munged_args[@]}" || start_failed "$dir" "munged failed to start"

  local cpus user
  # At least 8 job slots, whatever the cores (the conf's config_overrides allows it): test jobs
  # mostly sleep, and with free slots it is Slurm's dependencies and throttles that order them,
  # which a test can then see, rather than a node too full to start the next job anyway.
  cpus="$(nproc)"
  if [ "$cpus" -lt 8 ]; then cpus=8; fi
  user="$(id -un)"
  sed -e "s|@DIR@|$dir|g" -e "s|@CPUS@|$cpus|g" -e "s|@USER@|$user|g" \
      -e "s|@MAX_ARRAY_SIZE@|$max_array_size|g" \
      -e "s|@CTLD_PORT@|$(free_port)|g" -e "s|@SLURMD_PORT@|$(free_port)|g" \
      "$here/slurm.conf.in" > "$dir/slurm.conf"
  # The daemons and every job step inherit this, which is also how stop finds leftover processes.
  export SLURM_CONF="$dir/slurm.conf"

  # -i: ignore any state a previous run left (there is none in a fresh DIR; it keeps restarts clean).
  slurmctld -f "$SLURM_CONF" -i || start_failed "$dir" "slurmctld failed to start"
  # -N: the node is "localhost" whatever this machine's host name is.
  slurmd -f "$SLURM_CONF" -N localhost || start_failed "$dir" "slurmd failed to start"

  local i state=""
  for ((i = 0; i < kStartTimeout * 2; i++)); do
    state="$(sinfo -h -o %T 2>/dev/null || true)"
    [ "$state" = "idle" ] && break
    sleep 0.5
  done
  if [ "$state" != "idle" ]; then
    start_failed "$dir" "the node is not idle after ${kStartTimeout} s (sinfo says '${state}'); logs above"
  fi
  echo "export SLURM_CONF=$dir/slurm.conf"
}

stop() {
  local dir="$1" pid
  [ -d "$dir" ] || die "no such directory: $dir"
  dir="$(cd "$dir" && pwd)"
  export SLURM_CONF="$dir/slurm.conf"

  if pid="$(live_pid "$dir/slurmctld.pid")"; then
    # Jobs first: slurmstepd and the jobs' processes outlive a slurmd shutdown.
    local jobs
    jobs="$(squeue -h -o %A 2>/dev/null | sort -u | tr '\n' ' ' || true)"
    if [ -n "${jobs// /}" ]; then
      # shellcheck disable=SC2086
      scancel $jobs 2>/dev/null || true
      for ((i = 0; i < 100; i++)); do
        [ -z "$(squeue -h -o %A 2>/dev/null || true)" ] && break
        sleep 0.1
      done
    fi
    scontrol shutdown >/dev/null 2>&1 || true
  fi

  local name
  for name in slurmd slurmctld; do
    if pid="$(live_pid "$dir/$name.pid")"; then
      wait_exit "$pid" 10 || { kill -TERM "$pid" 2>/dev/null || true; wait_exit "$pid" 5 || kill -KILL "$pid" 2>/dev/null || true; }
    fi
  done

  # Whatever is left from this cluster (a slurmstepd, a job's process) carries its SLURM_CONF in
  # its environment; the daemons were started with it, jobs are submitted with it. A shell that
  # merely eval'd our exports is spared: only step daemons and processes of a job are killed.
  local env_file p vars
  for env_file in /proc/[0-9]*/environ; do
    p="${env_file#/proc/}"
    p="${p%/environ}"
    [ "$p" = "$$" ] && continue
    vars="$({ tr '\0' '\n' < "$env_file"; } 2>/dev/null || true)"
    grep -qxF "SLURM_CONF=$SLURM_CONF" <<<"$vars" || continue
    if grep -q '^SLURM_JOB_ID=' <<<"$vars" || [ "$(cat "/proc/$p/comm" 2>/dev/null)" = "slurmstepd" ]; then
      kill -KILL "$p" 2>/dev/null || true
    fi
  done

  if pid="$(live_pid "$dir/munge/munged.pid")"; then
    kill -TERM "$pid" 2>/dev/null || true
    wait_exit "$pid" 5 || kill -KILL "$pid" 2>/dev/null || true
  fi
}

case "${1:-}" in
  start)
    [ $# -ge 2 ] && [ $# -le 3 ] || die "usage: cluster.sh start DIR [MAX_ARRAY_SIZE]"
    start "$2" "${3:-}"
    ;;
  stop)
    [ $# -eq 2 ] || die "usage: cluster.sh stop DIR"
    stop "$2"
    ;;
  *)
    die "usage: cluster.sh start DIR [MAX_ARRAY_SIZE] | stop DIR"
    ;;
esac
