#!/usr/bin/env bash
# Checks that the engine at $1 (default http://127.0.0.1:9200) does what newsflow needs:
# english analyzer, nested fields, index templates, _bulk, highlight, aggregations, aliases.
# Leaves nothing behind (its index and template are deleted at the end).
set -euo pipefail
url="${1:-http://127.0.0.1:9200}"
ix="smoke-$$"
json=(-H 'Content-Type: application/json')
req() { curl -fsS --max-time 30 "${json[@]}" -X "$1" "$url$2" ${3:+--data-binary "$3"}; }
expect() { # expect NAME PATTERN OUTPUT
  if ! grep -q -- "$2" <<<"$3"; then echo "smoke: $1 failed: $3" >&2; exit 1; fi
  echo "ok  $1"
}
cleanup() {
  curl -fs -o /dev/null -X DELETE "$url/$ix-*" || true
  curl -fs -o /dev/null -X DELETE "$url/_index_template/$ix" || true
}
trap cleanup EXIT

expect health '"status":"\(green\|yellow\)"' "$(req GET '/_cluster/health?wait_for_status=yellow&timeout=10s')"
expect analyzer '"token":"run"' "$(req POST /_analyze '{"analyzer":"english","text":"Running"}')"
expect template '"acknowledged":true' "$(req PUT "/_index_template/$ix" '{
  "index_patterns": ["'"$ix"'-*"],
  "template": {
    "settings": {"number_of_shards": 1, "number_of_replicas": 0},
    "mappings": {"properties": {
      "title": {"type": "text", "analyzer": "english"},
      "lang": {"type": "keyword"},
      "quotes": {"type": "nested", "properties": {"speaker": {"type": "keyword"}, "text": {"type": "text", "analyzer": "english"}}}
    }}
  }
}')"
expect create-index '"acknowledged":true' "$(req PUT "/$ix-v1" '{"aliases": {"'"$ix"'-read": {}}}')"
expect mapping '"analyzer":"english"' "$(req GET "/$ix-v1/_mapping")"
bulk='{"index":{"_id":"1"}}
{"title":"Ministers were running late","lang":"en","quotes":[{"speaker":"Ann","text":"We are running"}]}
{"index":{"_id":"2"}}
{"title":"Markets rally","lang":"en","quotes":[{"speaker":"Bob","text":"Buy now"}]}
{"index":{"_id":"3"}}
{"title":"Les marchés","lang":"fr","quotes":[]}
'
expect bulk '"errors":false' "$(curl -fsS --max-time 30 -H 'Content-Type: application/x-ndjson' -X POST "$url/$ix-v1/_bulk?refresh=true" --data-binary "$bulk")"
out="$(req POST "/$ix-read/_search" '{
  "query": {"match": {"title": "runs"}},
  "highlight": {"fields": {"title": {}}},
  "aggs": {"langs": {"terms": {"field": "lang"}}}
}')"
expect search-stemmed '"_id":"1"' "$out"
expect highlight '<em>running</em>' "$out"
out="$(req POST "/$ix-read/_search" '{"size": 0, "aggs": {"langs": {"terms": {"field": "lang"}},
  "q": {"nested": {"path": "quotes"}, "aggs": {"speakers": {"terms": {"field": "quotes.speaker"}}}}}}')"
expect aggregation '"key":"en","doc_count":2' "$out"
expect nested-aggregation '"key":"Ann","doc_count":1' "$out"
expect nested-query '"_id":"1"' "$(req POST "/$ix-read/_search" '{"query": {"nested": {"path": "quotes",
  "query": {"bool": {"must": [{"term": {"quotes.speaker": "Ann"}}, {"match": {"quotes.text": "run"}}]}}}}}')"
req PUT "/$ix-v2" >/dev/null
expect alias-swap '"acknowledged":true' "$(req POST /_aliases '{"actions": [
  {"remove": {"index": "'"$ix"'-v1", "alias": "'"$ix"'-read"}},
  {"add": {"index": "'"$ix"'-v2", "alias": "'"$ix"'-read", "is_write_index": true}}]}')"
expect alias-target "\"$ix-v2\"" "$(req GET "/_alias/$ix-read")"
expect painless '"_id":"2"' "$(req POST "/$ix-v1/_search" '{"query": {"script_score": {"query": {"match_all": {}},
  "script": {"source": "doc[\"lang\"].value == \"en\" && doc[\"_id\"].value == \"2\" ? 10 : 1"}}}, "size": 1}')"
echo "smoke: all checks passed against $url"
