package org.diffusionlab.ui.common;

/** What the user chose for an animated GIF: how many frames, how long each shows, looping, a label on each. */
public record GifSettings(int frames, int delayMillis, boolean loop, boolean labels) {
    public static final int MIN_FRAMES = 20;
    public static final int MAX_FRAMES = 200;
    public static final int MAX_DELAY_MILLIS = 2000;
    public static final GifSettings DEFAULT = new GifSettings(50, 80, true, true);
}
