package my.gov.temujanji.waitlist;

/** How many applicants wait for a place of a transaction type at a branch: a sign more places are needed. */
public record WaitlistLength(String branchCode, String serviceCode, long waiting, long offered) {
}
