package my.gov.temujanji.slip;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import java.util.UUID;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.ScannedQr;
import my.gov.temujanji.support.IntegrationTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SlipIntegrationTest {

    static final String BRANCH = "HQ-PJY";
    static final String SERVICE = "BKE";
    static final LocalDate DAY = LocalDate.of(2026, 9, 22); // a Tuesday

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    record Booked(String reference, String myKad, LocalTime start) {
    }

    @Test
    void theSlipPdfShowsTheAppointmentAndItsQrCodeVerifiesUntilAndAfterCancellation() throws Exception {
        Booked booked = book();

        HttpResponse<byte[]> response = http.download("/slip/" + booked.reference() + "/slip.pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"slip-" + booked.reference() + ".pdf\"");
        PdfReader pdf = new PdfReader(response.body());
        String text = new PdfTextExtractor(pdf).getTextFromPage(1);
        assertThat(text).contains(Reference.display(booked.reference()), "SLIP TEMU JANJI", "Selasa, 22 September 2026",
                booked.start() + "–", "******-**-" + booked.myKad().substring(10), "DISAHKAN",
                "Hadir sekurang-kurangnya 30 minit", "Warga emas (60 tahun ke atas), OKU")
                .doesNotContain(booked.myKad().replace("-", ""));

        String address = ScannedQr.in(pdf);
        assertThat(address).startsWith("http://localhost:8080/verify/"); // the public address, which a camera opens
        String token = ScannedQr.token(pdf);
        JsonNode genuine = verify(token);
        assertThat(genuine.get("status").asString()).isEqualTo("GENUINE");
        assertThat(genuine.get("appointmentStatus").asString()).isEqualTo("CONFIRMED");
        assertThat(genuine.get("reference").asString()).isEqualTo(booked.reference());
        assertThat(genuine.get("branch").asString()).isEqualTo(BRANCH);
        assertThat(genuine.get("date").asString()).isEqualTo(DAY.toString());
        assertThat(genuine.get("start").asString()).isEqualTo(booked.start().toString());
        assertThat(genuine.get("maskedDocumentNumber").asString()).isEqualTo("******-**-" + booked.myKad().substring(10));

        String flipped = token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21);
        JsonNode forged = verify(flipped);
        assertThat(forged.get("status").asString()).isEqualTo("FORGED");
        for (String field : new String[] {"appointmentStatus", "reference", "branch", "date", "start",
                "maskedDocumentNumber"}) {
            assertThat(forged.get(field).isNull()).as(field).isTrue();
        }

        jdbc.sql("UPDATE appointment SET status = 'CANCELLED' WHERE reference = ?").param(booked.reference()).update();
        JsonNode cancelled = verify(token);
        assertThat(cancelled.get("status").asString()).isEqualTo("GENUINE");
        assertThat(cancelled.get("appointmentStatus").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void theVerificationPageSaysGenuineOrForgedInMalayAndEnglishAndShowsACancellation() throws Exception {
        Booked booked = book();
        String token = ScannedQr.token(new PdfReader(http.download("/slip/" + booked.reference() + "/slip.pdf?lang=en").body()));

        Http.Response malay = http.get("/verify/" + token);
        Http.Response english = http.get("/verify/" + token + "?lang=en");
        assertThat(malay.status()).isEqualTo(200);
        assertThat(malay.body()).contains("<h1>Slip sah</h1>", "Selasa, 22 September 2026",
                Reference.display(booked.reference()), "Disahkan", "Ibu Pejabat Imigresen Malaysia, Putrajaya");
        assertThat(english.body()).contains("<h1>Genuine slip</h1>", "Tuesday, 22 September 2026", "Confirmed");

        jdbc.sql("UPDATE appointment SET status = 'CANCELLED' WHERE reference = ?").param(booked.reference()).update();
        assertThat(http.get("/verify/" + token).body()).contains("<h1>Slip sah</h1>", "TEMUJANJI INI TELAH DIBATALKAN",
                "Dibatalkan");
        assertThat(http.get("/verify/" + token + "?lang=en").body()).contains("THIS APPOINTMENT HAS BEEN CANCELLED");

        String forged = token.substring(0, token.length() - 2) + "xx";
        assertThat(http.get("/verify/" + forged).body()).contains("<h1>Slip palsu atau diubah</h1>")
                .doesNotContain(Reference.display(booked.reference()));
        assertThat(http.get("/verify/" + forged + "?lang=en").body()).contains("<h1>Forged or altered slip</h1>");
        assertThat(http.get("/verify/" + "A".repeat(3000)).status()).isEqualTo(200);
    }

    @Test
    void anOldSlipOfAMovedAppointmentSaysReplacedNotForged() throws Exception {
        Booked booked = book();
        String token = ScannedQr.token(new PdfReader(http.download("/slip/" + booked.reference() + "/slip.pdf").body()));
        LocalTime later = freeSlot(booked.start());
        Http.Response moved = http.postJson("/api/v1/appointments/" + booked.reference() + "/reschedule",
                Map.of("documentNumber", booked.myKad(), "date", DAY.toString(), "start", later.toString()));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        JsonNode replaced = verify(token);
        assertThat(replaced.get("status").asString()).isEqualTo("REPLACED");
        assertThat(replaced.get("reference").asString()).isEqualTo(booked.reference());
        assertThat(replaced.get("start").isNull()).isTrue();
        assertThat(http.get("/verify/" + token).body())
                .contains("<h1>Slip ini telah diganti dengan slip yang lebih baharu</h1>", Reference.display(booked.reference()))
                .doesNotContain("Slip palsu", "Slip sah");
        assertThat(http.get("/verify/" + token + "?lang=en").body()).contains("<h1>This slip was replaced by a newer one</h1>");

        String newest = ScannedQr.token(new PdfReader(http.download("/slip/" + booked.reference() + "/slip.pdf").body()));
        assertThat(verify(newest).get("status").asString()).isEqualTo("GENUINE");
        assertThat(verify(newest).get("start").asString()).isEqualTo(later.toString());
    }

    @Test
    void thePublishedKeysVerifyASlipOfflineWithNothingButTheJdk() throws Exception {
        Booked booked = book();
        String token = ScannedQr.token(new PdfReader(http.download("/slip/" + booked.reference() + "/slip.pdf").body()));

        Http.Response keys = http.get("/.well-known/temujanji-slip-keys");
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.header("Content-Type")).startsWith("application/jwk-set+json");
        assertThat(keys.header("Cache-Control")).isEqualTo("max-age=3600, public");
        JsonNode key = keys.json().get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("OKP");
        assertThat(key.get("crv").asString()).isEqualTo("Ed25519");
        assertThat(key.get("alg").asString()).isEqualTo("EdDSA");
        assertThat(token).startsWith(key.get("kid").asString() + ".");

        // What another agency does: the signature is over "kid." and the fields, the last 64 bytes of the rest.
        byte[] x = java.util.Base64.getUrlDecoder().decode(key.get("x").asString());
        byte[] spki = java.util.HexFormat.of().parseHex("302a300506032b6570032100" + java.util.HexFormat.of().formatHex(x));
        java.security.PublicKey publicKey = java.security.KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(spki));
        int dot = token.indexOf('.');
        byte[] body = java.util.Base64.getUrlDecoder().decode(token.substring(dot + 1));
        java.security.Signature ed25519 = java.security.Signature.getInstance("Ed25519");
        ed25519.initVerify(publicKey);
        ed25519.update(token.substring(0, dot + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ed25519.update(body, 0, body.length - 64);
        assertThat(ed25519.verify(body, body.length - 64, 64)).isTrue();
        ed25519.initVerify(publicKey);
        ed25519.update(new byte[] {1});
        assertThat(ed25519.verify(body, body.length - 64, 64)).isFalse();
    }

    @Test
    void theCalendarFileHoldsTheBranchLocalTimeWithItsZone() throws Exception {
        Booked booked = book();

        HttpResponse<byte[]> response = http.download("/slip/" + booked.reference() + "/temujanji.ics?lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/calendar;charset=UTF-8");
        String ics = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ics.replace("\r\n ", "")).contains("METHOD:PUBLISH", "PRODID:-//Temujanji//MS", "BEGIN:VTIMEZONE",
                "TZID:Asia/Kuala_Lumpur", "DTSTART;TZID=Asia/Kuala_Lumpur:20260922T" + booked.start().toString()
                        .replace(":", "") + "00", "UID:" + booked.reference() + "@temujanji",
                "SUMMARY:Immigration appointment: Expatriate Services Division", "BEGIN:VALARM", "TRIGGER:-P1D");

        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(response.body()));
        calendar.validate();
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        Temporal start = event.<Temporal>getStartDate().orElseThrow().getDate();
        assertThat(Instant.from(start)).isEqualTo(OffsetDateTime.of(DAY, booked.start(), ZoneOffset.ofHours(8)).toInstant());
        if (booked.start().equals(LocalTime.of(9, 0))) {
            assertThat(Instant.from(start)).isEqualTo(Instant.parse("2026-09-22T01:00:00Z"));
        }
        assertThat(event.getLocation().getValue()).startsWith("Immigration Headquarters, Putrajaya, No. 15");
        assertThat(event.getDescription().getValue()).contains(Reference.display(booked.reference()),
                "at least 30 minutes");

        String malay = new String(http.download("/slip/" + booked.reference() + "/temujanji.ics").body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(malay.replace("\r\n ", "")).contains("SUMMARY:Temujanji Imigresen: Bahagian Khidmat Ekspatriat");
    }

    @Test
    void unknownReferencesAndMissingTokensAreClearRefusals() throws Exception {
        for (String path : new String[] {"/slip/ABCDEFGHJK/slip.pdf", "/slip/ABCDEFGHJK/temujanji.ics",
                "/slip/" + "x".repeat(2000) + "/slip.pdf"}) {
            HttpResponse<byte[]> response = http.download(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("Temujanji tidak dijumpai");
        }
        for (String query : new String[] {"", "?token=", "?token=%20"}) {
            Http.Response missing = http.get("/api/v1/slips/verify" + query, "Accept-Language", "en");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().get("code").asString()).isEqualTo("SLIP_TOKEN_REQUIRED");
            assertThat(missing.json().get("title").asString()).isEqualTo("Slip token required");
        }
        Http.Response garbage = http.get("/api/v1/slips/verify?token=%C3%A9%20!" + "z".repeat(5000));
        assertThat(garbage.status()).isEqualTo(200);
        assertThat(garbage.json().get("status").asString()).isEqualTo("FORGED");
        // A NUL is refused at the door, as in every parameter (HostileInput).
        Http.Response nul = http.get("/api/v1/slips/verify?token=%00%C3%A9%20!" + "z".repeat(5000));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("code").asString()).isEqualTo("INVALID_CHARACTERS");
    }

    @Test
    void thePdfSlipPrintsNamesInLatinChineseTamilAndJawiInEmbeddedSubsetFonts() throws Exception {
        Path pictures = Files.createDirectories(Path.of("target", "slip-scripts"));
        for (String name : new String[] {"MUHAMMAD HAFIZ BIN ABDULLAH", "SITI A/P RAMASAMY", "NUR@ZAINAB BINTI OMAR",
                "陈美玲", "陈美玲 (TAN MEI LING)", "முருகன் சுப்பிரமணியம்", "محمد بن عبدالله", "چيق ڤوتري نور عائشة"}) {
            Booked booked = book(name);
            byte[] pdf = http.download("/slip/" + booked.reference() + "/slip.pdf").body();

            try (PDDocument document = Loader.loadPDF(pdf)) {
                // What a viewer copies, searches and reads aloud: each drawn run's /ActualText, in drawing order.
                assertThat(actualText(document)).as(name).contains("Nama pemohon" + name + "No. dokumen");
                // The glyphs' own map back to characters (ToUnicode): one character per glyph, so it is exact
                // only where no shaping merges or reorders glyphs (Tamil vowel signs and conjuncts do, Jawi's
                // joined letters come out right to left, as drawn); those scripts must at least show no gap.
                String glyphs = new PDFTextStripper().getText(document);
                String line = glyphs.lines().filter(l -> l.startsWith("Nama pemohon ")).findFirst().orElseThrow()
                        .substring("Nama pemohon ".length()).strip();
                if (name.codePoints().allMatch(c -> c < 0x0590 || c >= 0x2E80)) {
                    assertThat(line).as(name).isEqualTo(name);
                } else {
                    assertThat(line).as(name).isNotBlank().doesNotContain("\uFFFD");
                }
                for (PDFont font : fonts(document)) {
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    // A subset's name carries a six-letter tag (ABCDEF+NotoSans-Bold): only the glyphs used are in.
                    assertThat(font.getName()).as(name).matches("[A-Z]{6}\\+Noto.*");
                }
                ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png",
                        pictures.resolve(booked.reference() + ".png").toFile());
            }
            assertThat(pdf.length).as("with subset fonts, " + name).isLessThan(100_000);
        }
    }

    private static String actualText(PDDocument document) throws java.io.IOException {
        PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
        extractor.processPage(document.getPage(0));
        StringBuilder text = new StringBuilder();
        for (PDMarkedContent span : extractor.getMarkedContents()) {
            text.append(span.getActualText());
        }
        return text.toString();
    }

    private static List<PDFont> fonts(PDDocument document) throws java.io.IOException {
        PDResources resources = document.getPage(0).getResources();
        List<PDFont> fonts = new java.util.ArrayList<>();
        for (COSName font : resources.getFontNames()) {
            fonts.add(resources.getFont(font));
        }
        return fonts;
    }

    private Booked book() {
        return book("Siti Nur Aisyah binti Ahmad");
    }

    private Booked book(String fullName) {
        LocalTime start = freeSlot(null);
        String myKad = Applicants.nextMyKad();
        Map<String, Object> applicant = Applicants.myKadApplicant(myKad);
        applicant.put("fullName", fullName);
        Http.Response response = http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", SERVICE,
                "date", DAY.toString(), "start", start.toString(), "applicant", applicant),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new Booked(response.json().get("reference").asString(), myKad, start);
    }

    private LocalTime freeSlot(LocalTime other) {
        JsonNode slots = http.get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE + "/slots?date=" + DAY).json();
        for (JsonNode slot : slots) {
            LocalTime start = LocalTime.parse(slot.get("start").asString());
            if (slot.get("placesLeft").asInt() > 0 && !start.equals(other)) {
                return start;
            }
        }
        throw new AssertionError("no free slot on " + DAY);
    }

    private JsonNode verify(String token) {
        Http.Response response = http.get("/api/v1/slips/verify?token=" + token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        return response.json();
    }
}
