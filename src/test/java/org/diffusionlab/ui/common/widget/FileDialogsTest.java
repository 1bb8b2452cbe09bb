package org.diffusionlab.ui.common.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The save dialog asks before replacing the file it shows; a file only the added extension names is asked about here. */
class FileDialogsTest {
    @TempDir
    Path dir;

    @Test
    void aNameWithoutExtensionGetsOneAndANewFileNeedsNoQuestion() {
        List<Path> asked = new ArrayList<>();
        assertEquals(Optional.of(dir.resolve("chain.gif")), FileDialogs.completeName(dir.resolve("chain"), "gif", asked::add));
        assertEquals(Optional.of(dir.resolve("chain.png")), FileDialogs.completeName(dir.resolve("chain.png"), "gif", asked::add));
        assertTrue(asked.isEmpty());
    }

    @Test
    void anExistingFileNamedOnlyByTheAddedExtensionIsReplacedOnlyIfTheUserAgrees() throws Exception {
        Path existing = Files.writeString(dir.resolve("chain.gif"), "last week's animation");
        List<Path> asked = new ArrayList<>();
        assertEquals(Optional.empty(), FileDialogs.completeName(dir.resolve("chain"), "gif", file -> asked.add(file) && false));
        assertEquals(List.of(existing), asked);
        assertEquals(Optional.of(existing), FileDialogs.completeName(dir.resolve("chain"), "gif", file -> true));
        assertEquals("last week's animation", Files.readString(existing));
    }
}
