package my.gov.temujanji.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.ArrayList;
import java.util.List;

/** Reads received e-mails the way a mail program shows them: the text, the HTML and the attachments. */
public final class Mails {

    private Mails() {
    }

    public static String text(Part message) throws Exception {
        return firstOfType(message, "text/plain");
    }

    public static String html(Part message) throws Exception {
        return firstOfType(message, "text/html");
    }

    /** The attached files, by file name. */
    public static List<BodyPart> attachments(Part message) throws Exception {
        List<BodyPart> found = new ArrayList<>();
        collect(message, found);
        return found;
    }

    private static void collect(Part part, List<BodyPart> found) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.getFileName() != null) {
                    found.add(child);
                } else {
                    collect(child, found);
                }
            }
        }
    }

    private static String firstOfType(Part part, String type) throws Exception {
        if (part.isMimeType(type) && part.getFileName() == null) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = firstOfType(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
