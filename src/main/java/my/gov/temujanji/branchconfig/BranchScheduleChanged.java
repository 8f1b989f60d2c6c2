package my.gov.temujanji.branchconfig;

/**
 * A change of a branch's schedule was committed: its hours, an offering's places or slot length, a
 * closure added or lifted. Published after the commit, so that a listener sees the places it freed
 * and takes them in transactions of its own (the waitlist offers them first to those waiting).
 */
public record BranchScheduleChanged(String branchCode) {
}
