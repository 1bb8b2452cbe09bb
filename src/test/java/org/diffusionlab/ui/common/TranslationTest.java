package org.diffusionlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.diffusionlab.ui.common.chart.Charts;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Vietnamese interface is complete, follows docs/glossary.md, and writes numbers the Vietnamese way. */
class TranslationTest {
    /** Keys whose text is the same in both languages by nature: symbols, formulas, names, acronyms. */
    private static final Set<String> SAME_IN_BOTH = Set.of("app.title", "language.en", "language.vi", "message.plain",
            "menu.presentationSize.percent", "forward.source.file.rgb", "forward.xt", "train.chart.kl", "latent.sample",
            "latent.xAxis", "latent.yAxis", "reverse.start.t", "reverse.sampler.ddpm", "reverse.sampler.ddim", "reverse.sampler.ddimLabel",
            "latent.ends",
            "equation.forward.jump", "equation.forward.step", "equation.reverse.ddpm", "equation.reverse.ddim",
            "model.vae", "model.fromFile", "forward.seed", "train.seed", "reverse.section.seed", "elbo.seed", // "seed" stays "seed"
            "page.elbo", "elbo.q", "elbo.iwae", "elbo.chord.weightAxis");
    /** Words a visible literal may contain: symbols, units and acronyms that no language translates. */
    private static final Set<String> SYMBOL_WORDS = Set.of("log", "SNR", "ELBO", "KL", "DDPM", "DDIM", "MLP", "VAE",
            "Net", "MNIST", "PNG", "CSV", "SVG", "GIF", "JPEG", "BMP", "RGB", "exp", "sqrt", "raw");
    /** The calls that put text on screen; their literal arguments must be symbols only. */
    private static final Pattern VISIBLE_TEXT = Pattern.compile("(new (Label|Button|CheckBox|ToggleButton|RadioButton|Tooltip|Tab"
            + "|NumberAxis|LogAxis|XYSeries|ArrayXYDataset|MenuItem|Menu|CheckMenuItem|RadioMenuItem|TitledPane|JFreeChart|TextTitle)"
            + "|\\.set(Text|Title|PromptText|HeaderText|ContentText|Label)|Charts\\.lines|setLabels|fillText)\\(([^;]*)");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** A tip's formula, {@code .tex("\\bar\\alpha_t")}: TeX commands, not words (Equations keeps TeX the same way). */
    private static final Pattern TEX = Pattern.compile("\\.tex\\(\"(?:[^\"\\\\]|\\\\.)*\"(?:\\s*\\+\\s*\"(?:[^\"\\\\]|\\\\.)*\")*");
    private static final Pattern WORD = Pattern.compile("\\p{IsLatin}{3,}");

