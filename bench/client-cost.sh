#!/usr/bin/env bash
# What the HTTP client of `bench peer` adds to a request (issue 20): each URL through the JDK's
# HttpClient and through a plain keep-alive socket, alternating request by request:
#   bench/client-cost.sh N URL [URL ...]
# e.g. bench/client-cost.sh 1000 http://127.0.0.1:7373/api/health?x=1 'http://127.0.0.1:7373/api/search?q=body%3A%28oil%29&size=10&kwic=3'
set -euo pipefail
cd "$(dirname "$0")/.."
jdk="$(./dateline jdk)"
exec "$jdk/bin/java" bench/client-cost/ClientCost.java "$@"
