package org.dateline.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.AttributeSource;

/**
 * The tokens of one field of one document, kept as the writer indexes them, so the stem field over
 * the same text replays them instead of running the whole chain (script words, word parts, Unicode
 * folding, CJK pairs, graph flattening) a second time: the stem field's chain is the exact field's
 * chain with a one-language {@link StemFilter} added, which changes each word and nothing else.
 * Until the exact field has been read to its end (the writer reads a document's fields in the order
 * they were added) there is nothing to replay, and the stem field analyses its text itself. Not
 * thread-safe: one per field of one document.
 */
final class TokenRecording {

  private final List<AttributeSource.State> tokens = new ArrayList<>();

  /** The attributes after the last token (final offset, trailing gap); null until recorded. */
  private AttributeSource.State end;

  /** Attributes of the recorded chain's kinds, for the replay to restore states into. */
  private AttributeSource attributes;

  /** {@code chain}, recording each token it gives (a new recording: the last one is dropped). */
  TokenStream record(TokenStream chain) {
    tokens.clear();
    end = null;
    return new Recorder(chain);
  }

  /** The recorded tokens as a new stream, or null when no stream was recorded to its end. */
  TokenStream replay() {
    return end == null ? null : new Replay(attributes.cloneAttributes(), tokens, end);
  }

  /** Passes the chain's tokens on and keeps a copy of each. */
  private final class Recorder extends TokenFilter {

    Recorder(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      tokens.add(captureState());
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      end = captureState();
      attributes = this;
    }
  }

  /** The recorded tokens again, then the recorded end. */
  private static final class Replay extends TokenStream {
    private final List<AttributeSource.State> tokens;
    private final AttributeSource.State end;
    private int next;

    Replay(AttributeSource attributes, List<AttributeSource.State> tokens, State end) {
      super(attributes);
      this.tokens = tokens;
      this.end = end;
    }

    @Override
    public boolean incrementToken() {
      if (next == tokens.size()) {
        return false;
      }
      restoreState(tokens.get(next++));
      return true;
    }

    @Override
    public void end() {
      restoreState(end);
    }

    @Override
    public void reset() {
      next = 0;
    }
  }
}
