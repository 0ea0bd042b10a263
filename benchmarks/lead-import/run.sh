#!/usr/bin/env bash
# Imports 100,000 generated lead rows (5% duplicates, 1% bad rows) into a running lead-service and prints rows per
# second and the service's peak heap. Starts nothing: run `bin/chairside up` first, or start lead-service alone on a
# store of its own (the devstack store is an in-memory MongoDB of 256 MB shared by every service):
#   CHAIRSIDE_PARTS="kafka issuer" bin/chairside up
#   java -Xmx1g -cp 'devstack/target/classes:devstack/target/lib/*' com.chairside.devstack.MongoStore /tmp/store 27118 &
#   SPRING_MONGODB_URI=mongodb://127.0.0.1:27118/chairside-leads java -Xms64m -Xmx300m -XX:+UseSerialGC \
#     -jar lead-service/target/lead-service.jar --server.port=8181 &
#   ROWS=100000 LEAD_URL=http://127.0.0.1:8181 METRICS_URL=http://127.0.0.1:8181 benchmarks/lead-import/run.sh
# LEAD_URL may be the gateway (http://127.0.0.1:8080) to measure through it; the heap is read from lead-service's
# /actuator/prometheus (jvm_memory_used_bytes, area="heap", summed over the pools), sampled every 0.5 s.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ROWS=${ROWS:-100000}
LEAD_URL=${LEAD_URL:-http://127.0.0.1:8081}
METRICS_URL=${METRICS_URL:-http://127.0.0.1:8081}
SEED=${SEED:-bench$(date +%s)}
work=$(mktemp -d)
trap 'kill "${sampler:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

TOKEN=${TOKEN:-$("$root/bin/chairside" token --user bench.importer --role ACCOUNT_MANAGER --region NORTHEAST | tail -n 1)}

python3 "$here/generate.py" "$ROWS" "$SEED" > "$work/leads.csv"
echo "file: $(du -h "$work/leads.csv" | cut -f1), $ROWS rows"

# The metrics are for admins only.
ADMIN_TOKEN=${ADMIN_TOKEN:-$("$root/bin/chairside" token --user bench.admin --role ADMIN | tail -n 1)}

heap() {
	curl -fsS -H "Authorization: Bearer $ADMIN_TOKEN" "$METRICS_URL/actuator/prometheus" \
		| awk '/^jvm_memory_used_bytes\{.*area="heap"/ { sum += $NF } END { printf "%d\n", sum }'
}
echo "heap before: $(( $(heap) / 1024 / 1024 )) MiB"
( while true; do heap >> "$work/heap" 2>/dev/null || true; sleep 0.5; done ) &
sampler=$!

start=$(date +%s.%N)
answer=$(curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H "Content-Type: text/csv" \
	--data-binary "@$work/leads.csv" "$LEAD_URL/api/leads/imports")
uploaded=$(date +%s.%N)
id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<<"$answer")
echo "import $id accepted after $(python3 -c "print(round($uploaded - $start, 1))") s"

while true; do
	# A busy store may answer a progress read 503 now and then; the import goes on, so the watch does too.
	if ! progress=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$LEAD_URL/api/leads/imports/$id"); then
		echo "  (progress not answered; asking again)"
		sleep 2
		continue
	fi
	status=$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d["rowsRead"], d["created"], d["duplicates"], d["rejected"])' <<<"$progress")
	echo "  $status"
	[[ $status == DONE* ]] && break
	sleep 2
done
end=$(date +%s.%N)
kill "$sampler" 2>/dev/null || true

python3 - "$start" "$end" "$work/heap" <<PY
import json, sys
start, end, heapfile = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
d = json.loads('''$progress''')
samples = [int(l) for l in open(heapfile) if l.strip().isdigit() and int(l) > 0]
secs = end - start
print(f"rows read {d['rowsRead']}, created {d['created']}, duplicates {d['duplicates']}, rejected {d['rejected']}, "
      f"problems reported {d['problemsTotal']}")
print(f"elapsed {secs:.1f} s (upload + processing): {d['rowsRead'] / secs:.0f} rows/s")
if samples:
    print(f"lead-service heap: peak {max(samples) / 2**20:.0f} MiB, {len(samples)} samples")
PY
