#!/bin/bash
# A cluster broker of docker-compose.yml: formats its storage once with the admin's SCRAM credential (KRaft keeps SCRAM
# users in its metadata, so the broker's own login must be there before it first talks to itself), writes the admin
# client settings its health check and kafka-access use, then starts as the apache/kafka image does, configured by
# the KAFKA_* variables.
set -euo pipefail
: "${CHAIRSIDE_KAFKA_ADMIN_PASSWORD:?CHAIRSIDE_KAFKA_ADMIN_PASSWORD is not set}"
cat >/tmp/format.properties <<PROPERTIES
process.roles=${KAFKA_PROCESS_ROLES}
node.id=${KAFKA_NODE_ID}
controller.quorum.voters=${KAFKA_CONTROLLER_QUORUM_VOTERS}
controller.listener.names=${KAFKA_CONTROLLER_LISTENER_NAMES}
listeners=${KAFKA_LISTENERS}
listener.security.protocol.map=${KAFKA_LISTENER_SECURITY_PROTOCOL_MAP}
inter.broker.listener.name=${KAFKA_INTER_BROKER_LISTENER_NAME}
log.dirs=${KAFKA_LOG_DIRS}
PROPERTIES
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t "$CLUSTER_ID" -c /tmp/format.properties \
	--add-scram "SCRAM-SHA-512=[name=admin,password=${CHAIRSIDE_KAFKA_ADMIN_PASSWORD}]"
cat >/tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${CHAIRSIDE_KAFKA_ADMIN_PASSWORD}";
PROPERTIES
exec /etc/kafka/docker/run
