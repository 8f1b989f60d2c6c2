package my.gov.temujanji.booking;

/** The life of an appointment. Only a CONFIRMED appointment holds its place. */
public enum AppointmentStatus {
    CONFIRMED,
    CANCELLED
}
