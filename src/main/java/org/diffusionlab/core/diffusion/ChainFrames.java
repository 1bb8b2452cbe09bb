package org.diffusionlab.core.diffusion;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.AnimationFrames;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.io.Figures;

/**
 * The frames of a chain, for an animation: a forward chain at steps spread evenly over t = 0 … T, or a reverse
 * chain at steps spread evenly over its sampler steps (x_T first, the finished samples last), each with its
 * label "t = …". Runs ND4J: call it on a worker thread.
 */
public final class ChainFrames {
    /** Frames with the step t each shows. */
    public record Labelled(List<Raster> rasters, List<Integer> steps) {
        public List<String> labels() {
            return steps.stream().map(t -> "t = " + t).toList();
        }
    }

    private ChainFrames() {
    }

    /** {@code count} frames x_t of the chain, t spread evenly from 0 to T. */
    public static Labelled forward(NoisingChain chain, int count) {
        var picture = chain.picture();
        List<Raster> rasters = new ArrayList<>();
        List<Integer> steps = AnimationFrames.spread(count, 0, chain.schedule().steps());
        for (int t : steps) {
            rasters.add(Raster.of(chain.frame(t).xt(), picture.width(), picture.height(), picture.channels(), -1f, 1f));
        }
        return new Labelled(rasters, steps);
    }

    /**
     * Runs the chain from where it stands to t = 0 and keeps {@code count} of its states, spread evenly over
     * the steps still to take (the current state first, the finished samples last), each drawn by {@code picture}
     * from the whole batch. A state with a NaN or infinite number is refused, naming {@code source}: no frame is drawn
     * from numbers that are not numbers.
     */
    public static Labelled reverse(ReverseChain chain, int count, Function<float[], Raster> picture, String source)
            throws BadInputException {
        List<Integer> keep = AnimationFrames.spread(count, chain.taken(), chain.steps());
        List<Raster> rasters = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        float[] state = chain.current();
        while (true) {
            if (keep.contains(chain.taken())) {
                Figures.requireFiniteSamples(source, state);
                rasters.add(picture.apply(state));
                steps.add(chain.currentT());
            }
            if (!chain.hasNext()) {
                return new Labelled(rasters, steps);
            }
            state = chain.next().next();
        }
    }
}
