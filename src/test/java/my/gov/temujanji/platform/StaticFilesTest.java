package my.gov.temujanji.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

@IntegrationTest
class StaticFilesTest {

    static final String YEAR = "max-age=31536000, public";

    @LocalServerPort
    int port;
    @Autowired
    ResourceUrlProvider resourceUrls;

    @Test
    void aPagesStylesheetHasAContentHashedNameIsKeptAYearAndTravelsGzipped() throws Exception {
        Http http = new Http(port);
        Http.Response page = http.get("/");
        assertThat(page.header("Cache-Control")).contains("no-store");
        Matcher link = Pattern.compile("href=\"(/css/temujanji-[0-9a-f]{32}\\.css)\"").matcher(page.body());
        assertThat(link.find()).as("a content-hashed stylesheet link").isTrue();
        assertThat(page.body()).containsPattern("src=\"/js/temujanji-[0-9a-f]{32}\\.js\"");

        HttpResponse<byte[]> css = http.download(link.group(1), "Accept-Encoding", "gzip");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control")).hasValue(YEAR);
        assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] original = new ClassPathResource("static/css/temujanji.css").getContentAsByteArray();
        byte[] unzipped = gunzip(css.body());
        assertThat(unzipped).isEqualTo(original);
        assertThat(css.body().length).isLessThan(original.length / 2);

        HttpResponse<byte[]> plain = http.download(link.group(1));
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(original);
    }

    @Test
    void theAltchaWorkerThatTheHashedWidgetLoadsBesideItselfResolves() {
        Http http = new Http(port);
        String widget = resourceUrls.getForLookupPath("/vendor/altcha-2.3.0/altcha.js");
        assertThat(widget).matches("/vendor/altcha-2\\.3\\.0/altcha-[0-9a-f]{32}\\.js");
        assertThat(http.download(widget).statusCode()).isEqualTo(200);

        // altcha.js: new Worker(new URL("./worker.js", its own script's src))
        String worker = URI.create("http://localhost" + widget).resolve("./worker.js").getPath();
        HttpResponse<byte[]> response = http.download(worker);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}