    @AfterEach
    void englishAgain() {
        Numbers.use(Messages.ENGLISH);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("org.diffusionlab.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Test
    void everyVietnameseTextIsTranslatedBarSymbols() {
        ResourceBundle english = bundle(Messages.ENGLISH);
        ResourceBundle vietnamese = bundle(Messages.VIETNAMESE);
        List<String> untranslated = new ArrayList<>();
        for (String key : Collections.list(english.getKeys())) {
            if (!SAME_IN_BOTH.contains(key) && english.getString(key).equals(vietnamese.getString(key))) {
                untranslated.add(key + "=" + english.getString(key));
            }
        }
        assertEquals(List.of(), untranslated, "Vietnamese values equal to the English ones");
    }

    @Test
    void theVietnameseBundleFollowsTheGlossary() throws IOException {
        List<String> avoided = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docs/glossary.md"))) {
            String[] cells = line.split("(?<!\\\\)\\|");
            if (cells.length >= 4 && !cells[3].isBlank() && !line.contains("---") && !cells[1].contains("English")) {
                for (String term : cells[3].split(",")) {
                    avoided.add(term.trim());
                }
            }
        }
        assertTrue(avoided.contains("hạt giống") && avoided.contains("Nhảy"), "the glossary's avoided terms: " + avoided);
        ResourceBundle vietnamese = bundle(Messages.VIETNAMESE);
        List<String> found = new ArrayList<>();
        for (String key : Collections.list(vietnamese.getKeys())) {
            String value = vietnamese.getString(key);
            for (String term : avoided) {
                if (Pattern.compile("(?iu)(^|[^\\p{L}])" + Pattern.quote(term) + "($|[^\\p{L}])").matcher(value).find()
                        && !value.toLowerCase(Messages.VIETNAMESE).contains("nội suy cầu")) {
                    found.add(key + " uses \"" + term + "\"");
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void noViewOrChartWritesVisibleTextFromALiteral() throws IOException {
        Set<String> literals = new java.util.TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/diffusionlab/ui"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher call = VISIBLE_TEXT.matcher(source);
                while (call.find()) {
                    Matcher literal = LITERAL.matcher(TEX.matcher(call.group(4)).replaceAll(".tex("));
                    while (literal.find()) {
                        if (literal.group(1).matches("[A-Za-z0-9_.\\-]+")) {
                            continue; // a message key or a node id, not text
                        }
                        Matcher word = WORD.matcher(literal.group(1));
                        while (word.find()) {
                            if (!SYMBOL_WORDS.contains(word.group())) {
                                literals.add(file.getFileName() + ": \"" + literal.group(1) + "\"");
                            }
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), literals, "visible text must come from the bundles");
    }

    @Test
    void aChartsTickLabelsUseADecimalCommaInVietnamese() {
        Numbers.use(Messages.VIETNAMESE);
        XYSeries series = new XYSeries("s");
        series.add(0, 0.0);
        series.add(2500, 1.5);
        JFreeChart chart = Charts.lines("title", "t", "y", new XYSeriesCollection(series));
        List<String> x = ticks(chart.getXYPlot().getDomainAxis(), RectangleEdge.BOTTOM, chart);
        List<String> y = ticks(chart.getXYPlot().getRangeAxis(), RectangleEdge.LEFT, chart);
        assertTrue(y.stream().anyMatch(t -> t.matches("\\d+,\\d+")), "y ticks " + y);
        assertFalse(y.stream().anyMatch(t -> t.matches("\\d+\\.\\d+")), "no decimal point: " + y);
        assertTrue(x.stream().anyMatch(t -> t.matches("\\d\\.\\d{3}")), "thousands with a dot: " + x);
        Numbers.use(Messages.ENGLISH);
        JFreeChart english = Charts.lines("title", "t", "y", new XYSeriesCollection(series));
        assertTrue(ticks(english.getXYPlot().getRangeAxis(), RectangleEdge.LEFT, english).stream()
                .anyMatch(t -> t.matches("\\d+\\.\\d+")));
    }

    @Test
    void aChartPointsTooltipNamesItsSeriesAndValueInTheLanguage() {
        Numbers.use(Messages.VIETNAMESE);
        XYSeries series = new XYSeries("ᾱₜ");
        series.add(250, 0.5241);
        XYSeriesCollection data = new XYSeriesCollection(series);
        JFreeChart chart = Charts.lines("title", "t", "y", data);
        assertEquals("ᾱₜ: 250 → 0,5241", chart.getXYPlot().getRenderer().getToolTipGenerator(0, 0).generateToolTip(data, 0, 0));
    }

    @SuppressWarnings("unchecked")
    private static List<String> ticks(ValueAxis axis, RectangleEdge edge, JFreeChart chart) {
        BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Rectangle2D area = new Rectangle2D.Double(0, 0, 600, 400);
        chart.draw(g, area);
        List<String> texts = new ArrayList<>();
        for (Object tick : axis.refreshTicks(g, new AxisState(), new Rectangle2D.Double(60, 20, 520, 340), edge)) {
            texts.add(((NumberTick) tick).getText());
        }
        g.dispose();
        return texts;
    }
}
