# The opening scenario (issue 17), sourced by bench/run once its own scenarios are done: two more nodes
# on the same database whose daily opening is a few minutes from now, with the waiting room on; 20,000
# tickets (200 with --smoke) for one release of BKP across every branch that offers it, admitted at
# OPENING_RATE a second (temujanji.opening.admission-rate); all answered, no place given twice, the p99
# of the status page and of the admitted requests (holds), recorded beside the HTTP floor.
# With --only, it runs only when named there (--only opening).
if [ "$ONLY" != "$ALL" ] && ! wanted opening; then return 0; fi
OPENING_TICKETS=$([ $MODE = smoke ] && echo 200 || echo 20000)
OPENING_RATE=${OPENING_RATE:-100}
OPENING_LEAD_MINUTES=$([ $MODE = smoke ] && echo 4 || echo 10)
# The opening on a whole minute, branch time, that many minutes ahead (the waiting room opens 30 before).
OPENS_AT_EPOCH=$(( ($(date +%s) / 60 + OPENING_LEAD_MINUTES) * 60 ))
OPENING_TIME=$(TZ=Asia/Kuala_Lumpur date -d "@$OPENS_AT_EPOCH" +%H:%M)
OPENING_NODES=()
for port in 18083 18084; do
    java "${JVM_OPTIONS[@]}" -jar "$JAR" --server.port=$port --spring.datasource.url="$JDBC_URL" \
        --spring.datasource.username="$DB_USER" --spring.datasource.password="$DB_PASSWORD" "${APP_OPTIONS[@]}" \
        --temujanji.booking.opening-time="$OPENING_TIME" --temujanji.opening.waiting-room=true \
        --temujanji.opening.admission-rate="$OPENING_RATE" >"$WORK/node-$port.log" 2>&1 &
    PIDS+=($!); OPENING_NODES+=($!)
done
# Started together (the opening instant is fixed before they start): no second try here.
wait_for 18083 "${OPENING_NODES[0]}" || exit 1
wait_for 18084 "${OPENING_NODES[1]}" || exit 1
echo "Opening: $OPENING_TICKETS tickets, opening at $OPENING_TIME branch time, $OPENING_RATE admitted a second"
OPENING_OUT=$(java -cp "$WORK/lib/*" bench/Opening.java "$JDBC" http://localhost:18083 http://localhost:18084 \
    "$OPENING_TICKETS" BKP "$((OPENS_AT_EPOCH * 1000))" | tee "$WORK/opening.log" | grep '^RESULT')
record opening "$OPENING_TICKETS/$OPENING_RATE" "$OPENING_OUT" tickets answered held seconds status_p99_ms \
    admitted_p99_ms violations
for pid in "${OPENING_NODES[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
