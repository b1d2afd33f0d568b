#!/usr/bin/env python3
"""Pools candidate papers for the "topic" family of the relevance harness
(tests/relevance/topic_judgments.tsv) by regular expression, independently of
the project's search engine.

    python3 tests/relevance/pool_topic_candidates.py REGEX [REGEX...]
    python3 tests/relevance/pool_topic_candidates.py -t REGEX ...   # titles only
    python3 tests/relevance/pool_topic_candidates.py -n 800 REGEX  # longer summaries
    python3 tests/relevance/pool_topic_candidates.py -i          # ids only

Splits every digest under PAPER_LOGS (env PAPERS_LOGS, default
../shared/corpus/daily_papers_ko/paper_logs relative to the project root, or
/work/shared/corpus/daily_papers_ko/paper_logs) into paper blocks (a block
starts at `### [Title](https://arxiv.org/abs/ID)`), and prints, for every
block matching ANY of the regexes (case-insensitive, searched in title +
summary), its id, title, which regexes matched, and the first N (default 400)
characters of its summary. Blocks matching more regexes are printed first.
Standard library only. A human then reads the candidates and grades them.
"""
import os
import re
import sys

HEADER = re.compile(r'^### \[(.*)\]\((?:https?://)?arxiv\.org/abs/([^)\s]+?)(?:v\d+)?\)\s*$')


def logs_dir():
    env = os.environ.get('PAPERS_LOGS')
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    for cand in (os.path.join(here, '..', '..', '..', 'shared', 'corpus', 'daily_papers_ko', 'paper_logs'),
                 '/work/shared/corpus/daily_papers_ko/paper_logs'):
        if os.path.isdir(cand):
            return cand
    sys.exit('paper_logs not found; set PAPERS_LOGS')


def papers(root):
    """Yields (id, title, summary) for every paper block, in file order."""
    for dirpath, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if not name.endswith('.md'):
                continue
            with open(os.path.join(dirpath, name), encoding='utf-8') as f:
                lines = f.read().split('\n')
            cur = None
            for line in lines:
                m = HEADER.match(line)
                if m:
                    if cur:
                        yield cur[0], cur[1], '\n'.join(cur[2])
                    cur = (m.group(2), m.group(1), [])
                elif cur is not None:
                    s = line.strip()
                    if s.startswith('![') or s.startswith('Vote:') or s.startswith('Authors:') or s.startswith('## ') or not s:
                        continue
                    cur[2].append(s)
            if cur:
                yield cur[0], cur[1], '\n'.join(cur[2])


def main(argv):
    n, titles_only, ids_only = 400, False, False
    pats = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == '-n':
            n = int(argv[i + 1]); i += 2; continue
        if a == '-t':
            titles_only = True; i += 1; continue
        if a == '-i':
            ids_only = True; i += 1; continue
        pats.append(a); i += 1
    if not pats:
        sys.exit(__doc__)
    regs = [re.compile(p, re.I) for p in pats]
    hits = []
    seen = set()
    for pid, title, summ in papers(logs_dir()):
        if pid in seen:
            continue
        seen.add(pid)
        text = title if titles_only else title + '\n' + summ
        matched = [k for k, r in enumerate(regs) if r.search(text)]
        if matched:
            hits.append((-len(matched), pid, title, summ, matched))
    hits.sort(key=lambda h: h[0])
    for _, pid, title, summ, matched in hits:
        if ids_only:
            print(pid)
            continue
        print('== %s | %s | m=%s' % (pid, title, ','.join(str(k) for k in matched)))
        print('   ' + summ.replace('\n', ' ')[:n])
    print('# %d candidates' % len(hits), file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1:])
