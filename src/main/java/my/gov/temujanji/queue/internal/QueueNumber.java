package my.gov.temujanji.queue.internal;

/** How a number is written: the transaction type's letter, a dash and three digits. */
final class QueueNumber {

    /** A day's sequence per branch and type ends here (three digits). */
    static final int LAST = 999;

    private QueueNumber() {
    }

    static String format(String prefix, int number) {
        return prefix + "-" + String.format("%03d", number);
    }
}
