package my.gov.temujanji.branchconfig;

import java.util.List;
import my.gov.temujanji.platform.WholeNumber;

/** The minutes a late applicant may still check in after the arrival time, as typed. */
record LateGraceForm(
        @WholeNumber(from = 0, to = 120, message = "{branchcfg.error.number}") String lateGraceMinutes) {

    static final List<String> FIELDS = List.of("lateGraceMinutes");

    int minutes() {
        return WholeNumber.Check.parse(lateGraceMinutes);
    }
}
