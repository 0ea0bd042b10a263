#!/bin/sh
# Creates each service's SCRAM-SHA-512 user and its ACLs on the broker, from access.txt beside this script:
#   grant-access.sh <bootstrap servers> <admin client properties>
# Each service's password comes from CHAIRSIDE_KAFKA_PASSWORD_<SERVICE> (e.g. CHAIRSIDE_KAFKA_PASSWORD_ORDER_SERVICE).
# Idempotent: a second run sets the same passwords and finds the ACLs already there. KAFKA_BIN: where the Kafka tools
# are (/opt/kafka/bin in the apache/kafka image).
set -eu
here=$(dirname "$0")
bin=${KAFKA_BIN:-/opt/kafka/bin}
bootstrap=$1
admin=$2

grep -v '^#' "$here/access.txt" | while read -r principal writes reads; do
	[ -n "$principal" ] || continue
	variable=CHAIRSIDE_KAFKA_PASSWORD_$(echo "$principal" | tr 'a-z-' 'A-Z_')
	password=$(printenv "$variable") || { echo "$variable is not set" >&2; exit 1; }

	"$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --alter \
		--entity-type users --entity-name "$principal" --add-config "SCRAM-SHA-512=[password=$password]"

	# Writes (WRITE, DESCRIBE, CREATE): its own topics and the dead-letter topic of each topic it reads.
	topics=""
	for topic in $(echo "$writes" | tr ',' ' '); do
		[ "$topic" = "-" ] || topics="$topics --topic $topic"
	done
	for topic in $(echo "$reads" | tr ',' ' '); do
		[ "$topic" = "-" ] || topics="$topics --topic $topic.$principal.dlt"
	done
	if [ -n "$topics" ]; then
		# shellcheck disable=SC2086 # one --topic per word
		"$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --add \
			--allow-principal "User:$principal" --producer $topics
	fi

	# Reads (READ, DESCRIBE) the topics it consumes, in its own consumer group only.
	topics=""
	for topic in $(echo "$reads" | tr ',' ' '); do
		[ "$topic" = "-" ] || topics="$topics --topic $topic"
	done
	if [ -n "$topics" ]; then
		# shellcheck disable=SC2086
		"$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --add \
			--allow-principal "User:$principal" --consumer $topics --group "$principal"
	fi
done
