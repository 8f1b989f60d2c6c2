package my.gov.temujanji.slip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import my.gov.temujanji.booking.Appointment;

/**
 * The appointment's fields a slip token vouches for, in a compact binary form so that the token stays
 * short enough for a QR code a cheap phone camera reads: a format byte, the reference, the date as a
 * day number and the start as minutes (two bytes each), then the branch code and the masked document
 * number, each prefixed by its length.
 */
record SlipFields(String reference, String branchCode, LocalDate date, LocalTime start, String maskedDocumentNumber) {

    private static final int FORMAT = 1;

    static SlipFields of(Appointment appointment) {
        return new SlipFields(appointment.reference(), appointment.branchCode(), appointment.date(),
                appointment.start(), appointment.applicant().maskedDocumentNumber());
    }

    /** True when the appointment still is what the slip says: same place, day, time and document. */
    boolean describe(Appointment appointment) {
        return equals(of(appointment));
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writeText(out, reference);
            out.writeShort(Math.toIntExact(date.toEpochDay())); // an unsigned day number: good until 2149
            out.writeShort(start.getHour() * 60 + start.getMinute());
            writeText(out, branchCode);
            writeText(out, maskedDocumentNumber);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The fields, or empty when the bytes are not exactly one record of the known format. */
    static Optional<SlipFields> decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readUnsignedByte() != FORMAT) {
                return Optional.empty();
            }
            String reference = readText(in);
            LocalDate date = LocalDate.ofEpochDay(in.readUnsignedShort());
            int minutes = in.readUnsignedShort();
            if (minutes >= 24 * 60) {
                return Optional.empty();
            }
            LocalTime start = LocalTime.of(minutes / 60, minutes % 60);
            String branchCode = readText(in);
            String masked = readText(in);
            if (in.available() > 0) {
                return Optional.empty();
            }
            return Optional.of(new SlipFields(reference, branchCode, date, start, masked));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 255) {
            throw new IllegalArgumentException("Too long for a slip token: " + text);
        }
        out.writeByte(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readUnsignedByte()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
