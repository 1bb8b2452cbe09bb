package org.diffusionlab;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.ENUMS;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import javafx.scene.Node;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of docs/DESIGN.md: data → core → view-models → views, and ND4J only where it belongs. */
@AnalyzeClasses(packages = "org.diffusionlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreImportsNoJavaFx = noClasses().that().resideInAPackage("..core..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("core runs headless: from the CLI, from tests, on the worker thread");

    @ArchTest
    static final ArchRule viewModelsImportNoSceneGraphAndNoNd4j = noClasses().that().haveNameMatching(".*ViewModel.*")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.nd4j..")
            .because("view-models hold state and commands; ND4J work goes through the Worker");

    @ArchTest
    static final ArchRule viewsDoNotReachIntoComputingCore = noClasses().that().resideInAPackage("..ui..")
            .and().areAssignableTo(Node.class)
            .should().dependOnClassesThat(resideInAnyPackage("org.nd4j..", "..core.diffusion..", "..core.vae..",
                    "..core.nn..", "..core.train..", "..core.io..", "..core.random..").and(not(ENUMS)))
            .because("views draw what view-models hand them; only core's plain-Java value packages (and enum"
                    + " constants naming a choice) are shared");

    @ArchTest
    static final ArchRule plainCorePackagesUseNoNd4j = noClasses()
            .that().resideInAnyPackage("..core.data..", "..core.schedule..", "..core.stats..", "..core.metric..")
            .should().dependOnClassesThat().resideInAPackage("org.nd4j..")
            .because("views may use these packages, so they must be safe on the FX thread");

    @ArchTest
    static final ArchRule noFeatureImportsAnother = slices().matching("org.diffusionlab.ui.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAnyPackage("..ui.shell.."), DescribedPredicate.alwaysTrue())
            .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAnyPackage("..ui.common.."))
            .because("each view is a feature of its own; what two features share lives in ui.common, and only the"
                    + " shell puts the features together");

    @ArchTest
    static final ArchRule benchmarksImportNoUi = noClasses().that().resideInAPackage("..app.bench..")
            .should().dependOnClassesThat().resideInAPackage("..ui..")
            .because("the benchmarks time core work headless; what a view's job needs lives in core");
}
