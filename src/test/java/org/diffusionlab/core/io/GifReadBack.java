package org.diffusionlab.core.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.w3c.dom.Node;

/** What a GIF file says about itself, read back with ImageIO's GIF reader. */
public record GifReadBack(int frames, List<Integer> delaysCentiseconds, byte[] loopBlock, List<BufferedImage> images) {

    public static GifReadBack read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            int count = reader.getNumImages(true);
            List<Integer> delays = new ArrayList<>();
            List<BufferedImage> images = new ArrayList<>();
            byte[] loop = null;
            for (int i = 0; i < count; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(GifWriter.FORMAT);
                for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n.getNodeName().equals("GraphicControlExtension")) {
                        delays.add(Integer.parseInt(((IIOMetadataNode) n).getAttribute("delayTime")));
                    }
                    if (n.getNodeName().equals("ApplicationExtensions")) {
                        for (Node a = n.getFirstChild(); a != null; a = a.getNextSibling()) {
                            IIOMetadataNode app = (IIOMetadataNode) a;
                            if ("NETSCAPE".equals(app.getAttribute("applicationID"))
                                    && "2.0".equals(app.getAttribute("authenticationCode"))) {
                                loop = (byte[]) app.getUserObject();
                            }
                        }
                    }
                }
                images.add(reader.read(i));
            }
            reader.dispose();
            return new GifReadBack(count, delays, loop, images);
        }
    }

}
