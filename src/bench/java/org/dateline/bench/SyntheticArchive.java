package org.dateline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.dateline.bench.CorpusStories.Story;
import org.dateline.enrich.Article;
import org.dateline.enrich.PubDate;
import org.dateline.index.Schema;

/**
 * A deterministic synthetic news archive built from real stories. Article {@code i} depends only on
 * the seed, {@code i} and the corpus (a random stream of its own per article), so any slice can be
 * regenerated and two runs with the same seed write identical bytes.
 *
 * <p>Each article: a real story chosen uniformly (Reuters-21578 or BBC) lends its title and its
 * first one to five paragraphs; zero to three paragraphs of other stories of the same source
 * follow. Date uniform over 2000-01-01..2026-12-31 (second precision, UTC); outlet one of {@link
 * #OUTLETS}, Zipf-distributed (the first is the most frequent); entities are the Reuters codes
 * ({@code <PLACES>}, {@code <PEOPLE>}, {@code <ORGS>}) of every Reuters story lending a paragraph,
 * and a BBC-led article draws up to two places, two people and one organisation from the same
 * codes, weighted by how often the corpus uses each.
 */
public final class SyntheticArchive {

  /** Fifty invented outlet names (synthetic data must not pose as a real paper's). */
  public static final List<String> OUTLETS =
      List.of(
          "Northgate Herald",
          "Riverside Chronicle",
          "The Harbour Post",
          "Eastfield Courier",
          "Westmarch Times",
          "The Valley Gazette",
          "Lakeshore Tribune",
          "Summit Daily",
          "The Meridian Record",
          "Bayside Observer",
          "Hillcrest Journal",
          "The Capital Ledger",
          "Southport Sentinel",
          "Granite City News",
          "The Prairie Dispatch",
          "Coastline Mercury",
          "Oakmont Register",
          "The Borough Standard",
          "Ironbridge Examiner",
          "Silverlake Star",
          "The Northern Bulletin",
          "Fairhaven Press",
          "Kingsford Reporter",
          "The Delta Clarion",
          "Pinewood Argus",
          "Redcliff Enquirer",
          "The Island Beacon",
          "Marlow Advertiser",
          "Stonebridge Echo",
          "The Upland Telegraph",
          "Brookfield Monitor",
          "Seabrook Guardian",
          "The Frontier Review",
          "Ashton Evening News",
          "Glenwood Leader",
          "The Midland Pilot",
          "Harrow Weekly",
          "Copperfield Signal",
          "The Canal Street Journal",
          "Westbury Packet",
          "Elmstead Citizen",
          "The Highland Express",
          "Crescent Bay Voice",
          "Thornbury Mail",
          "The Old Quarter Crier",
          "Larkspur Times-Union",
          "Millbrook Sun",
          "The Tidewater Record",
          "Wexley Morning Post",
          "Cobalt Coast Wire");

  private static final long FIRST_SECOND = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
  private static final long END_SECOND = Instant.parse("2027-01-01T00:00:00Z").getEpochSecond();

  /** With {@link #withCopies}: an article is an outlet's copy of an earlier one this often. */
  private final double copyShare;

  /** A copy's original is one of the this many articles before it. */
  private static final int COPY_REACH = 1_000;

  private final List<Story> reuters;
  private final List<Story> bbc;
  private final long seed;
  private final double[] outletCdf;
  private final Map<String, WeightedCodes> codes = new TreeMap<>();
  private final ObjectWriter json =
      new ObjectMapper().registerModule(new JavaTimeModule()).writerFor(Article.class);

  /** Weighted sampling over one dimension's codes (cumulative counts). */
  private record WeightedCodes(List<String> values, long[] cumulative) {
    String draw(SplittableRandom rnd) {
      long x = rnd.nextLong(cumulative[cumulative.length - 1]);
      int i = java.util.Arrays.binarySearch(cumulative, x + 1);
      return values.get(i >= 0 ? i : -i - 1);
    }
  }

  public SyntheticArchive(List<Story> reuters, List<Story> bbc, long seed) {
    this(reuters, bbc, seed, 0);
  }

