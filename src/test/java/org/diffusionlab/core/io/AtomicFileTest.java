package org.diffusionlab.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aSavedFileIsReadableByOthersLikeAnyUserFile() throws Exception {
        Path file = dir.resolve("curves.csv");
        AtomicFile.write(file, out -> out.write("a,b\n".getBytes()));
        assertEquals("a,b\n", Files.readString(file));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertTrue(Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ));
        }
    }

    @Test
    void aFailedWriteKeepsTheOldContentAndLeavesNoTemporaryFile() throws Exception {
        Path file = Files.writeString(dir.resolve("model.zip"), "the good model");
        assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write("half a mod".getBytes());
            throw new IOException("disk full");
        }));
        assertArrayEquals("the good model".getBytes(), Files.readAllBytes(file));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count());
        }
    }
}
