#!/usr/bin/env bash
# The figures of the README's "Sharing an index", over loopback on this
# machine: search latency local vs remote (in-process and as a process),
# bytes and time of a mirror's first copy and of one nightly day's changes,
# and search time over 2 shards vs 1 index.
#
#   tools/bench/sharing.sh BUILD_DIR PAPER_LOGS [WORK_DIR]
#
# BUILD_DIR has papers and papers_sharing_bench; PAPER_LOGS is a clone's
# paper_logs/ (../shared/corpus/daily_papers_ko/paper_logs). Bytes on the
# wire are counted by a relay between xapian-replicate and the server.
set -euo pipefail
build=$(realpath "$1")
logs=$(realpath "$2")
work=${3:-$(mktemp -d)}
papers=$build/papers
bench=$build/papers_sharing_bench
export XDG_CACHE_HOME=$work/cache
queries=("diffusion reward model" "보상 모델" "강화학습" "language model" "agent benchmark"
         "video generation" "difusion" "title:transformer" "mixture of experts" "code llm")
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
wait_port() { for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return; sleep 0.1; done; }
# Starts `papers serve ARGS...` and waits for the line saying it listens.
serve() {
    local log=$work/serve-$RANDOM.log
    "$papers" serve "$@" --interface 127.0.0.1 2>"$log" & pids+=($!)
    for _ in $(seq 100); do grep -qE " (serving|replicating) " "$log" && return; sleep 0.1; done
    cat "$log" >&2; return 1
}

# p50 of `papers search` as a process, ms.
process_p50() {
    python3 - "$papers" "$1" "${queries[@]}" <<'PY'
import subprocess, sys, time
papers, db, queries = sys.argv[1], sys.argv[2], sys.argv[3:]
times = []
for run in range(6):
    for q in queries:
        t = time.perf_counter()
        subprocess.run([papers, "search", "--db", db, "--no-pager", q], stdout=subprocess.DEVNULL, check=True)
        if run: times.append((time.perf_counter() - t) * 1000)
times.sort()
print(f"p50 {times[len(times)//2]:.1f} ms  p90 {times[len(times)*9//10]:.1f} ms")
PY
}

# A relay from $1 to $2 that writes the bytes it passed to the client in $3.
relay() {
    python3 - "$1" "$2" "$3" <<'PY' &
import socket, sys, threading
listen, target, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
server = socket.socket(); server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", listen)); server.listen(4)
total = [0]
def pipe(a, b, count):
    while data := a.recv(65536):
        b.sendall(data)
        if count: total[0] += len(data)
    b.shutdown(socket.SHUT_WR)
while True:
    client, _ = server.accept()
    upstream = socket.create_connection(("127.0.0.1", target))
    t = threading.Thread(target=pipe, args=(client, upstream, False)); t.start()
    pipe(upstream, client, True); t.join(); client.close(); upstream.close()
    open(out, "w").write(str(total[0]))
PY
    pids+=($!)
}

mkdir -p "$work"
echo "== index (${logs})"
rm -rf "$work/corpus" "$work/idx"
cp -r "$logs" "$work/corpus"
# The last two days come later, as two nightly updates: the first after a
# fresh (compacted) build, the second a night like any other.
mapfile -t held < <(find "$work/corpus" -name '*.md' | sort | tail -2)
mv "${held[0]}" "$work/day1.md"
mv "${held[1]}" "$work/day2.md"
"$papers" index --db "$work/idx" "$work/corpus" >/dev/null 2>&1
du -sh "$work/idx"

echo "== remote search vs local"
p=$(port); serve --db "$work/idx" --port "$p"
echo "in-process local:  $("$bench" --db "$work/idx" -- "${queries[@]}")"
echo "in-process remote: $("$bench" --db "tcp://127.0.0.1:$p" -- "${queries[@]}")"
echo "process local:     $(process_p50 "$work/idx")"
echo "process remote:    $(process_p50 "tcp://127.0.0.1:$p")"

echo "== mirror"
r=$(port); serve --replication --db "$work/idx" --port "$r"
c=$(port); relay "$c" "$r" "$work/bytes"; wait_port "$c"
rm -rf "$work/mirror"
start=$(date +%s.%N)
"$papers" mirror --from "127.0.0.1:$c" --db "$work/mirror" --once
echo "first copy: $(cat "$work/bytes") bytes in $(echo "$(date +%s.%N) - $start" | bc) s"
for day in 1 2; do
    mv "$work/day$day.md" "${held[$((day - 1))]}"
    "$papers" index --db "$work/idx" "$work/corpus" >/dev/null 2>&1  # one nightly day, one commit
    before=$(cat "$work/bytes")
    start=$(date +%s.%N)
    "$papers" mirror --from "127.0.0.1:$c" --db "$work/mirror" --once
    echo "day $day: $(( $(cat "$work/bytes") - before )) bytes in $(echo "$(date +%s.%N) - $start" | bc) s;" \
        "changesets on the master: $(ls -l "$work"/idx/glass-*/changes* | awk '{print $5}' | tr '\n' ' ')"
done

echo "== 2 shards vs 1 index"
rm -rf "$work/half1" "$work/half2" "$work/shard1" "$work/shard2"
mkdir -p "$work/half1" "$work/half2"
mapfile -t days < <(find "$work/corpus" -name '*.md' | sort)
half=$(( ${#days[@]} / 2 ))
for i in "${!days[@]}"; do
    if (( i < half )); then cp "${days[$i]}" "$work/half1/"; else cp "${days[$i]}" "$work/half2/"; fi
done
"$papers" index --db "$work/shard1" "$work/half1" >/dev/null 2>&1
"$papers" index --db "$work/shard2" "$work/half2" >/dev/null 2>&1
echo "1 index:           $("$bench" --db "$work/idx" -- "${queries[@]}")"
echo "2 shards:          $("$bench" --db "$work/shard1" --db "$work/shard2" -- "${queries[@]}")"
s=$(port); serve --db "$work/shard2" --port "$s"
echo "2 shards, 1 remote: $("$bench" --db "$work/shard1" --db "tcp://127.0.0.1:$s" -- "${queries[@]}")"
