package my.gov.temujanji.queue.internal;

import java.time.Instant;
import java.util.List;
import my.gov.temujanji.platform.LocalizedText;

/**
 * What the hall's display shows: the numbers being called now and where, the last few called before,
 * and how many wait per transaction type. The same JSON goes to the API and the display's event stream.
 */
record DisplayState(String branch, List<Call> calling, List<Call> recent, List<Waiting> waiting) {

    /** A call: {@code calls} grows with each recall, so {@code id} and {@code calls} name one call. */
    record Call(long id, String number, int counter, int calls, Instant calledAt) {
    }

    record Waiting(String service, String prefix, LocalizedText name, int count) {
    }
}
