package my.gov.temujanji.slip;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.junit.jupiter.api.Tag;

@Tag("fast")
class QrCodeTest {

    /** As long as a slip's: the verification page's address with a key id, the fields and an Ed25519 signature. */
    static final String TEXT = "https://temujanji.imi.gov.my/verify/kPrK_qmx.AQpLN00zUVg5UExSSRUUAAVIUS1QSlkOKioqKioqLSoqLTEyMzQ"
            + "5Vx2G8hQm1yZ0a3kLr7sV-uPq4wE_tC9nB6dF2jH8xM0oI5yT1pR3eW7qU9aS4dG6fK2lJ8zX0cV5bN1mQ3wE7rT9yU2iO4pA6sD8fG";

    final QrCode qrCode = new QrCode();

    @Test
    void theGreyRasterDecodesToTheText() throws Exception {
        QrCode.GreyRaster raster = qrCode.grey(TEXT, 300);

        assertThat(raster.width()).isEqualTo(300);
        assertThat(raster.samples()).hasSize(300 * 300);
        assertThat(new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new PlanarYUVLuminanceSource(
                raster.samples(), 300, 300, 0, 0, 300, 300, false)))).getText()).isEqualTo(TEXT);
    }

    @Test
    void theSvgIsStandaloneWithAQuietZoneAndDrawsTheSameCode() throws Exception {
        String svg = qrCode.svg(TEXT);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String[] viewBox = document.getDocumentElement().getAttribute("viewBox").split(" ");
        int size = Integer.parseInt(viewBox[2]);
        String path = document.getElementsByTagName("path").item(0).getAttributes().getNamedItem("d").getNodeValue();

        // Paint the path's runs, four pixels a module, and scan the result.
        int scale = 4;
        BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        int darkest = size;
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z").matcher(path);
        while (run.find()) {
            int x0 = Integer.parseInt(run.group(1));
            int y0 = Integer.parseInt(run.group(2));
            darkest = Math.min(darkest, Math.min(x0, y0));
            for (int x = x0 * scale; x < (x0 + Integer.parseInt(run.group(3))) * scale; x++) {
                for (int y = y0 * scale; y < (y0 + 1) * scale; y++) {
                    image.setRGB(x, y, 0);
                }
            }
        }
        assertThat(darkest).as("quiet zone").isEqualTo(4);
        assertThat(decode(image)).isEqualTo(TEXT);
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
