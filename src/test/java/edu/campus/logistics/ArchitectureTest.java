package edu.campus.logistics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.stream.Stream;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * Which package may import which (docs/CONVENTIONS: package by feature). The processes
 * (procurement, repair, requisition, stocktake, patrol, …) stand on the shared packages — the ledger, identity, the case toolkit,
 * the guards — and meet only in the ledger; the shared packages know no process; the read models
 * (metrics, exports) read the processes' vocabularies, never the other way round.
 */
@AnalyzeClasses(packages = "edu.campus.logistics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String BASE = "edu.campus.logistics.";
  /** The processes' packages: each stands on the shared packages and knows no other. */
  private static final String[] FEATURES = Stream.of("procurement", "repair", "requisition", "stocktake", "patrol", "feedback", "survey")
      .map(feature -> BASE + feature + "..").toArray(String[]::new);
  private static final String[] READ_MODELS = {BASE + "metrics..", BASE + "exports.."};

  @ArchTest
  static final ArchRule identityKnowsNoFeature = noClasses().that().resideInAPackage(BASE + "identity..")
      .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
      .orShould().dependOnClassesThat().resideInAnyPackage(BASE + "ledger..", BASE + "demo..", BASE + "metrics..",
          BASE + "exports..", BASE + "operations..", BASE + "cases..")
      .because("identity is groups, authorizations and login; a process brings its own filters and cards");

  @ArchTest
  static final ArchRule ledgerKnowsNoEngine = noClasses().that().resideInAPackage(BASE + "ledger..")
      .should().dependOnClassesThat().resideInAPackage("org.camunda..")
      .because("the ledger is the stock ledger and asset register for any caller; callers adapt the engine's types");

  @ArchTest
  static final ArchRule ledgerKnowsNoOtherPackage = noClasses().that().resideInAPackage(BASE + "ledger..")
      .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
      .orShould().dependOnClassesThat().resideInAnyPackage(BASE + "cases..", BASE + "identity..", BASE + "input..",
          BASE + "demo..", BASE + "metrics..", BASE + "exports..", BASE + "operations..")
      .because("everything posts through the ledger, the ledger calls nobody");

  @ArchTest
  static final ArchRule featuresMeetOnlyInTheLedger = CompositeArchRule.of(Stream.of(FEATURES)
      .map(feature -> noClasses().that().resideInAPackage(feature).should().dependOnClassesThat()
          .resideInAnyPackage(Stream.of(FEATURES).filter(other -> !other.equals(feature)).toArray(String[]::new)))
      .toList())
      .because("a process shares stock and assets with another through the ledger, nothing else; one process"
          + " starts another (a patrol a repair, a requisition a procurement) through the engine, by its key and"
          + " start form fields");

  @ArchTest
  static final ArchRule sharedPackagesKnowNoFeature = noClasses().that()
      .resideInAnyPackage(BASE + "cases..", BASE + "input..", BASE + "ledger..", BASE + "identity..", BASE + "duty..",
          BASE + "notifications..")
      .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
      .because("what every process shares cannot name one of them");

  @ArchTest
  static final ArchRule processesDoNotReadTheReports = noClasses().that().resideInAnyPackage(FEATURES)
      .should().dependOnClassesThat().resideInAnyPackage(READ_MODELS)
      .because("metrics and exports read the processes' history, the processes do not depend on them");

  @ArchTest
  static final ArchRule scanningReachesOnlyTheRepair = noClasses().that().resideInAPackage(BASE + "scan..")
      .should().dependOnClassesThat().resideInAnyPackage(Stream.of(FEATURES)
          .filter(feature -> !feature.equals(BASE + "repair..")).toArray(String[]::new))
      .orShould().dependOnClassesThat().resideInAnyPackage(READ_MODELS)
      .because("扫码报修 is a door to the repair process (its key, start form fields and follow-up task), and to"
          + " the asset register through the ledger");

  @ArchTest
  static final ArchRule nothingDependsOnTheScanDoor = noClasses().that().resideOutsideOfPackage(BASE + "scan..")
      .should().dependOnClassesThat().resideInAPackage(BASE + "scan..")
      .because("processes work the same whether a report came from Tasklist or from a phone");

  @ArchTest
  static final ArchRule nobodyNeedsTheDemoData = noClasses().that().resideOutsideOfPackage(BASE + "demo..")
      .should().dependOnClassesThat().resideInAPackage(BASE + "demo..")
      .because("demo users and stock are switched off in production; nothing may rely on them");
}
