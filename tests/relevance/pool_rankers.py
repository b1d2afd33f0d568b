#!/usr/bin/env python3
"""Pools candidates for the "topic" family (tests/relevance/topic_judgments.tsv)
from several rankers, so the judged pool is not the project's own top 10 only.

    python3 tests/relevance/pool_rankers.py [-k 10] [--db DIR] [--papers BIN]
                                            [--query Q]... [--rankers ours,xapian,...]
                                            [--all] [--ids]
    python3 tests/relevance/pool_rankers.py --stats BASELINE.tsv [-k 10]

For every topic query of topic_judgments.tsv (or only the --query ones, which
need not be in the file yet), takes the top K (default 10) papers of each
ranker:
  ours    `papers search --json QUERY` (the project CLI, default settings)
  ours0   the same with --votes-weight 0
  xapian  plain Xapian (python3-xapian): TermGenerator with the English
          stemmer and FLAG_CJK_NGRAM over title + summary; QueryParser with the
          same stemmer and flags, default operator OR; BM25 (Xapian defaults)
  fts5    SQLite FTS5, tokenize='unicode61', columns title and summary;
          the query's whitespace-separated words, each quoted, OR'd; bm25()
  rg      what a grep user would do: papers ranked by the number of
          case-insensitive occurrences of the query's words (substrings) in
          title + summary (ties: more distinct words, then corpus order)
(--rankers: only those named) and prints the pooled candidates that are not
yet judged for that query: neither listed on its line (grade >= 1) nor in topic_judged_zero.tsv (papers
read and graded 0). Each with the rankers/ranks that found it, its title and
the first 500 characters of its summary. --all prints judged ones too (with
their grade); --ids prints only `query<TAB>id` lines.

--stats BASELINE.tsv: for each ranker, how many papers that are relevant now
but were not in BASELINE (an older topic_judgments.tsv, e.g. from
`git show REV:tests/relevance/topic_judgments.tsv`) it has in its top K: the
relevant papers the older pool missed, per ranker.

Paper blocks are read like pool_topic_candidates.py does (the first block of
an id wins). The CLI needs an index of the same corpus:
  papers rebuild --db /tmp/judge-idx --corpus .../daily_papers_ko/paper_logs
Output is deterministic (corpus order, fixed tie-breaks). Standard library +
python3-xapian (apt-get install python3-xapian; Debian installs it for
/usr/bin/python3, and the script re-runs itself there when the python3 on PATH
lacks it).

The 2026-12-06 pooling of topic_judgments.tsv, reproduced:
  papers rebuild --db /tmp/judge-idx --corpus ../shared/corpus/daily_papers_ko/paper_logs
  python3 tests/relevance/pool_rankers.py -k 10                        # 60 older queries
  python3 tests/relevance/pool_rankers.py -k 20 --rankers ours,ours0   # their ranks 11-20
  python3 tests/relevance/pool_rankers.py -k 20 --query '객체 검출'      # a new query (plus
      pool_topic_candidates.py REGEX... for its regex pool)
(each prints nothing now but headers: every candidate is judged), and
  python3 tests/relevance/pool_rankers.py --stats <(git show 8b95dc2:tests/relevance/topic_judgments.tsv)
counts the relevant papers each ranker found that the 2026-11-25 pool lacked.
"""
import json
import os
import re
import sqlite3
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from pool_topic_candidates import logs_dir, papers  # noqa: E402

try:
    import xapian  # noqa: F401
except ImportError:  # e.g. a pyenv python3 first on PATH; Debian's python3-xapian is for /usr/bin/python3
    if os.path.exists('/usr/bin/python3') and os.path.realpath(sys.executable) != os.path.realpath('/usr/bin/python3'):
        os.execv('/usr/bin/python3', ['/usr/bin/python3'] + sys.argv)
    raise

RANKERS = ('ours', 'ours0', 'xapian', 'fts5', 'rg')


