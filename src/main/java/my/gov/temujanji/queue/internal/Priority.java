package my.gov.temujanji.queue.internal;

/** Why a number is called before the others: marked at check-in or the kiosk; an officer may change it. */
enum Priority {
    /** Warga emas: 60 and over (from the MyKad date of birth where there is one). */
    ELDERLY,
    /** Orang Kurang Upaya: a registered person with disabilities. */
    OKU,
    PREGNANT,
    /** With a child under 2. */
    CHILD_UNDER_2;

    static final int ELDERLY_AGE = 60;

    /** The priority of this name, or null for none (blank, unknown). */
    static Priority parse(String name) {
        for (Priority p : values()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
