package org.diffusionlab.core.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes frames as an animated GIF with the JDK's own GIF writer: each frame's delay in its graphic control
 * extension, and, to loop, the NETSCAPE2.0 application extension with a loop count of 0 (for ever) that every
 * browser and viewer honours. Colours through {@link GifPalette}. The file is written whole or not at all
 * ({@link AtomicFile}), so an existing file is replaced only by a complete animation.
 */
public final class GifWriter {
    public static final int MIN_DELAY_MILLIS = 20;
    public static final int MAX_DELAY_MILLIS = 10_000;
    static final String FORMAT = "javax_imageio_gif_image_1.0";

    private GifWriter() {
    }

    /**
     * @param delayMillis how long each frame shows, {@value MIN_DELAY_MILLIS}–{@value MAX_DELAY_MILLIS} ms
     *                    (stored in hundredths of a second, as GIF does)
     * @param loop        play for ever (else once)
     */
    public static void write(Path target, List<BufferedImage> frames, int delayMillis, boolean loop) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        if (delayMillis < MIN_DELAY_MILLIS || delayMillis > MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException("the delay between frames must be from " + MIN_DELAY_MILLIS + " to "
                    + MAX_DELAY_MILLIS + " ms, not " + delayMillis);
        }
        int width = frames.get(0).getWidth();
        int height = frames.get(0).getHeight();
        for (BufferedImage frame : frames) {
            if (frame.getWidth() != width || frame.getHeight() != height) {
                throw new IllegalArgumentException("every frame must be " + width + "×" + height + " pixels");
            }
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no GIF writer");
        }
        ImageWriter writer = writers.next();
        try {
            AtomicFile.write(target, out -> {
                try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                    writer.setOutput(stream);
                    writer.prepareWriteSequence(null);
                    boolean first = true;
                    for (BufferedImage frame : frames) {
                        BufferedImage indexed = GifPalette.toIndexed(frame);
                        ImageWriteParam param = writer.getDefaultWriteParam();
                        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(indexed), param);
                        describe(metadata, Math.round(delayMillis / 10f), loop && first);
                        writer.writeToSequence(new IIOImage(indexed, null, metadata), param);
                        first = false;
                    }
                    writer.endWriteSequence();
                }
            });
        } finally {
            writer.dispose();
        }
    }

    private static void describe(IIOMetadata metadata, int delayCentiseconds, boolean loopExtension) throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        control.setAttribute("transparentColorIndex", "0");
        if (loopExtension) {
            IIOMetadataNode extension = new IIOMetadataNode("ApplicationExtension");
            extension.setAttribute("applicationID", "NETSCAPE");
            extension.setAttribute("authenticationCode", "2.0");
            extension.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0 = for ever
            child(root, "ApplicationExtensions").appendChild(extension);
        }
        metadata.setFromTree(FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }
}