def read_judgments(path):
    """[(query, {id: grade})] in file order."""
    rows = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            family, query, _ids, grades = line.split('\t')
            g = {}
            for item in grades.split():
                pid, grade = item.rsplit(':', 1)
                g[pid] = int(grade)
            rows.append((query, g))
    return rows


def read_zero(path):
    """{query: set(ids judged 0)} from topic_judged_zero.tsv (query<TAB>ids)."""
    zero = {}
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                if not line.strip() or line.startswith('#'):
                    continue
                query, ids = line.split('\t')
                zero.setdefault(query, set()).update(ids.split())
    return zero


class Corpus:
    def __init__(self):
        self.docs = []  # (id, title, summary), first block of an id
        seen = set()
        for pid, title, summ in papers(logs_dir()):
            if pid not in seen:
                seen.add(pid)
                self.docs.append((pid, title, summ))
        self.by_id = {d[0]: d for d in self.docs}
        self._xapian = None
        self._fts = None
        self._lower = [(d[0], (d[1] + '\n' + d[2]).lower()) for d in self.docs]

    # -- ours -----------------------------------------------------------------
    def ours(self, binary, db, query, k, votes_weight=None):
        cmd = [binary, 'search', '--db', db, '--json', '--limit', str(k)]
        if votes_weight is not None:
            cmd += ['--votes-weight', str(votes_weight)]
        cmd += ['--', query]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        return [r['arxiv_id'] for r in json.loads(out)['results']][:k]

    # -- plain Xapian ---------------------------------------------------------
    def xapian(self, query, k):
        import xapian
        if self._xapian is None:
            db = xapian.WritableDatabase("", xapian.DB_BACKEND_INMEMORY)
            tg = xapian.TermGenerator()
            tg.set_stemmer(xapian.Stem('english'))
            tg.set_flags(xapian.TermGenerator.FLAG_CJK_NGRAM)
            for pid, title, summ in self.docs:
                doc = xapian.Document()
                tg.set_document(doc)
                tg.index_text(title)
                tg.increase_termpos()
                tg.index_text(summ)
                doc.set_data(pid)
                db.add_document(doc)
            self._xapian = db
        db = self._xapian
        qp = xapian.QueryParser()
        qp.set_stemmer(xapian.Stem('english'))
        qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
        qp.set_database(db)
        qp.set_default_op(xapian.Query.OP_OR)
        q = qp.parse_query(query, xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_CJK_NGRAM)
        enq = xapian.Enquire(db)
        enq.set_query(q)
        enq.set_weighting_scheme(xapian.BM25Weight())
        return [m.document.get_data().decode() for m in enq.get_mset(0, k)]

    # -- SQLite FTS5 ----------------------------------------------------------
    def fts5(self, query, k):
        if self._fts is None:
            con = sqlite3.connect(':memory:')
            con.execute("CREATE VIRTUAL TABLE p USING fts5(pid UNINDEXED, title, summary, tokenize='unicode61')")
            con.executemany('INSERT INTO p(rowid, pid, title, summary) VALUES (?, ?, ?, ?)',
                            [(i + 1, d[0], d[1], d[2]) for i, d in enumerate(self.docs)])
            self._fts = con
        words = query.split()
        if not words:
            return []
        match = ' OR '.join('"%s"' % w.replace('"', '""') for w in words)
        rows = self._fts.execute('SELECT pid FROM p WHERE p MATCH ? ORDER BY bm25(p), rowid LIMIT ?',
                                 (match, k)).fetchall()
        return [r[0] for r in rows]

    # -- grep -----------------------------------------------------------------
    def rg(self, query, k):
        words = sorted(set(w.lower() for w in query.split()))
        scored = []
        for order, (pid, text) in enumerate(self._lower):
            counts = [text.count(w) for w in words]
            total = sum(counts)
            if total:
                scored.append((-total, -sum(1 for c in counts if c), order, pid))
        scored.sort()
        return [s[3] for s in scored[:k]]

    def rank_all(self, binary, db, query, k):
        return {
            'ours': self.ours(binary, db, query, k),
            'ours0': self.ours(binary, db, query, k, votes_weight=0),
            'xapian': self.xapian(query, k),
            'fts5': self.fts5(query, k),
            'rg': self.rg(query, k),
        }