  /**
   * The archive with copies: each article is, with probability {@code copyShare} (decided by a
   * random stream of its own, so the other articles stay as they were), an outlet's copy of one of
   * the {@value #COPY_REACH} articles before it (of that one's original when it is a copy itself):
   * the same headline and opening paragraphs, cut from the bottom at a paragraph boundary,
   * sometimes with a line of its own added, printed 1 to 48 hours later by an outlet drawn as
   * usual. The archive then has stories of several copies for {@code dateline bench story-lookup}
   * and {@code collapse=story}.
   */
  public SyntheticArchive(List<Story> reuters, List<Story> bbc, long seed, double copyShare) {
    if (copyShare < 0 || copyShare >= 1) {
      throw new IllegalArgumentException("the share of copies is at least 0 and below 1");
    }
    this.copyShare = copyShare;
    if (reuters.isEmpty() || bbc.isEmpty()) {
      throw new IllegalArgumentException(
          "the synthetic archive needs both Reuters and BBC stories");
    }
    this.reuters = List.copyOf(reuters);
    this.bbc = List.copyOf(bbc);
    this.seed = seed;
    this.outletCdf = zipfCdf(OUTLETS.size());
    for (String dim : Schema.ENTITY_DIMS) {
      Map<String, Long> counts = new TreeMap<>();
      for (Story s : reuters) {
        s.entities().getOrDefault(dim, List.of()).forEach(c -> counts.merge(c, 1L, Long::sum));
      }
      long[] cum = new long[counts.size()];
      long total = 0;
      int i = 0;
      for (long c : counts.values()) {
        total += c;
        cum[i++] = total;
      }
      codes.put(dim, new WeightedCodes(List.copyOf(counts.keySet()), cum));
    }
  }

