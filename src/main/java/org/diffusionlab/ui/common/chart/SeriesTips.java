package org.diffusionlab.ui.common.chart;

import java.util.Map;

import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.XYSeriesLabelGenerator;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * What each series of a chart means, in its tooltips: over a point, the series, its meaning (the message
 * {@code tip.<name>}) and the hovered x → y in the UI's numbers; over its legend item, the series and its meaning.
 */
public final class SeriesTips implements XYToolTipGenerator, XYSeriesLabelGenerator {
    private final Messages messages;
    private final Map<? extends Comparable<?>, String> names;
    private final String xName;

    private SeriesTips(Messages messages, Map<? extends Comparable<?>, String> names, String xName) {
        this.messages = messages;
        this.names = names;
        this.xName = xName;
    }

    /** Explains the chart's series by their keys: {@code names} maps a series key to the tip name of its meaning. */
    public static void explain(JFreeChart chart, Messages messages, Map<? extends Comparable<?>, String> names) {
        XYPlot plot = chart.getXYPlot();
        SeriesTips tips = new SeriesTips(messages, names, plot.getDomainAxis().getLabel());
        for (int i = 0; i < plot.getRendererCount(); i++) {
            if (plot.getRenderer(i) instanceof AbstractXYItemRenderer renderer) {
                renderer.setDefaultToolTipGenerator(tips);
                renderer.setLegendItemToolTipGenerator(tips);
            }
        }
    }

    /** The tip name of a series' meaning, or null when the chart does not explain it. */
    public String name(Comparable<?> seriesKey) {
        return names.get(seriesKey);
    }

    /** The meaning of a series (the message of its tip name), or null when the chart does not explain it. */
    public String meaning(Comparable<?> seriesKey) {
        String name = names.get(seriesKey);
        return name == null ? null : messages.get("tip." + name);
    }

    @Override
    public String generateToolTip(XYDataset dataset, int series, int item) {
        Numbers numbers = messages.numbers();
        return generateLabel(dataset, series) + "\n" + xName + " = " + numbers.value(dataset.getXValue(series, item)) + " → "
                + numbers.compact(dataset.getYValue(series, item), 4);
    }

    @Override
    public String generateLabel(XYDataset dataset, int series) {
        Comparable<?> key = dataset.getSeriesKey(series);
        String meaning = meaning(key);
        return meaning == null ? String.valueOf(key) : key + ": " + meaning;
    }
}