def main(argv):
    k, db, binary = 10, '/tmp/judge-idx', os.environ.get('PAPERS_BIN', '/tmp/judge-bin/papers')
    queries, show_all, ids_only, stats = [], False, False, None
    use = list(RANKERS)
    judgments = os.path.join(HERE, 'topic_judgments.tsv')
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == '-k':
            k = int(argv[i + 1]); i += 2
        elif a == '--db':
            db = argv[i + 1]; i += 2
        elif a == '--papers':
            binary = argv[i + 1]; i += 2
        elif a == '--query':
            queries.append(argv[i + 1]); i += 2
        elif a == '--judgments':
            judgments = argv[i + 1]; i += 2
        elif a == '--stats':
            stats = argv[i + 1]; i += 2
        elif a == '--rankers':
            use = argv[i + 1].split(','); i += 2
            if set(use) - set(RANKERS):
                sys.exit('unknown ranker in %s; rankers: %s' % (argv[i - 1], ','.join(RANKERS)))
        elif a == '--all':
            show_all = True; i += 1
        elif a == '--ids':
            ids_only = True; i += 1
        else:
            sys.exit(__doc__)
    judged = read_judgments(judgments)
    grades = dict(judged)
    zero = read_zero(os.path.join(HERE, 'topic_judged_zero.tsv'))
    todo = queries or [q for q, _ in judged]
    corpus = Corpus()

    if stats:
        base = dict(read_judgments(stats))
        new_by = {r: 0 for r in RANKERS}
        new_by2 = {r: 0 for r in RANKERS}  # of them grade >= 2
        only_by = {r: 0 for r in RANKERS}  # found by no other ranker
        new_any = 0
        per_query = []
        for q in todo:
            if q not in base:
                continue
            ranks = corpus.rank_all(binary, db, q, k)
            newrel = {p for p in grades.get(q, {}) if p not in base[q]}
            found = set()
            for r in RANKERS:
                hit = newrel & set(ranks[r])
                new_by[r] += len(hit)
                new_by2[r] += sum(1 for p in hit if grades[q][p] >= 2)
                others = set()
                for o in RANKERS:
                    if o != r:
                        others |= set(ranks[o])
                only_by[r] += len(hit - others)
                found |= hit
            new_any += len(found)
            if newrel:
                per_query.append('%s: %d new relevant (%s)' % (q, len(newrel), ' '.join(sorted(newrel))))
        print('# relevant now, not in %s, in each ranker\'s top %d: all, grade >= 2, found by that ranker only:'
              % (stats, k))
        for r in RANKERS:
            print('%s\t%d\t%d\t%d' % (r, new_by[r], new_by2[r], only_by[r]))
        print('any\t%d' % new_any)
        for line in per_query:
            print('# ' + line)
        return

    for q in todo:
        g = grades.get(q, {})
        z = zero.get(q, set())
        ranks = corpus.rank_all(binary, db, q, k)
        found = {}
        for r in use:
            for n, pid in enumerate(ranks[r], 1):
                found.setdefault(pid, []).append('%s@%d' % (r, n))
        # order: found by more rankers first, then best rank, then id
        order = sorted(found, key=lambda p: (-len(found[p]),
                                             min(int(x.split('@')[1]) for x in found[p]), p))
        pending = [p for p in order if p not in g and p not in z]
        if ids_only:
            for p in pending:
                print('%s\t%s' % (q, p))
            continue
        print('#### %s  (pool %d, unjudged %d)' % (q, len(order), len(pending)))
        for p in (order if show_all else pending):
            pid, title, summ = corpus.by_id[p]
            mark = ('grade %d' % g[p]) if p in g else ('grade 0' if p in z else 'UNJUDGED')
            print('== %s | %s | %s | %s' % (pid, title, ' '.join(found[p]), mark))
            print('   ' + re.sub(r'\s+', ' ', summ)[:500])
        print()


if __name__ == '__main__':
    main(sys.argv[1:])
