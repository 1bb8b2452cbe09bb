package org.diffusionlab.ui.common;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;

import org.diffusionlab.core.data.AnimationFrames;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.io.GifWriter;
import org.diffusionlab.ui.common.text.Localized;

/** Writes frames a view-model has computed as an animated GIF, at the scale the view shows them. Worker thread only. */
public final class GifExport {
    private GifExport() {
    }

    /** @param scale the whole factor frames are scaled up by (see {@link AnimationFrames#scaleFor}) */
    public static Path write(Path file, List<Raster> rasters, List<String> labels, GifSettings settings, int scale)
            throws IOException {
        GifWriter.write(file, AnimationFrames.frames(rasters, scale, settings.labels() ? labels : null),
                settings.delayMillis(), settings.loop());
        return file;
    }

    /** Why a write failed, in words: the file and the reason (no exception class names). */
    public static Localized failure(Path file, Exception e) {
        String name = String.valueOf(file.getFileName());
        if (e instanceof AccessDeniedException) {
            return Localized.error("message.writeFailed.denied", name);
        }
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return Localized.error("message.writeFailed.folder", name);
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return Localized.error("message.writeFailed", name, reason == null ? e.getClass().getSimpleName() : reason);
    }
}
