package my.gov.temujanji.slip;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.slip.SlipFonts.Weight;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The Slip Temu Janji as an A4 PDF, printed or kept on a phone and shown at the counter: where and
 * when, the reference in large type, whose appointment, the rules of the day, and a QR code with the
 * signed token that lets the counter check the slip is genuine.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SlipPdf {

    private static final Color NAVY = new Color(0x0b, 0x2e, 0x59);
    private static final Color RULE_BACKGROUND = new Color(0xfd, 0xf3, 0xd8);
    private static final Color CANCELLED_RED = new Color(0xb0, 0x1c, 0x1c);
    private static final Style HEADING = new Style(Weight.BOLD, 18, Color.WHITE);
    private static final Style SUBHEADING = new Style(Weight.REGULAR, 11, Color.WHITE);
    private static final Style LABEL = new Style(Weight.REGULAR, 9, Color.DARK_GRAY);
    private static final Style VALUE = new Style(Weight.BOLD, 12, Color.BLACK);
    private static final Style REFERENCE = new Style(Weight.BOLD, 28, NAVY);
    private static final Style TEXT = new Style(Weight.REGULAR, 10, Color.BLACK);
    private static final Style NOTICE = new Style(Weight.BOLD, 10, Color.BLACK);
    private static final int QR_PIXELS = 360;
    private static final float QR_POINTS = 150;

    private final Catalogue catalogue;
    private final SlipToken tokens;
    private final QrCode qrCode;
    private final MessageSource messages;
    private final BookingProperties booking;

    public byte[] render(Appointment appointment, Locale locale) {
        return render(List.of(appointment), locale);
    }

    /**
     * The slips of several appointments in one PDF, one page each (a group booking: every person with
     * their own reference and QR code, so each is checked in at the counter on their own).
     */
    public byte[] render(List<Appointment> appointments, Locale locale) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 40, 40);
        PdfWriter.getInstance(document, pdf);
        document.addTitle(text("slip.pdf.title", locale) + " " + appointments.stream()
                .map(a -> Reference.display(a.reference())).collect(Collectors.joining(", ")));
        document.open();
        for (Appointment appointment : appointments) {
            SlipDetails details = SlipDetails.of(appointment, catalogue, locale);
            document.newPage();
            document.add(headingBar(details, locale));
            document.add(referenceAndQrCode(appointment, details, locale));
            document.add(appointmentTable(appointment, details, locale));
            document.add(notice(text("slip.pdf.rule", locale, booking.arriveEarlyMinutes()), RULE_BACKGROUND));
            document.add(notice(text("slip.pdf.documents", locale), Color.WHITE));
            document.add(notice(text("slip.priority", locale), Color.WHITE));
        }
        document.close();
        return pdf.toByteArray();
    }

    private PdfPTable headingBar(SlipDetails details, Locale locale) {
        PdfPCell cell = new PdfPCell();
        cell.setBackgroundColor(NAVY);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(14);
        cell.addElement(paragraph(text("slip.pdf.title", locale).toUpperCase(locale), HEADING));
        cell.addElement(paragraph(details.department(), SUBHEADING));
        PdfPTable bar = fullWidth(1);
        bar.addCell(cell);
        bar.setSpacingAfter(16);
        return bar;
    }

    private PdfPTable referenceAndQrCode(Appointment appointment, SlipDetails details, Locale locale) {
        PdfPCell reference = borderless();
        reference.setVerticalAlignment(Element.ALIGN_MIDDLE);
        reference.addElement(paragraph(text("slip.reference", locale), LABEL));
        reference.addElement(paragraph(details.reference(), REFERENCE));
        Paragraph status = paragraph(text("slip.status." + appointment.status(), locale).toUpperCase(locale),
                new Style(Weight.BOLD, 14, appointment.cancelled() ? CANCELLED_RED : NAVY));
        status.setSpacingBefore(8);
        reference.addElement(status);

        QrCode.GreyRaster raster = qrCode.grey(tokens.link(appointment), QR_PIXELS);
        Image code = Image.getInstance(raster.width(), raster.height(), 1, 8, raster.samples());
        code.scaleAbsolute(QR_POINTS, QR_POINTS);
        PdfPCell qr = borderless();
        qr.addElement(code);
        Paragraph caption = paragraph(text("slip.pdf.qrCaption", locale), LABEL);
        caption.setAlignment(Element.ALIGN_CENTER);
        qr.addElement(caption);

        PdfPTable table = fullWidth(2);
        table.setWidths(new float[] {62, 38});
        table.addCell(reference);
        table.addCell(qr);
        table.setSpacingAfter(12);
        return table;
    }

    private PdfPTable appointmentTable(Appointment appointment, SlipDetails details, Locale locale) {
        PdfPTable table = fullWidth(2);
        table.setWidths(new float[] {30, 70});
        row(table, text("slip.branch", locale), details.branch() + "\n" + details.address());
        row(table, text("slip.transactionType", locale), details.transactionType());
        row(table, text("slip.date", locale), details.day());
        row(table, text("slip.time", locale), details.time());
        row(table, text("slip.applicant", locale), appointment.applicant().fullName());
        row(table, text("slip.documentNumber", locale), appointment.applicant().maskedDocumentNumber());
        table.setSpacingAfter(14);
        return table;
    }

    private static void row(PdfPTable table, String label, String value) {
        PdfPCell labelCell = new PdfPCell(LABEL.phrase(label));
        PdfPCell valueCell = new PdfPCell(VALUE.phrase(value));
        for (PdfPCell cell : new PdfPCell[] {labelCell, valueCell}) {
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(Color.LIGHT_GRAY);
            cell.setPaddingTop(6);
            cell.setPaddingBottom(8);
            table.addCell(cell);
        }
    }

    private static PdfPTable notice(String text, Color background) {
        PdfPCell cell = new PdfPCell((background == Color.WHITE ? TEXT : NOTICE).phrase(text));
        cell.setBackgroundColor(background);
        cell.setBorderColor(NAVY);
        cell.setPadding(10);
        PdfPTable box = fullWidth(1);
        box.addCell(cell);
        box.setSpacingAfter(8);
        return box;
    }

    private static PdfPTable fullWidth(int columns) {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        return table;
    }

    private static PdfPCell borderless() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    private static Paragraph paragraph(String text, Style style) {
        return new Paragraph(style.phrase(text));
    }

    /** A weight, size and colour of the slip's type, in whichever script the text is. */
    private record Style(Weight weight, float size, Color color) {

        Phrase phrase(String text) {
            return SlipFonts.phrase(text, weight, size, color);
        }
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
