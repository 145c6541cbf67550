// The Lucene 4.10 peer of bench/peers/run: CJKAnalyzer (overlapping Han
// bigrams, a lone Han character as a unigram), built at run time with javac
// against Debian's liblucene4.10-java (/usr/share/java).
//
//   java LucenePeer index ARTICLES.tsv INDEX_DIR
//   java LucenePeer rank INDEX_DIR KNOWN.tsv RANKS.tsv
//   java LucenePeer tokens ARTICLES.tsv TOKENS.tsv
//
// ARTICLES.tsv: "id<TAB>text" a line, the text's line breaks as spaces
// (peers.py tsv). `index` stores the id and indexes the text with positions;
// one commit at the end, then a forceMerge to one segment, as a bulk build
// would. `rank` runs every known item (bench/archive format: qid, class,
// chars, query, target, relevant) in this one process through the classic
// QueryParser (default operator AND, phrase queries generated from the
// analyzer's bigrams, as a user's typed query) and writes
// "qid<TAB>rank<TAB>ms<TAB>error", like peers.py rank; the first 20 queries
// run once untimed first, to warm the JVM. `tokens` writes the terms
// CJKAnalyzer makes of each article, with their positions, as
// "id<TAB>term<TAB>position<TAB>term<TAB>position..." a line: the input
// of bench/indexing/xapian_floor.cc, so that Xapian is fed the very stream
// Lucene indexes.

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;

public final class LucenePeer {
  private static final Version VERSION = Version.LUCENE_4_10_4;

  private static BufferedReader open(String path) throws Exception {
    return new BufferedReader(new InputStreamReader(new FileInputStream(path),
                                                    StandardCharsets.UTF_8));
  }

  private static void index(String articles, String dir) throws Exception {
    Analyzer analyzer = new CJKAnalyzer();
    IndexWriterConfig config = new IndexWriterConfig(VERSION, analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(64);
    int n = 0;
    try (IndexWriter writer =
             new IndexWriter(FSDirectory.open(new File(dir)), config);
         BufferedReader in = open(articles)) {
      String line;
      while ((line = in.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
          throw new IllegalArgumentException(articles + ":" + (n + 1) +
                                             ": no tab");
        }
        Document doc = new Document();
        doc.add(new StringField("id", line.substring(0, tab), Field.Store.YES));
        doc.add(new TextField("body", line.substring(tab + 1), Field.Store.NO));
        writer.addDocument(doc);
        ++n;
      }
      writer.forceMerge(1);
      writer.commit();
    }
    System.out.println("LucenePeer index: " + n + " articles into " + dir);
  }

  private static void tokens(String articles, String tokens)
      throws Exception {
    Analyzer analyzer = new CJKAnalyzer();
    try (BufferedReader in = open(articles);
         PrintWriter out = new PrintWriter(new OutputStreamWriter(
             new FileOutputStream(tokens), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        ++n;
        int tab = line.indexOf('\t');
        if (tab < 0) {
          throw new IllegalArgumentException(articles + ":" + n + ": no tab");
        }
        StringBuilder row = new StringBuilder(line.substring(0, tab));
        try (TokenStream stream =
                 analyzer.tokenStream("body", line.substring(tab + 1))) {
          CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
          PositionIncrementAttribute increment =
              stream.addAttribute(PositionIncrementAttribute.class);
          stream.reset();
          int position = 0;
          while (stream.incrementToken()) {
            position += increment.getPositionIncrement();
            row.append('\t').append(term).append('\t').append(position);
          }
          stream.end();
        }
        out.println(row);
      }
    }
  }

  private static final class Known {
    String qid;
    String query;
    Set<String> relevant;
  }

  private static void rank(String dir, String known, String ranks)
      throws Exception {
    List<Known> items = new ArrayList<>();
    try (BufferedReader in = open(known)) {
      in.readLine();  // Header.
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split("\t", -1);
        Known k = new Known();
        k.qid = f[0];
        k.query = f[3];
        k.relevant = new HashSet<>(Arrays.asList(f[5].split(",")));
        items.add(k);
      }
    }
    try (DirectoryReader reader =
             DirectoryReader.open(FSDirectory.open(new File(dir)));
         PrintWriter out = new PrintWriter(new OutputStreamWriter(
             new FileOutputStream(ranks), StandardCharsets.UTF_8))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      QueryParser parser = new QueryParser("body", new CJKAnalyzer());
      parser.setDefaultOperator(QueryParser.Operator.AND);
      parser.setAutoGeneratePhraseQueries(true);
      for (int i = 0; i < Math.min(20, items.size()); ++i) {
        search(searcher, parser, items.get(i).query);
      }
      out.print("qid\trank\tms\terror\n");
      for (Known k : items) {
        long start = System.nanoTime();
        String error = "-";
        List<String> ids = new ArrayList<>();
        try {
          ids = search(searcher, parser, k.query);
        } catch (Exception e) {  // A rejected query is the peer's result.
          error = e.getClass().getSimpleName() + ": " +
                  String.valueOf(e.getMessage()).replace('\t', ' ')
                      .replace('\n', ' ');
        }
        double ms = (System.nanoTime() - start) / 1e6;
        int rank = 0;
        for (int i = 0; i < ids.size(); ++i) {
          if (k.relevant.contains(ids.get(i))) {
            rank = i + 1;
            break;
          }
        }
        out.printf("%s\t%d\t%.3f\t%s\n", k.qid, rank, ms, error);
      }
    }
  }

  private static List<String> search(IndexSearcher searcher,
                                     QueryParser parser, String text)
      throws Exception {
    Query query = parser.parse(QueryParser.escape(text));
    List<String> ids = new ArrayList<>();
    for (ScoreDoc d : searcher.search(query, 10).scoreDocs) {
      ids.add(searcher.doc(d.doc).get("id"));
    }
    return ids;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("index")) {
      index(args[1], args[2]);
    } else if (args.length == 4 && args[0].equals("rank")) {
      rank(args[1], args[2], args[3]);
    } else if (args.length == 3 && args[0].equals("tokens")) {
      tokens(args[1], args[2]);
    } else {
      System.err.println(
          "usage: LucenePeer index ARTICLES.tsv INDEX_DIR\n"
          + "       LucenePeer rank INDEX_DIR KNOWN.tsv RANKS.tsv\n"
          + "       LucenePeer tokens ARTICLES.tsv TOKENS.tsv");
      System.exit(2);
    }
  }
}
