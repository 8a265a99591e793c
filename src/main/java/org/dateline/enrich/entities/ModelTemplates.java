package org.dateline.enrich.entities;

import edu.stanford.nlp.process.WordShapeClassifier;
import edu.stanford.nlp.sequences.SeqClassifierFlags;
import java.lang.reflect.Field;
import java.util.List;

/**
 * Whether a CRF's flags switch on exactly the feature templates {@link SentenceFeatures} spells
 * (those of {@code english.all.3class.distsim}): these templates on, every other template CoreNLP's
 * {@code NERFeatureFactory} knows off, the same widths. Any other model keeps CoreNLP's own feature
 * code. Thread-safe: stateless.
 */
final class ModelTemplates {

  /** Flags whose templates {@link SentenceFeatures} reproduces. */
  private static final List<String> ON =
      List.of(
          "useInternal",
          "useExternal",
          "useWord",
          "usePrev",
          "useNext",
          "useClassFeature",
          "useNGrams",
          "noMidNGrams",
          "useTypeSeqs",
          "useTypeSeqs2",
          "useTypeySequences",
          "useLastRealWord",
          "useNextRealWord",
          "useOccurrencePatterns",
          "useDisjunctive",
          "useDistSim",
          "useSequences",
          "usePrevSequences");

  /** Every other template switch the factory reads for the C and CpC cliques, or for their text. */
  private static final List<String> OFF =
      List.of(
          "checkNameList",
          "cleanGazette",
          "conjoinShapeNGrams",
          "dehyphenateNGrams",
          "greekifyNGrams",
          "lowercaseNGrams",
          "sloppyGazette",
          "strictGoodCoNLL",
          "transitionEdgeOnly",
          "noEdgeFeature",
          "twoStage",
          "use2W",
          "useABGENE",
          "useABSTR",
          "useABSTRFreq",
          "useABSTRFreqDict",
          "useAbbr",
          "useAbbr1",
          "useBagOfWords",
          "useBeginSent",
          "useChunks",
          "useChunkySequences",
          "useCommonWordsFeature",
          "useDisjShape",
          "useDisjunctiveShapeInteraction",
          "useEitherSideDisjunctive",
          "useEitherSideWord",
          "useEntityRule",
          "useEntityTypeSequences",
          "useEntityTypes",
          "useExtraTaggySequences",
          "useFREQ",
          "useFirstWord",
          "useGENIA",
          "useGazFeatures",
          "useGazettes",
          "useGenericFeatures",
          "useHeadGov",
          "useIfInteger",
          "useIsDateRange",
          "useIsURL",
          "useLC",
          "useLemmas",
          "useMUCFeatures",
          "useMinimalAbbr",
          "useMinimalAbbr1",
          "useMoreAbbr",
          "useMoreGazFeatures",
          "useMoreNeighborNGrams",
          "useMoreTags",
          "useNPGovernor",
          "useNPHead",
          "useNeighborNGrams",
          "useNextSequences",
          "useNextVB",
          "useOrdinal",
          "useParenMatching",
          "usePhraseWordTags",
          "usePhraseWords",
          "usePosition",
          "usePrevNextLemmas",
          "usePrevVB",
          "useProtoFeatures",
          "useRadical",
          "useReverse",
          "useShapeConjunctions",
          "useSymTags",
          "useSymWordPairs",
          "useTaggySequences",
          "useTags",
          "useTitle",
          "useTitle2",
          "useTopics",
          "useTypeSeqs3",
          "useURLSequences",
          "useUndirectedDisjunctive",
          "useUnknown",
          "useVB",
          "useWEB",
          "useWEBFreqDict",
          "useWideDisjunctive",
          "useWordPairs",
          "useWordTag",
          "useWordnetFeatures",
          "useYetMoreCpCShapes",
          "useEmbedding",
          "doGibbs");

  /** The model's n-gram and window widths, which {@link SentenceFeatures} has built in. */
  static final int DISJUNCTION_WIDTH = 5;

  private ModelTemplates() {}

  /** Whether {@code flags} (with a window of {@code windowSize} labels) are the model's. */
  static boolean supported(SeqClassifierFlags flags, int windowSize) {
    try {
      for (String name : ON) {
        if (!flag(flags, name)) {
          return false;
        }
      }
      for (String name : OFF) {
        if (flag(flags, name)) {
          return false;
        }
      }
    } catch (ReflectiveOperationException e) {
      return false; // a CoreNLP without one of these switches: its templates may differ
    }
    return windowSize == 2
        && flags.maxLeft == 1
        && flags.maxNGramLeng == WordFeatures.MAX_NGRAM
        && flags.disjunctionWidth == DISJUNCTION_WIDTH
        && flags.wordShape > WordShapeClassifier.NOWORDSHAPE
        && flags.slashHyphenTreatment == SeqClassifierFlags.SlashHyphenEnum.NONE
        && flags.binnedLengths == null
        && (flags.splitWordRegex == null || flags.splitWordRegex.isEmpty())
        && "maxent".equalsIgnoreCase(flags.crfType);
  }

  private static boolean flag(SeqClassifierFlags flags, String name)
      throws ReflectiveOperationException {
    Field f = SeqClassifierFlags.class.getField(name);
    return f.getBoolean(flags);
  }
}
