package my.gov.temujanji.applicant;

/** How a person booked in a group is related to the applicant who booked it; the applicant is {@code SELF}. */
public enum Relationship {
    SELF, SPOUSE, CHILD, PARENT, SIBLING, OTHER_RELATIVE;

    /** The relationships a person added to a group may have (all but SELF). */
    public static final java.util.List<Relationship> OF_OTHERS = java.util.List.of(SPOUSE, CHILD, PARENT, SIBLING,
            OTHER_RELATIVE);
}
