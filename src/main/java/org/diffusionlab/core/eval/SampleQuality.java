package org.diffusionlab.core.eval;

import java.util.LinkedHashMap;
import java.util.Map;

import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.DigitClassifierNet;

/**
 * How good a set of digit samples looks to the {@link DigitClassifier}:
 * <ul>
 * <li>{@code sample_confident_fraction}: share of samples whose top class probability is at least 0.9;</li>
 * <li>{@code heldout_confident_fraction}: the same share for the real held-out digits, i.e. what real data scores;</li>
 * <li>{@code class_share_min}, {@code class_share_max}: the smallest and largest share of samples given to one
 *     class (by the top class), ideally all near 0.1;</li>
 * <li>{@code feature_frechet_distance}: Fréchet distance between the classifier's penultimate features of the
 *     samples and of the held-out digits;</li>
 * <li>{@code feature_frechet_distance_floor}: the same between as many training digits and the held-out digits,
 *     i.e. what real data scores.</li>
 * </ul>
 */
public final class SampleQuality {
    public static final double CONFIDENT = 0.9;

    private SampleQuality() {
    }

    public static Map<Metric, Double> of(DigitClassifier.Result samples, DigitClassifier.Result heldOut,
                                         DigitClassifier.Result training) {
        int n = samples.count();
        int[] perClass = new int[DigitClassifierNet.CLASSES];
        for (int i = 0; i < n; i++) {
            perClass[samples.predicted(i)]++;
        }
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int count : perClass) {
            min = Math.min(min, count);
            max = Math.max(max, count);
        }
        Map<Metric, Double> values = new LinkedHashMap<>();
        values.put(Metric.SAMPLE_CONFIDENT_FRACTION, confidentFraction(samples));
        values.put(Metric.HELDOUT_CONFIDENT_FRACTION, confidentFraction(heldOut));
        values.put(Metric.CLASS_SHARE_MIN, (double) min / n);
        values.put(Metric.CLASS_SHARE_MAX, (double) max / n);
        double[][] reference = heldOut.featureRows();
        values.put(Metric.FRECHET_DISTANCE, FrechetDistance.between(samples.featureRows(), reference));
        values.put(Metric.FRECHET_DISTANCE_FLOOR, FrechetDistance.between(training.featureRows(), reference));
        return values;
    }

    /** Share of the classified digits whose top class probability is at least {@link #CONFIDENT}. */
    static double confidentFraction(DigitClassifier.Result result) {
        int confident = 0;
        for (int i = 0; i < result.count(); i++) {
            if (result.confidence(i) >= CONFIDENT) {
                confident++;
            }
        }
        return (double) confident / result.count();
    }
}
