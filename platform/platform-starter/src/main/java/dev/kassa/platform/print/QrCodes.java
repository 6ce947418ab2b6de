package dev.kassa.platform.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * QR codes of a link (ZXing's encoder, error correction M, UTF-8): as vector squares on a PDF page, as a PNG image for
 * a web page or an e-mail, or as an SVG image to print at any size. Each keeps the four modules of white a reader needs around the code.
 */
public final class QrCodes {

    /** Modules of white around the code. */
    public static final int QUIET_ZONE = 4;

    private QrCodes() {}

    /** The code's modules, without the quiet zone. */
    public static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.MARGIN,
                                    0,
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Not encodable as a QR code: " + e.getMessage(), e);
        }
    }

    /**
     * Draws the code as black squares in a square of {@code size} points whose lower left corner is ({@code x},
     * {@code y}), the quiet zone included.
     */
    public static void draw(PDPageContentStream page, BitMatrix code, float x, float y, float size) throws IOException {
        float module = size / (code.getWidth() + 2 * QUIET_ZONE);
        float left = x + QUIET_ZONE * module;
        float top = y + size - QUIET_ZONE * module;
        for (int row = 0; row < code.getHeight(); row++) {
            for (int col = 0; col < code.getWidth(); col++) {
                if (code.get(col, row)) {
                    page.addRect(left + col * module, top - (row + 1) * module, module, module);
                }
            }
        }
        page.fill();
    }

    /** The code as a PNG, {@code pixels} per module (the quiet zone included). */
    public static byte[] png(String text, int pixels) {
        BitMatrix code = matrix(text);
        int side = (code.getWidth() + 2 * QUIET_ZONE) * pixels;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        // the image's two colours are 0 (black) and 1 (white), a bit per pixel: all white first, then each dark
        // module's
        // square written at once into the raster (a colour converted per pixel took a receipt's page 1.5 ms)
        Arrays.fill(((DataBufferByte) image.getRaster().getDataBuffer()).getData(), (byte) 0xFF);
        WritableRaster raster = image.getRaster();
        int[] dark = new int[pixels * pixels];
        for (int row = 0; row < code.getHeight(); row++) {
            for (int col = 0; col < code.getWidth(); col++) {
                if (code.get(col, row)) {
                    raster.setSamples(
                            (col + QUIET_ZONE) * pixels, (row + QUIET_ZONE) * pixels, pixels, pixels, 0, dark);
                }
            }
        }
        // written through a stream kept in memory: ImageIO.write's own stream caches in a temporary file by default
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * The code as an SVG image, one unit per module (the quiet zone included), to be printed at any size: the dark modules
     * as one path of unit squares, edges kept crisp.
     */
    public static String svg(String text) {
        BitMatrix code = matrix(text);
        int side = code.getWidth() + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int row = 0; row < code.getHeight(); row++) {
            for (int col = 0; col < code.getWidth(); col++) {
                if (code.get(col, row)) {
                    path.append('M')
                            .append(col + QUIET_ZONE)
                            .append(' ')
                            .append(row + QUIET_ZONE)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + side + "\" height=\"" + side
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
    }

    /** {@link #png} as a {@code data:} URI for an {@code <img>} of a web page. */
    public static String pngDataUri(String text, int pixels) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text, pixels));
    }
}