  private static double[] zipfCdf(int n) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1.0 / (i + 1);
      cdf[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= sum;
    }
    return cdf;
  }

  /** Article number {@code i} (0-based) of the archive; {@code path} names the archive file. */
  public Article article(long i, String path) {
    long original = originalOf(i);
    return original == i ? fresh(i, path) : copy(fresh(original, path), i);
  }

  /** The article {@code i} copies (following copies of copies back), or {@code i} itself. */
  long originalOf(long i) {
    long j = i;
    while (copyShare > 0 && j > 0) {
      SplittableRandom c =
          new SplittableRandom((seed ^ 0x5851F42D4C957F2DL) * 0x9E3779B97F4A7C15L + j);
      if (c.nextDouble() >= copyShare) {
        break;
      }
      j = j - 1 - c.nextInt((int) Math.min(j, COPY_REACH));
    }
    return j;
  }

  /** Outlet copy number {@code i} of {@code original}. */
  private Article copy(Article original, long i) {
    SplittableRandom rnd = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + i);
    List<String> paragraphs = List.of(original.text().split("\n\n"));
    int keep = paragraphs.size() - rnd.nextInt(paragraphs.size());
    String outlet = OUTLETS.get(outletIndex(rnd.nextDouble()));
    String text = String.join("\n\n", paragraphs.subList(0, keep));
    if (rnd.nextBoolean()) {
      text += "\n\nReaders can follow the story on the website of " + outlet + ".";
    }
    long second = original.date().instant().getEpochSecond() + 3600 + rnd.nextLong(47 * 3600);
    return new Article(
        String.format(java.util.Locale.ROOT, "syn-%07d", i),
        original.path(),
        Long.toString(i),
        null,
        original.title(),
        text,
        new PubDate(Instant.ofEpochSecond(second), PubDate.Precision.SECOND, "synthetic"),
        outlet,
        List.of(),
        original.agencies(),
        "en",
        "text/plain",
        contentHash(text),
        Map.of("generator", "synthetic, seed " + seed + ", copy of " + original.id()),
        original.entities(),
        List.of(),
        List.of());
  }

  private Article fresh(long i, String path) {
    SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    boolean fromReuters = rnd.nextInt(reuters.size() + bbc.size()) < reuters.size();
    List<Story> pool = fromReuters ? reuters : bbc;
    Story lead = pool.get(rnd.nextInt(pool.size()));
    List<String> paragraphs = new ArrayList<>();
    int leadCount = Math.min(lead.paragraphs().size(), 1 + rnd.nextInt(5));
    paragraphs.addAll(lead.paragraphs().subList(0, leadCount));
    List<Story> lenders = new ArrayList<>(List.of(lead));
    int extra = rnd.nextInt(4);
    for (int k = 0; k < extra; k++) {
      Story donor = pool.get(rnd.nextInt(pool.size()));
      paragraphs.add(donor.paragraphs().get(rnd.nextInt(donor.paragraphs().size())));
      lenders.add(donor);
    }
    String text = String.join("\n\n", paragraphs);
    Map<String, List<String>> entities = fromReuters ? codesOf(lenders) : drawCodes(rnd);
    long second = FIRST_SECOND + rnd.nextLong(END_SECOND - FIRST_SECOND);
    String outlet = OUTLETS.get(outletIndex(rnd.nextDouble()));
    String id = String.format(java.util.Locale.ROOT, "syn-%07d", i);
    return new Article(
        id,
        path,
        Long.toString(i),
        null,
        lead.title(),
        text,
        new PubDate(Instant.ofEpochSecond(second), PubDate.Precision.SECOND, "synthetic"),
        outlet,
        List.of(),
        fromReuters ? List.of("Reuters") : List.of(),
        "en",
        "text/plain",
        contentHash(text),
        Map.of("generator", "synthetic, seed " + seed),
        entities,
        List.of(),
        List.of());
  }

  private int outletIndex(double u) {
    int i = java.util.Arrays.binarySearch(outletCdf, u);
    return Math.min(OUTLETS.size() - 1, i >= 0 ? i : -i - 1);
  }

  private static Map<String, List<String>> codesOf(List<Story> lenders) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String dim : Schema.ENTITY_DIMS) {
      Set<String> values = new LinkedHashSet<>();
      for (Story s : lenders) {
        values.addAll(s.entities().getOrDefault(dim, List.of()));
      }
      out.put(dim, List.copyOf(values));
    }
    return out;
  }

  private Map<String, List<String>> drawCodes(SplittableRandom rnd) {
    Map<String, List<String>> out = new TreeMap<>();
    int[] most = {2, 1, 2}; // person, organization, place (Schema.ENTITY_DIMS order)
    for (int d = 0; d < Schema.ENTITY_DIMS.size(); d++) {
      String dim = Schema.ENTITY_DIMS.get(d);
      Set<String> values = new LinkedHashSet<>();
      int n = rnd.nextInt(most[d] + 1);
      for (int k = 0; k < n && !codes.get(dim).values().isEmpty(); k++) {
        values.add(codes.get(dim).draw(rnd));
      }
      out.put(dim, List.copyOf(values));
    }
    return out;
  }

  private static String contentHash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** Writes articles {@code 0..count-1} as JSON lines; returns the characters of title+text. */
  public long write(long count, String path, Writer out) throws IOException {
    long chars = 0;
    for (long i = 0; i < count; i++) {
      Article a = article(i, path);
      chars += a.title().length() + a.text().length();
      out.write(json.writeValueAsString(a));
      out.write('\n');
    }
    return chars;
  }

  /**
   * Writes articles {@code 0..count-1} as plain-text files as a newsroom system saves them: the
   * headline, the publication day on its own line, then the body; 1,000 files per folder. Returns
   * the bytes written.
   */
  public long writeText(long count, Path dir) throws IOException {
    DateTimeFormatter day =
        DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    long bytes = 0;
    for (long i = 0; i < count; i++) {
      Article a = article(i, "");
      Path folder = dir.resolve(String.format(Locale.ROOT, "%04d", i / 1000));
      if (i % 1000 == 0) {
        Files.createDirectories(folder);
      }
      byte[] file =
          (a.title() + "\n\n" + day.format(a.date().instant()) + "\n\n" + a.text() + "\n")
              .getBytes(StandardCharsets.UTF_8);
      Files.write(folder.resolve(a.id() + ".txt"), file);
      bytes += file.length;
    }
    return bytes;
  }

  /** Writes the given articles (e.g. the real Reuters stories) as JSON lines. */
  public static void writeAll(List<Article> articles, Writer out) throws IOException {
    ObjectWriter w =
        new ObjectMapper().registerModule(new JavaTimeModule()).writerFor(Article.class);
    for (Article a : articles) {
      out.write(w.writeValueAsString(a));
      out.write('\n');
    }
  }
}
