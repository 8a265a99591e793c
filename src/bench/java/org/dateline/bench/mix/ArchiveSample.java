package org.dateline.bench.mix;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.search.BadRequestException;
import org.dateline.search.QueryFactory;

/**
 * What the mix generator reads from an archive: the body's words with their document frequencies,
 * stored articles, and which documents a query finds (parsed as Dateline parses it). Not
 * thread-safe; one generator uses it.
 */
final class ArchiveSample implements Closeable {

  /** A word of the body and how many articles hold it. */
  record Word(String text, int docFreq) {}

  /** Words a user might type: letters only, three or more. */
  private static final Pattern WORD = Pattern.compile("[a-z]{3,}");

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  ArchiveSample(Path indexDir) throws IOException {
    this.directory = FSDirectory.open(indexDir);
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
  }

  int maxDoc() {
    return reader.maxDoc();
  }

  /** Every word of the body field in term order, with its document frequency. */
  List<Word> bodyWords() throws IOException {
    List<Word> out = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(reader, Schema.BODY);
    if (terms == null) {
      return out;
    }
    TermsEnum it = terms.iterator();
    for (BytesRef t = it.next(); t != null; t = it.next()) {
      String s = t.utf8ToString();
      if (WORD.matcher(s).matches()) {
        out.add(new Word(s, it.docFreq()));
      }
    }
    return out;
  }

  /** How many articles hold {@code word} in the body. */
  int docFreq(String word) throws IOException {
    return reader.docFreq(new Term(Schema.BODY, word));
  }

  /** The stored article of document {@code doc} (live or not: the sample only reads text). */
  Article article(int doc) throws IOException {
    return Schema.toArticle(reader.storedFields().document(doc));
  }

  /** The body query Dateline would run for {@code userQuery}, as the benchmark sends it. */
  static Query bodyQuery(String userQuery) {
    return QueryFactory.parse(Schema.BODY + ":(" + userQuery + ")");
  }

  /** The first {@code n} documents (by score) that {@code userQuery} finds in the body. */
  List<Integer> matching(String userQuery, int n) throws IOException {
    List<Integer> docs = new ArrayList<>();
    Query query;
    try {
      query = bodyQuery(userQuery);
    } catch (BadRequestException e) {
      return docs; // Dateline refuses it: no user would keep it in a mix
    }
    for (ScoreDoc sd : searcher.search(query, n).scoreDocs) {
      docs.add(sd.doc);
    }
    return docs;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
