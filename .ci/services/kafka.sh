#!/usr/bin/env bash
# Installs what the Kafka tests need: kcat (Debian package kcat 1.7.x), the independent Kafka
# client the interop tests and benchmarks compare Sluice against. The broker itself needs no
# install: tests start franz-go's kfake in-process on 127.0.0.1 (connectors/kafka/kafkatest).
set -euo pipefail
if ! command -v kcat >/dev/null; then
  apt-get update -qq && apt-get install -y -qq kcat >/dev/null
fi
kcat -V | head -1
