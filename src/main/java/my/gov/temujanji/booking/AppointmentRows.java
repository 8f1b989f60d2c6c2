package my.gov.temujanji.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.applicant.DocumentType;

/**
 * How an {@code appointment} row reads, for the capabilities that read the table booking alone writes
 * (the counter's day list, the reports' figures): one list of columns, one mapping, and the one SQL
 * definition of the statuses that hold a place ({@link AppointmentStatus#active()}).
 */
public final class AppointmentRows {

    /** The columns {@link #appointment(ResultSet)} reads. */
    public static final String COLUMNS = """
            reference, status, branch_code, service_code, day, start_time, end_time, full_name, document_type,
            document_number, nationality, email, phone, created_at, language""";

    /** The statuses that hold their place and count towards the limits: PENDING and CONFIRMED. */
    public static final String ACTIVE = "status IN ('PENDING', 'CONFIRMED')";

    private AppointmentRows() {
    }

    public static Appointment appointment(ResultSet rs) throws SQLException {
        return new Appointment(rs.getString("reference"), AppointmentStatus.valueOf(rs.getString("status")),
                rs.getString("branch_code"), rs.getString("service_code"), rs.getObject("day", LocalDate.class),
                rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
                new Applicant(rs.getString("full_name"), DocumentType.valueOf(rs.getString("document_type")),
                        rs.getString("document_number"), rs.getString("nationality"), rs.getString("email"),
                        rs.getString("phone")),
                rs.getTimestamp("created_at").toInstant(), rs.getString("language"));
    }
}
