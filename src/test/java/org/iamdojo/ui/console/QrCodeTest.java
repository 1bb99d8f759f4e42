package org.iamdojo.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The MFA dialog's QR code scans back to the otpauth:// URI an authenticator app needs. */
class QrCodeTest {
    static final String URI = "otpauth://totp/AWS%3Ahana%40111122223333?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Amazon%20Web%20Services";

    @Test
    void theCodeDecodesToTheUri() throws Exception {
        BitMatrix m = QrCode.matrix(URI);
        int scale = 4;
        int w = m.getWidth() * scale;
        int h = m.getHeight() * scale;
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(URI);
    }

    @Test
    void theSvgDrawsEveryDarkModuleOnAWhiteQuietZone() {
        BitMatrix m = QrCode.matrix(URI);
        int dark = 0;
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                dark += m.get(x, y) ? 1 : 0;
            }
        }
        String svg = QrCode.svg(URI);
        assertThat(svg.split("h1v1h-1z", -1)).hasSize(dark + 1);
        assertThat(m.get(0, 0)).as("quiet zone").isFalse();
        String decoded = new String(Base64.getDecoder().decode(
                QrCode.dataUri(URI).substring("data:image/svg+xml;base64,".length())), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(svg);
    }
}
